import ProfileDomain

extension MobileWire {
    /// The body of a successful `POST /mobile/user/profile`:
    /// `{"success": true, "message": "Profile updated successfully", "user_profile": {...}}`.
    public struct UpdateResponse: Sendable, Hashable, Codable {
        /// Always `true`.
        public let success: Bool
        /// `Profile updated successfully`.
        public let message: String
        /// The profile after the update.
        public let userProfile: UpdatedUserProfile

        /// The body for the owner's view after an update.
        public init(_ view: OwnerProfileView, message: String = "Profile updated successfully") {
            self.success = true
            self.message = message
            self.userProfile = UpdatedUserProfile(view)
        }

        private enum CodingKeys: String, CodingKey {
            case success, message
            case userProfile = "user_profile"
        }
    }
}
