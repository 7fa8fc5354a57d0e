import ProfileDomain

extension CreatorWire {
    /// The `profile` object of the creator spec's responses:
    /// `{id, userId, username, displayName, bio, niche, location, socialLinks, avatar, createdAt,
    /// updatedAt}`.
    ///
    /// Every key is always written: an unset string or location is `null`, no niche is `[]`, no
    /// link is `{}` (the shape the spec's registration example creates). Dates are RFC 3339 with
    /// `Z`.
    public struct ProfilePayload: Sendable, Hashable, Codable {
        /// The profile's id.
        public let id: ProfileID
        /// The owner's user id.
        public let userId: UserID
        /// The handle, or `null` before one is chosen.
        public let username: String?
        /// The display name.
        public let displayName: String?
        /// The bio.
        public let bio: String?
        /// The niches, in order.
        public let niche: [String]
        /// The location: `{city, state, country}`, unset parts left out, and `text` when another
        /// spec sent a free-form location.
        public let location: Location?
        /// Links by platform key (`instagram`, `tiktok`, ...).
        public let socialLinks: [String: String]
        /// The avatar URL.
        public let avatar: String?
        /// When the profile was created.
        public let createdAt: WireTimestamp
        /// When the profile last changed.
        public let updatedAt: WireTimestamp

        /// Creates a payload from its fields.
        init(
            id: ProfileID, userId: UserID, username: String?, displayName: String?, bio: String?, niche: [String],
            location: Location?, socialLinks: [String: String], avatar: String?,
            createdAt: WireTimestamp, updatedAt: WireTimestamp
        ) {
            self.id = id
            self.userId = userId
            self.username = username
            self.displayName = displayName
            self.bio = bio
            self.niche = niche
            self.location = location
            self.socialLinks = socialLinks
            self.avatar = avatar
            self.createdAt = createdAt
            self.updatedAt = updatedAt
        }

        /// The payload of a model profile.
        public init(_ profile: Profile) {
            self.init(
                id: profile.id, userId: profile.userID, username: profile.username?.rawValue,
                displayName: profile.displayName, bio: profile.bio, niche: profile.niches,
                location: profile.location, socialLinks: Self.links(profile.socialLinks),
                avatar: profile.avatar, createdAt: WireTimestamp(profile.createdAt, style: .rfc3339),
                updatedAt: WireTimestamp(profile.updatedAt, style: .rfc3339))
        }

        private enum CodingKeys: String, CodingKey {
            case id, userId, username, displayName, bio, niche, location, socialLinks, avatar, createdAt, updatedAt
        }

        /// Encodes every key, writing `null` for unset values.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(userId, forKey: .userId)
            try container.encode(username, forKey: .username)
            try container.encode(displayName, forKey: .displayName)
            try container.encode(bio, forKey: .bio)
            try container.encode(niche, forKey: .niche)
            try container.encode(location, forKey: .location)
            try container.encode(socialLinks, forKey: .socialLinks)
            try container.encode(avatar, forKey: .avatar)
            try container.encode(createdAt, forKey: .createdAt)
            try container.encode(updatedAt, forKey: .updatedAt)
        }

        static func links(_ links: [SocialPlatform: String]) -> [String: String] {
            Dictionary(uniqueKeysWithValues: links.map { ($0.key.rawValue, $0.value) })
        }
    }
}
