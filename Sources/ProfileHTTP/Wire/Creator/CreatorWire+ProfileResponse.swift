import ProfileDomain

extension CreatorWire {
    /// The success body of `PUT` and `GET /api/v1/profiles/me`: `{"success": true, "profile": {...}}`.
    public struct ProfileResponse: Sendable, Hashable, Codable {
        /// Always `true`.
        public let success: Bool
        /// The profile.
        public let profile: ProfilePayload

        /// Creates a success body around `profile`.
        init(profile: ProfilePayload) {
            self.success = true
            self.profile = profile
        }

        /// The success body for the owner's view, or `nil` when the user has no profile yet (a
        /// server answers that with ``ErrorResponse`` of ``ProfileDomain/ProfileError/profileNotFound``).
        public init?(_ view: OwnerProfileView) {
            guard let profile = view.profile else { return nil }
            self.init(profile: ProfilePayload(profile))
        }
    }
}
