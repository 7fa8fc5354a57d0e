import ProfileDomain

extension SocialWire {
    /// The `data` of `GET /api/v1/profile/me` and `PUT /api/v1/profile/update`: the owner's full
    /// profile, private fields included.
    ///
    /// Keys and order follow the spec's sample. Every optional value is written, `null` when
    /// unset (`"middleName": null`). `id` is the user id (the spec's "Account UUID"); `createdAt`
    /// is the account's creation, `editedAt` the profile's last change (the account's creation
    /// before a profile exists). The counts (`followersCount` ... `eventsCount`) are optional
    /// because the update sample leaves them out: see ``init(_:includingCounts:)``.
    public struct OwnerProfile: Sendable, Hashable, Codable {
        /// The user id.
        public let id: UserID
        /// The public handle.
        public let userName: String?
        /// The first name.
        public let firstName: String?
        /// The last name.
        public let lastName: String?
        /// The middle name.
        public let middleName: String?
        /// The linked email (private).
        public let email: String?
        /// The linked phone number (private).
        public let phoneNumber: String?
        /// The bio.
        public let bio: String?
        /// The location as one string.
        public let location: String?
        /// Profile pictures, primary first.
        public let profilePictureUrls: [String]
        /// The platform's verified badge.
        public let isVerified: Bool
        /// Whether the email is verified.
        public let isEmailVerified: Bool
        /// Whether the phone is verified.
        public let isPhoneVerified: Bool
        /// Whether 2FA is on.
        public let isTwoFactorEnabled: Bool
        /// Whether the account is locked.
        public let isAccountLocked: Bool
        /// Followers; `nil` leaves the key out.
        public let followersCount: Int?
        /// Accounts followed; `nil` leaves the key out.
        public let followingCount: Int?
        /// Posts; `nil` leaves the key out.
        public let postsCount: Int?
        /// Shops; `nil` leaves the key out.
        public let shopsCount: Int?
        /// Events; `nil` leaves the key out.
        public let eventsCount: Int?
        /// When the account was created.
        public let createdAt: WireTimestamp
        /// When the profile last changed.
        public let editedAt: WireTimestamp
        /// The roles.
        public let roles: [String]
        /// The security score and advice.
        public let securityStrength: SecurityStrengthPayload

        /// The payload of the owner's view.
        ///
        /// `includingCounts` writes the five counts, as `GET /me` does; `PUT /update`'s sample has
        /// none, so a server answering it passes `false`.
        public init(_ view: OwnerProfileView, includingCounts: Bool = true) {
            let profile = view.profile
            self.id = view.userID
            self.userName = profile?.username?.rawValue
            self.firstName = profile?.firstName
            self.lastName = profile?.lastName
            self.middleName = profile?.middleName
            self.email = view.account.email
            self.phoneNumber = view.account.phoneNumber
            self.bio = profile?.bio
            self.location = profile?.location?.displayText
            self.profilePictureUrls = profile?.pictureURLs ?? []
            self.isVerified = view.account.isVerified
            self.isEmailVerified = view.account.isEmailVerified
            self.isPhoneVerified = view.account.isPhoneVerified
            self.isTwoFactorEnabled = view.account.isTwoFactorEnabled
            self.isAccountLocked = view.account.isLocked
            let counters = profile?.counters ?? ProfileCounters()
            self.followersCount = includingCounts ? view.socialCounts.followers : nil
            self.followingCount = includingCounts ? view.socialCounts.following : nil
            self.postsCount = includingCounts ? counters.posts : nil
            self.shopsCount = includingCounts ? counters.shops : nil
            self.eventsCount = includingCounts ? counters.events : nil
            self.createdAt = WireTimestamp(view.account.createdAt, style: .zoneless)
            self.editedAt = WireTimestamp(profile?.updatedAt ?? view.account.createdAt, style: .zoneless)
            self.roles = view.account.roles
            self.securityStrength = SecurityStrengthPayload(view.securityStrength)
        }

        private enum CodingKeys: String, CodingKey {
            case id, userName, firstName, lastName, middleName, email, phoneNumber, bio, location
            case profilePictureUrls, isVerified, isEmailVerified, isPhoneVerified, isTwoFactorEnabled
            case isAccountLocked, followersCount, followingCount, postsCount, shopsCount, eventsCount
            case createdAt, editedAt, roles, securityStrength
        }

        /// Encodes every key, `null` for unset values; the counts only when set.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(userName, forKey: .userName)
            try container.encode(firstName, forKey: .firstName)
            try container.encode(lastName, forKey: .lastName)
            try container.encode(middleName, forKey: .middleName)
            try container.encode(email, forKey: .email)
            try container.encode(phoneNumber, forKey: .phoneNumber)
            try container.encode(bio, forKey: .bio)
            try container.encode(location, forKey: .location)
            try container.encode(profilePictureUrls, forKey: .profilePictureUrls)
            try container.encode(isVerified, forKey: .isVerified)
            try container.encode(isEmailVerified, forKey: .isEmailVerified)
            try container.encode(isPhoneVerified, forKey: .isPhoneVerified)
            try container.encode(isTwoFactorEnabled, forKey: .isTwoFactorEnabled)
            try container.encode(isAccountLocked, forKey: .isAccountLocked)
            try container.encodeIfPresent(followersCount, forKey: .followersCount)
            try container.encodeIfPresent(followingCount, forKey: .followingCount)
            try container.encodeIfPresent(postsCount, forKey: .postsCount)
            try container.encodeIfPresent(shopsCount, forKey: .shopsCount)
            try container.encodeIfPresent(eventsCount, forKey: .eventsCount)
            try container.encode(createdAt, forKey: .createdAt)
            try container.encode(editedAt, forKey: .editedAt)
            try container.encode(roles, forKey: .roles)
            try container.encode(securityStrength, forKey: .securityStrength)
        }
    }
}
