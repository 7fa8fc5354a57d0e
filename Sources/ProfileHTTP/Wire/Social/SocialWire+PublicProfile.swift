import ProfileDomain

extension SocialWire {
    /// The `data` of `GET /api/v1/profile/id/{userId}` and `GET /api/v1/profile/u/{username}`:
    /// what anyone may see.
    ///
    /// Built from a ``ProfileDomain/PublicProfileView``, which has no private field to leak. `profilePictureUrl`
    /// is the first profile picture or `null` (the avatar is not substituted: the spec defines the
    /// field as the first of the list). `relationship` is written only when the view has one (an
    /// authenticated caller looking at someone else); other unset values are written as `null`.
    public struct PublicProfile: Sendable, Hashable, Codable {
        /// The user id.
        public let userId: UserID
        /// The public handle.
        public let userName: String?
        /// The first name.
        public let firstName: String?
        /// The last name.
        public let lastName: String?
        /// The primary profile picture.
        public let profilePictureUrl: String?
        /// The bio.
        public let bio: String?
        /// The location as one string.
        public let location: String?
        /// The platform's verified badge.
        public let isVerified: Bool
        /// Followers.
        public let followersCount: Int
        /// Accounts followed.
        public let followingCount: Int
        /// Posts.
        public let postsCount: Int
        /// Shops.
        public let shopsCount: Int
        /// Events.
        public let eventsCount: Int
        /// When the account was created.
        public let createdAt: WireTimestamp
        /// Whether the caller is the owner.
        public let isOwnProfile: Bool
        /// The caller's relationship with this user, when there is one to show.
        public let relationship: RelationshipPayload?

        /// The payload of a public view.
        public init(_ view: PublicProfileView) {
            self.userId = view.userID
            self.userName = view.username?.rawValue
            self.firstName = view.firstName
            self.lastName = view.lastName
            self.profilePictureUrl = view.pictureURLs.first
            self.bio = view.bio
            self.location = view.location?.displayText
            self.isVerified = view.isVerified
            self.followersCount = view.socialCounts.followers
            self.followingCount = view.socialCounts.following
            self.postsCount = view.counters.posts
            self.shopsCount = view.counters.shops
            self.eventsCount = view.counters.events
            self.createdAt = WireTimestamp(view.createdAt, style: .zoneless)
            self.isOwnProfile = view.isOwnProfile
            self.relationship = view.relationship.map(RelationshipPayload.init)
        }

        private enum CodingKeys: String, CodingKey {
            case userId, userName, firstName, lastName, profilePictureUrl, bio, location, isVerified
            case followersCount, followingCount, postsCount, shopsCount, eventsCount, createdAt, isOwnProfile
            case relationship
        }

        /// Encodes every key, `null` for unset values; `relationship` only when set.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(userId, forKey: .userId)
            try container.encode(userName, forKey: .userName)
            try container.encode(firstName, forKey: .firstName)
            try container.encode(lastName, forKey: .lastName)
            try container.encode(profilePictureUrl, forKey: .profilePictureUrl)
            try container.encode(bio, forKey: .bio)
            try container.encode(location, forKey: .location)
            try container.encode(isVerified, forKey: .isVerified)
            try container.encode(followersCount, forKey: .followersCount)
            try container.encode(followingCount, forKey: .followingCount)
            try container.encode(postsCount, forKey: .postsCount)
            try container.encode(shopsCount, forKey: .shopsCount)
            try container.encode(eventsCount, forKey: .eventsCount)
            try container.encode(createdAt, forKey: .createdAt)
            try container.encode(isOwnProfile, forKey: .isOwnProfile)
            try container.encodeIfPresent(relationship, forKey: .relationship)
        }
    }
}
