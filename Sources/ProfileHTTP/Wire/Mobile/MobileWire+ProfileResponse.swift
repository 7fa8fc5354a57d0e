import ProfileDomain

extension MobileWire {
    /// The body of `GET /mobile/user/profile`: `{"user_profile": {...}}`.
    public struct ProfileResponse: Sendable, Hashable, Codable {
        /// The profile.
        public let userProfile: UserProfile

        /// The body for the owner's view.
        public init(_ view: OwnerProfileView) {
            self.userProfile = UserProfile(view)
        }

        private enum CodingKeys: String, CodingKey {
            case userProfile = "user_profile"
        }
    }
}
