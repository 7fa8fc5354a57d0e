import ProfileDomain

extension SocialWire {
    /// The `relationship` object of a public profile:
    /// `{isFollowing, isFollowedBy, isBlocked, isBlockedBy}`, from the caller's side.
    public struct RelationshipPayload: Sendable, Hashable, Codable {
        /// The caller follows this user.
        public var isFollowing: Bool
        /// This user follows the caller.
        public var isFollowedBy: Bool
        /// The caller has blocked this user.
        public var isBlocked: Bool
        /// This user has blocked the caller.
        public var isBlockedBy: Bool

        /// The payload of a relationship.
        public init(_ relationship: Relationship) {
            self.isFollowing = relationship.isFollowing
            self.isFollowedBy = relationship.isFollowedBy
            self.isBlocked = relationship.isBlocked
            self.isBlockedBy = relationship.isBlockedBy
        }
    }
}
