#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a user appears to others: the one canonical profile all four specs map onto.
///
/// Client-writable fields change only through a ``ProfilePatch`` (see ``applying(_:at:)``).
/// Server-owned fields (``id``, ``userID``, ``createdAt``, ``updatedAt``, ``version``,
/// ``counters``, ``usernameChangedAt``) have no patch field at all.
///
/// Every client field is optional in the model: which ones a profile must have is a
/// `ValidationPolicy` decision (the creator spec requires username, display name, bio and niche).
public struct Profile: Sendable, Hashable, Codable {
    /// The profile's identifier.
    public var id: ProfileID
    /// The user who owns the profile; one profile per user.
    public var userID: UserID
    /// The public handle, unique by canonical key.
    public var username: Username?
    /// The name shown on the profile (creator `displayName`, mobile `display_name`).
    public var displayName: String?
    /// First name (social `firstName`, Django `first_name`).
    public var firstName: String?
    /// Middle name (social `middleName`).
    public var middleName: String?
    /// Last name (social `lastName`, Django `last_name`).
    public var lastName: String?
    /// A short text about the user; may hold line breaks.
    public var bio: String?
    /// Topics the creator covers, in the order given (the creator spec's `niche`).
    public var niches: [String]
    /// Where the user is.
    public var location: Location?
    /// Links to the user's accounts elsewhere, one per platform.
    public var socialLinks: [SocialPlatform: String]
    /// The avatar: an image URL (creator) or a media path of an uploaded image (Django).
    public var avatar: String?
    /// Profile picture URLs in order; the first is the primary picture (social spec).
    public var pictureURLs: [String]
    /// Counters other services own (posts, shops, events); the library only stores them.
    public var counters: ProfileCounters
    /// When the profile was created.
    public var createdAt: Date
    /// When a client-visible field last changed; a no-op update leaves it alone.
    public var updatedAt: Date
    /// When the username was last renamed (not first claimed), for the username-change cooldown;
    /// `nil` if never.
    public var usernameChangedAt: Date?
    /// Bumped by one on every change; the value behind an ETag and `If-Match`.
    public var version: Int

    /// Creates an empty profile for `userID`, created at `date`, at version 1.
    public init(id: ProfileID = .random(), userID: UserID, createdAt date: Date) {
        self.id = id
        self.userID = userID
        self.username = nil
        self.displayName = nil
        self.firstName = nil
        self.middleName = nil
        self.lastName = nil
        self.bio = nil
        self.niches = []
        self.location = nil
        self.socialLinks = [:]
        self.avatar = nil
        self.pictureURLs = []
        self.counters = ProfileCounters()
        self.createdAt = date
        self.updatedAt = date
        self.usernameChangedAt = nil
        self.version = 1
    }

    /// The primary profile picture: the first of ``pictureURLs``, else the ``avatar``.
    public var primaryPictureURL: String? { pictureURLs.first ?? avatar }
}
