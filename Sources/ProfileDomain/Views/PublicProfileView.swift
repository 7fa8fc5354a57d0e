#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What anyone may see of a profile. It has no property for a private field (email, phone,
/// verification other than the public badge, 2FA, lock, roles, security strength), so no wire
/// format can leak one.
///
/// ``relationship`` is set only when an authenticated caller looks at someone else's profile;
/// ``isOwnProfile`` is `true` when the caller looks at their own.
public struct PublicProfileView: Sendable, Hashable {
    /// The user.
    public let userID: UserID
    /// The profile's id, or `nil` before the profile is created.
    public let profileID: ProfileID?
    /// The public handle.
    public let username: Username?
    /// The display name.
    public let displayName: String?
    /// The first name.
    public let firstName: String?
    /// The middle name.
    public let middleName: String?
    /// The last name.
    public let lastName: String?
    /// The bio.
    public let bio: String?
    /// The niches.
    public let niches: [String]
    /// The location.
    public let location: Location?
    /// Social links.
    public let socialLinks: [SocialPlatform: String]
    /// The avatar.
    public let avatar: String?
    /// Profile pictures, primary first.
    public let pictureURLs: [String]
    /// The platform's verified badge (the social spec's public `isVerified`).
    public let isVerified: Bool
    /// Followers and following.
    public let socialCounts: SocialCounts
    /// Posts, shops and events.
    public let counters: ProfileCounters
    /// When the account was created.
    public let createdAt: Date
    /// Whether the caller is looking at their own profile.
    public let isOwnProfile: Bool
    /// The caller's relationship with this user; `nil` for anonymous callers and for one's own.
    public let relationship: Relationship?

    /// Builds the view of `record` for `caller`, with the relationship the store reported
    /// between them (ignored unless the caller is authenticated and someone else).
    package init(record: UserRecord, socialCounts: SocialCounts, caller: Caller, relationship: Relationship?) {
        let profile = record.profile
        self.userID = record.userID
        self.profileID = profile?.id
        self.username = profile?.username
        self.displayName = profile?.displayName
        self.firstName = profile?.firstName
        self.middleName = profile?.middleName
        self.lastName = profile?.lastName
        self.bio = profile?.bio
        self.niches = profile?.niches ?? []
        self.location = profile?.location
        self.socialLinks = profile?.socialLinks ?? [:]
        self.avatar = profile?.avatar
        self.pictureURLs = profile?.pictureURLs ?? []
        self.isVerified = record.account.isVerified
        self.socialCounts = socialCounts
        self.counters = profile?.counters ?? ProfileCounters()
        self.createdAt = record.account.createdAt
        self.isOwnProfile = caller.isUser(record.userID)
        self.relationship = (caller.userID == nil || isOwnProfile) ? nil : (relationship ?? Relationship.none)
    }

    /// The primary picture: the first profile picture, else the avatar.
    public var primaryPictureURL: String? { pictureURLs.first ?? avatar }
}
