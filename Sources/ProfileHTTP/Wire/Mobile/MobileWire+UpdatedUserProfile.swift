import ProfileDomain

extension MobileWire {
    /// The `user_profile` of the `POST /mobile/user/profile` response:
    /// `{display_name, email, preferences, updated_at}`.
    ///
    /// `display_name` and `email` are `null` when unset. `updated_at` is the later of the
    /// profile's and the preferences' last change, else the account's creation.
    public struct UpdatedUserProfile: Sendable, Hashable, Codable {
        /// The display name.
        public let displayName: String?
        /// The account's email.
        public let email: String?
        /// The preferences.
        public let preferences: PreferencesPayload
        /// When the profile or preferences last changed.
        public let updatedAt: WireTimestamp

        /// The payload of the owner's view.
        public init(_ view: OwnerProfileView) {
            self.displayName = view.profile?.displayName
            self.email = view.account.email
            self.preferences = PreferencesPayload(view.preferences)
            let changes = [view.profile?.updatedAt, view.preferences.updatedAt].compactMap { $0 }
            self.updatedAt = WireTimestamp(changes.max() ?? view.account.createdAt, style: .rfc3339)
        }

        private enum CodingKeys: String, CodingKey {
            case displayName = "display_name"
            case email, preferences
            case updatedAt = "updated_at"
        }

        /// Encodes every key, `null` for an unset name or email.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(displayName, forKey: .displayName)
            try container.encode(email, forKey: .email)
            try container.encode(preferences, forKey: .preferences)
            try container.encode(updatedAt, forKey: .updatedAt)
        }
    }
}
