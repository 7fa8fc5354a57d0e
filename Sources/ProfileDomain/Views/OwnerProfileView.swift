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
    public var account: Account
    /// The profile, or `nil` before it is created.
    public var profile: Profile?
    /// The preferences (defaults until saved).
    public var preferences: Preferences
    /// Followers and following.
    public var socialCounts: SocialCounts
    /// The account's security strength.
    public var securityStrength: SecurityStrength
    /// How complete the profile is.
    public var completeness: ProfileCompleteness

    /// Builds the owner's view of `record`.
    public init(record: UserRecord, socialCounts: SocialCounts) {
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
