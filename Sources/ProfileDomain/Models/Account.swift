#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Who a user is in the system: contact points, verification, security, roles.
///
/// Every field is server-owned: no profile update sets any of them. The Django spec's update may
/// change ``email`` and ``phoneNumber`` through an ``AccountPatch``, under the policy that allows it.
/// The username is not here: it is a property of the public ``Profile`` (one source of truth).
public struct Account: Sendable, Hashable, Codable {
    /// The user this account belongs to.
    public var userID: UserID
    /// The email address; unique across accounts (case-insensitively) when set.
    public var email: String?
    /// The phone number, as validated by the policy (E.164 or national digits).
    public var phoneNumber: String?
    /// Whether the platform verified the account itself (the social spec's `isVerified`).
    public var isVerified: Bool
    /// Whether the email address has been verified.
    public var isEmailVerified: Bool
    /// Whether the phone number has been verified.
    public var isPhoneVerified: Bool
    /// Whether two-factor authentication is enabled.
    public var isTwoFactorEnabled: Bool
    /// Whether the account is locked or deactivated.
    public var isLocked: Bool
    /// The roles granted, e.g. `ROLE_USER`.
    public var roles: [String]
    /// When the account was created.
    public var createdAt: Date

    /// Creates an account; flags default to `false`, roles to `["ROLE_USER"]`.
    public init(
        userID: UserID,
        email: String? = nil,
        phoneNumber: String? = nil,
        isVerified: Bool = false,
        isEmailVerified: Bool = false,
        isPhoneVerified: Bool = false,
        isTwoFactorEnabled: Bool = false,
        isLocked: Bool = false,
        roles: [String] = ["ROLE_USER"],
        createdAt: Date
    ) {
        self.userID = userID
        self.email = email
        self.phoneNumber = phoneNumber
        self.isVerified = isVerified
        self.isEmailVerified = isEmailVerified
        self.isPhoneVerified = isPhoneVerified
        self.isTwoFactorEnabled = isTwoFactorEnabled
        self.isLocked = isLocked
        self.roles = roles
        self.createdAt = createdAt
    }

    /// The key that decides email uniqueness: the address lowercased, or `nil` without an email.
    public var emailKey: String? { email.map { $0.lowercased() } }

    /// The account's security strength, computed from its verification flags and 2FA.
    public var securityStrength: SecurityStrength { SecurityStrength(for: self) }
}
