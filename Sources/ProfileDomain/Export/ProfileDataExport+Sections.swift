#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileDataExport {
    /// The account section: every field of ``ProfileDomain/Account`` but the user id, which the
    /// document states once at the top.
    public struct ExportedAccount: Sendable, Hashable, Codable {
        /// The email address, when set.
        public let email: String?
        /// The phone number, when set.
        public let phoneNumber: String?
        /// Whether the platform verified the account.
        public let isVerified: Bool
        /// Whether the email address is verified.
        public let isEmailVerified: Bool
        /// Whether the phone number is verified.
        public let isPhoneVerified: Bool
        /// Whether two-factor authentication is on.
        public let isTwoFactorEnabled: Bool
        /// Whether the account is locked.
        public let isLocked: Bool
        /// The roles granted.
        public let roles: [String]
        /// When the account was created.
        public let createdAt: String

        init(_ account: Account) {
            email = account.email
            phoneNumber = account.phoneNumber
            isVerified = account.isVerified
            isEmailVerified = account.isEmailVerified
            isPhoneVerified = account.isPhoneVerified
            isTwoFactorEnabled = account.isTwoFactorEnabled
            isLocked = account.isLocked
            roles = account.roles
            createdAt = ProfileDataExport.timestamp(account.createdAt)
        }
    }

    /// The profile section: every stored field of ``ProfileDomain/Profile``, server-owned ones
    /// included (version, counters, the last rename), under the model's names.
    public struct ExportedProfile: Sendable, Hashable, Codable {
        /// The profile's id.
        public let id: ProfileID
        /// The public handle, when claimed.
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
        /// The niches, in the order given.
        public let niches: [String]
        /// Where the user is.
        public let location: Location?
        /// Links to the user's accounts elsewhere, by platform key (`instagram`, ...).
        public let socialLinks: [String: String]
        /// The avatar URL or media path.
        public let avatar: String?
        /// The profile picture URLs, in order.
        public let pictureURLs: [String]
        /// Counters other services own.
        public let counters: ProfileCounters
        /// When the profile was created.
        public let createdAt: String
        /// When a client-visible field last changed.
        public let updatedAt: String
        /// When the username was last renamed, if ever.
        public let usernameChangedAt: String?
        /// The profile's version (its ETag).
        public let version: Int

        init(_ profile: Profile) {
            id = profile.id
            username = profile.username
            displayName = profile.displayName
            firstName = profile.firstName
            middleName = profile.middleName
            lastName = profile.lastName
            bio = profile.bio
            niches = profile.niches
            location = profile.location
            socialLinks = Dictionary(uniqueKeysWithValues: profile.socialLinks.map { ($0.key.rawValue, $0.value) })
            avatar = profile.avatar
            pictureURLs = profile.pictureURLs
            counters = profile.counters
            createdAt = ProfileDataExport.timestamp(profile.createdAt)
            updatedAt = ProfileDataExport.timestamp(profile.updatedAt)
            usernameChangedAt = profile.usernameChangedAt.map(ProfileDataExport.timestamp)
            version = profile.version
        }
    }

    /// The relationships section: user ids, each list sorted.
    ///
    /// Only ids: the other users' names and profiles are their data, may be hidden from this user
    /// (a block) and may change or disappear after the export.
    public struct ExportedRelationships: Sendable, Hashable, Codable {
        /// The users this user follows.
        public let following: [UserID]
        /// The users who follow this user.
        public let followers: [UserID]
        /// The users this user blocks. Blocks against this user are not exported (see
        /// ``ProfileDataExport/init(record:edges:usernameHistory:holds:exportedAt:)``).
        public let blocking: [UserID]
    }

    /// The preferences section: ``ProfileDomain/Preferences`` with its date as a string.
    public struct ExportedPreferences: Sendable, Hashable, Codable {
        /// The text-to-speech voice.
        public let voicePreference: String
        /// The scenario an app opens with.
        public let defaultScenario: String
        /// Preferences without a field of their own, by key.
        public let additional: [String: JSONValue]
        /// When the preferences last changed; absent while they are the defaults never saved.
        public let updatedAt: String?

        init(_ preferences: Preferences) {
            voicePreference = preferences.voicePreference
            defaultScenario = preferences.defaultScenario
            additional = preferences.additional
            updatedAt = preferences.updatedAt.map(ProfileDataExport.timestamp)
        }
    }

    /// One uploaded file: ``ProfileDomain/MediaReference`` with its date as a string.
    public struct ExportedMedia: Sendable, Hashable, Codable {
        /// The media store's key of the bytes, e.g. `sha256-<hex>.png` under an owner tag.
        public let key: String
        /// The detected media type, e.g. `image/png`.
        public let contentType: String
        /// The size in bytes.
        public let byteCount: Int
        /// What the file is for, e.g. `avatar`.
        public let purpose: String
        /// When it was uploaded.
        public let createdAt: String

        init(_ media: MediaReference) {
            key = media.key
            contentType = media.contentType
            byteCount = media.byteCount
            purpose = media.purpose
            createdAt = ProfileDataExport.timestamp(media.createdAt)
        }
    }
}
