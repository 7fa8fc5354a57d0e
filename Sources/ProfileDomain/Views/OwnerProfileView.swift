#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything the owner of a profile may see: the public fields plus the private ones (email,
/// phone, verification flags, 2FA, lock, roles, security strength) and the version for an ETag.
///
/// Built only for the owner; the wire formats of `GET /me`-style endpoints encode it.
public struct OwnerProfileView: Sendable, Hashable {
    /// The account.
    public let account: Account
    /// The profile, or `nil` before it is created.
    public let profile: Profile?
    /// The preferences (defaults until saved).
    public let preferences: Preferences
    /// Followers and following.
    public let socialCounts: SocialCounts
    /// The account's security strength.
    public let securityStrength: SecurityStrength
    /// How complete the profile is.
    public let completeness: ProfileCompleteness

    /// Builds the owner's view of `record`.
    package init(record: UserRecord, socialCounts: SocialCounts) {
        self.account = record.account
        self.profile = record.profile
        self.preferences = record.preferences
        self.socialCounts = socialCounts
        self.securityStrength = record.account.securityStrength
        self.completeness = ProfileCompleteness(of: record.profile)
    }

    /// The user.
    public var userID: UserID { account.userID }
    /// The version an ETag carries: the profile's, 0 before a profile exists.
    public var version: Int { profile?.version ?? 0 }
    /// The ETag value for this view, e.g. `"v3"` (strong, quoted as RFC 9110 requires).
    public var entityTag: String { "\"v\(version)\"" }
}
