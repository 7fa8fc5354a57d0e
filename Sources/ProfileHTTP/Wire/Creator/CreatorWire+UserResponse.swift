import ProfileDomain

extension CreatorWire {
    /// The body of `GET /api/v1/users/me`, the dashboard's call: `{success, user, profile,
    /// completeness}`.
    ///
    /// `profile` is `null` (written explicitly) before the user has created one; completeness is
    /// then 0 with every field missing.
    public struct UserResponse: Sendable, Hashable, Codable {
        /// Always `true`.
        public let success: Bool
        /// The account.
        public let user: UserPayload
        /// The profile, or `null`.
        public let profile: ProfilePayload?
        /// How complete the profile is.
        public let completeness: CompletenessPayload

        /// The body for the owner's view.
        public init(_ view: OwnerProfileView) {
            self.success = true
            self.user = UserPayload(view.account)
            self.profile = view.profile.map(ProfilePayload.init)
            self.completeness = CompletenessPayload(view.completeness)
        }

        private enum CodingKeys: String, CodingKey {
            case success, user, profile, completeness
        }

        /// Encodes every key, `profile` as `null` when there is none.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(success, forKey: .success)
            try container.encode(user, forKey: .user)
            try container.encode(profile, forKey: .profile)
            try container.encode(completeness, forKey: .completeness)
        }
    }
}
