import ProfileDomain

extension SocialWire {
    /// The `relationship` object of a public profile:
    /// `{isFollowing, isFollowedBy, isBlocked, isBlockedBy}`, from the caller's side.
    public struct RelationshipPayload: Sendable, Hashable, Codable {
        /// The caller follows this user.
        public let isFollowing: Bool
        /// This user follows the caller.
        public let isFollowedBy: Bool
        /// The caller has blocked this user.
        public let isBlocked: Bool
        /// This user has blocked the caller.
        public let isBlockedBy: Bool

        /// The payload of a relationship.
        public init(_ relationship: Relationship) {
            self.isFollowing = relationship.isFollowing
            self.isFollowedBy = relationship.isFollowedBy
            self.isBlocked = relationship.isBlocked
            self.isBlockedBy = relationship.isBlockedBy
        }
    }
}
