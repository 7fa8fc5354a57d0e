import ProfileDomain

extension MobileWire {
    /// The `user_profile` of the `GET /mobile/user/profile` response:
    /// `{display_name, email, created_at, preferences}`.
    ///
    /// `display_name` and `email` are `null` when unset. `created_at` is the profile's creation,
    /// else the account's.
    public struct UserProfile: Sendable, Hashable, Codable {
        /// The display name.
        public let displayName: String?
        /// The account's email.
        public let email: String?
        /// When the profile was created.
        public let createdAt: WireTimestamp
        /// The preferences.
        public let preferences: PreferencesPayload

        /// The payload of the owner's view.
        public init(_ view: OwnerProfileView) {
            self.displayName = view.profile?.displayName
            self.email = view.account.email
            self.createdAt = WireTimestamp(view.profile?.createdAt ?? view.account.createdAt, style: .rfc3339)
            self.preferences = PreferencesPayload(view.preferences)
        }

        private enum CodingKeys: String, CodingKey {
            case displayName = "display_name"
            case email
            case createdAt = "created_at"
            case preferences
        }

        /// Encodes every key, `null` for an unset name or email.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(displayName, forKey: .displayName)
            try container.encode(email, forKey: .email)
            try container.encode(createdAt, forKey: .createdAt)
            try container.encode(preferences, forKey: .preferences)
        }
    }
}
