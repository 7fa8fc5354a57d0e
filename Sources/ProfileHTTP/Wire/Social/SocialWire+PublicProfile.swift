import ProfileDomain

extension SocialWire {
    /// The `data` of `GET /api/v1/profile/id/{userId}` and `GET /api/v1/profile/u/{username}`:
    /// what anyone may see.
    ///
    /// Built from a ``PublicProfileView``, which has no private field to leak. `profilePictureUrl`
    /// is the first profile picture or `null` (the avatar is not substituted: the spec defines the
    /// field as the first of the list). `relationship` is written only when the view has one (an
    /// authenticated caller looking at someone else); other unset values are written as `null`.
    public struct PublicProfile: Sendable, Hashable, Codable {
        /// The user id.
        public var userId: UserID
        /// The public handle.
        public var userName: String?
        /// The first name.
        public var firstName: String?
        /// The last name.
        public var lastName: String?
        /// The primary profile picture.
        public var profilePictureUrl: String?
        /// The bio.
        public var bio: String?
        /// The location as one string.
        public var location: String?
        /// The platform's verified badge.
        public var isVerified: Bool
        /// Followers.
        public var followersCount: Int
        /// Accounts followed.
        public var followingCount: Int
        /// Posts.
        public var postsCount: Int
        /// Shops.
        public var shopsCount: Int
        /// Events.
        public var eventsCount: Int
        /// When the account was created.
        public var createdAt: WireTimestamp
        /// Whether the caller is the owner.
        public var isOwnProfile: Bool
        /// The caller's relationship with this user, when there is one to show.
        public var relationship: RelationshipPayload?

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
