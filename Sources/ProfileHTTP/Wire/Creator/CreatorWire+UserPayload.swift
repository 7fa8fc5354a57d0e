import ProfileDomain

extension CreatorWire {
    /// The `user` object of `GET /api/v1/users/me` (a shape the spec leaves open; this is the
    /// library's design): `{id, email, isEmailVerified, phoneNumber, isPhoneVerified, isVerified,
    /// isTwoFactorEnabled, roles, createdAt}`.
    ///
    /// The username is not here: it lives on the profile. Unset email and phone are `null`.
    public struct UserPayload: Sendable, Hashable, Codable {
        /// The user id.
        public let id: UserID
        /// The email address.
        public let email: String?
        /// Whether the email is verified.
        public let isEmailVerified: Bool
        /// The phone number.
        public let phoneNumber: String?
        /// Whether the phone is verified.
        public let isPhoneVerified: Bool
        /// Whether the platform verified the account.
        public let isVerified: Bool
        /// Whether 2FA is on.
        public let isTwoFactorEnabled: Bool
        /// The roles.
        public let roles: [String]
        /// When the account was created.
        public let createdAt: WireTimestamp

        /// The payload of an account.
        public init(_ account: Account) {
            self.id = account.userID
            self.email = account.email
            self.isEmailVerified = account.isEmailVerified
            self.phoneNumber = account.phoneNumber
            self.isPhoneVerified = account.isPhoneVerified
            self.isVerified = account.isVerified
            self.isTwoFactorEnabled = account.isTwoFactorEnabled
            self.roles = account.roles
            self.createdAt = WireTimestamp(account.createdAt, style: .rfc3339)
        }

        private enum CodingKeys: String, CodingKey {
            case id, email, isEmailVerified, phoneNumber, isPhoneVerified, isVerified, isTwoFactorEnabled, roles
            case createdAt
        }

        /// Encodes every key, writing `null` for an unset email or phone.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(email, forKey: .email)
            try container.encode(isEmailVerified, forKey: .isEmailVerified)
            try container.encode(phoneNumber, forKey: .phoneNumber)
            try container.encode(isPhoneVerified, forKey: .isPhoneVerified)
            try container.encode(isVerified, forKey: .isVerified)
            try container.encode(isTwoFactorEnabled, forKey: .isTwoFactorEnabled)
            try container.encode(roles, forKey: .roles)
            try container.encode(createdAt, forKey: .createdAt)
        }
    }
}
