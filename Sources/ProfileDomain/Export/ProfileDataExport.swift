#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything a store keeps about one user, as one versioned JSON document: what the owner gets
/// when they ask for their data (GDPR article 15 and 20).
///
/// The document is built in one place, ``init(record:edges:usernameHistory:holds:exportedAt:)``,
/// from what the store returns, and encoded in one place, ``encoded()``. Its shape is
/// `Docs/Lifecycle.md`'s "Data export" and `Conformance/export.schema.json`:
///
/// ```json
/// {"format": "profilekit-export", "version": 1, "exportedAt": "2026-01-02T03:04:05.000Z",
///  "userId": "u1", "account": {...}, "profile": {...} or null, "preferences": {...},
///  "media": [...], "relationships": {"following": [...], "followers": [...], "blocking": [...]},
///  "usernameHistory": [{"oldUsername": "a", "newUsername": "b", "changedAt": "..."}],
///  "usernameHolds": [{"username": "a", "since": "...", "until": "..."}]}
/// ```
///
/// The two username sections are a compatible addition to version 1: a reader that knows
/// ``version`` 1 ignores properties it does not know, and a version-1 document written before
/// them decodes with both empty. A change that alters the meaning of an existing property bumps
/// ``version``.
public struct ProfileDataExport: Sendable, Hashable, Codable {
    /// `profilekit-export`: tells this document from any other JSON file.
    public static let formatName = "profilekit-export"
    /// The version of the document's shape this library writes.
    public static let currentVersion = 1

    /// Always ``formatName``.
    public let format: String
    /// The shape's version, ``currentVersion``.
    public let version: Int
    /// When the document was made, ISO-8601 UTC with milliseconds (``timestamp(_:)``).
    public let exportedAt: String
    /// The user the document is about.
    public let userId: UserID
    /// The account: contact points, verification flags, roles, creation date.
    public let account: ExportedAccount
    /// The profile, or `nil` (JSON `null`) when the user never created one.
    public let profile: ExportedProfile?
    /// The app preferences (the defaults when never saved).
    public let preferences: ExportedPreferences
    /// The uploaded files the user owns, as the store references them (the bytes stay in the
    /// media store and are served at their usual paths).
    public let media: [ExportedMedia]
    /// The relationships the user is part of.
    public let relationships: ExportedRelationships
    /// The handles the profile left, oldest first, each with the handle it took; empty when the
    /// profile never changed its username.
    public let usernameHistory: [ExportedUsernameChange]
    /// The holds in the user's favour (names they released and may reclaim), active or expired,
    /// sorted by canonical key; empty when there are none.
    public let usernameHolds: [ExportedUsernameHold]

    /// Builds the document for `record` from `edges`, the edges the store holds that start or end
    /// at the user (``RelationshipEdge``s about other users are ignored), the user's
    /// `usernameHistory` (oldest first) and the `holds` in their favour (holds of other users are
    /// ignored).
    ///
    /// Blocks other users made *against* this user are left out on purpose: they are the blockers'
    /// data, and telling someone who blocked them is exactly what a block is meant to prevent.
    public init(
        record: UserRecord, edges: [RelationshipEdge], usernameHistory: [UsernameChange] = [],
        holds: [UsernameHold] = [], exportedAt: Date
    ) {
        let user = record.userID
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.exportedAt = Self.timestamp(exportedAt)
        self.userId = user
        self.account = ExportedAccount(record.account)
        self.profile = record.profile.map(ExportedProfile.init)
        self.preferences = ExportedPreferences(record.preferences)
        self.media = record.media.map(ExportedMedia.init)
        func ids(_ kind: RelationshipEdge.Kind, from: Bool) -> [UserID] {
            edges.filter { $0.kind == kind && (from ? $0.from == user && $0.to != user : $0.to == user) }
                .map { from ? $0.to : $0.from }.sorted()
        }
        self.relationships = ExportedRelationships(
            following: ids(.follow, from: true), followers: ids(.follow, from: false), blocking: ids(.block, from: true)
        )
        self.usernameHistory = ExportedUsernameChange.history(usernameHistory, current: record.profile?.username)
        self.usernameHolds = holds.filter { $0.holder == user }
            .sorted { $0.username.canonicalKey < $1.username.canonicalKey }.map(ExportedUsernameHold.init)
    }

    /// The document as UTF-8 JSON with sorted keys. An optional value that is absent has no key,
    /// except ``profile``, which is `null` without one. The username sections are always
    /// written, empty when there is nothing to list.
    public func encoded() throws(ProfileError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(self))
        } catch {
            throw .internalError(underlying: "the data export did not encode: \(error)")
        }
    }

    /// How the document writes a date: ISO-8601 in UTC with milliseconds,
    /// `2026-01-02T03:04:05.678Z`. Strings rather than `Date`s, so that the document reads the
    /// same whatever encoder a server wraps it in.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    private enum CodingKeys: String, CodingKey {
        case format, version, exportedAt, userId, account, profile, preferences, media, relationships
        case usernameHistory, usernameHolds
    }

    /// Decodes a version-1 document; one written before the username sections existed reads with
    /// both empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        exportedAt = try container.decode(String.self, forKey: .exportedAt)
        userId = try container.decode(UserID.self, forKey: .userId)
        account = try container.decode(ExportedAccount.self, forKey: .account)
        profile = try container.decode(ExportedProfile?.self, forKey: .profile)
        preferences = try container.decode(ExportedPreferences.self, forKey: .preferences)
        media = try container.decode([ExportedMedia].self, forKey: .media)
        relationships = try container.decode(ExportedRelationships.self, forKey: .relationships)
        usernameHistory =
            try container.decodeIfPresent([ExportedUsernameChange].self, forKey: .usernameHistory) ?? []
        usernameHolds = try container.decodeIfPresent([ExportedUsernameHold].self, forKey: .usernameHolds) ?? []
    }

    /// Encodes every property; ``profile`` as `null` when absent, so that a reader can tell "no
    /// profile" from a document of another shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(version, forKey: .version)
        try container.encode(exportedAt, forKey: .exportedAt)
        try container.encode(userId, forKey: .userId)
        try container.encode(account, forKey: .account)
        try container.encode(profile, forKey: .profile)
        try container.encode(preferences, forKey: .preferences)
        try container.encode(media, forKey: .media)
        try container.encode(relationships, forKey: .relationships)
        try container.encode(usernameHistory, forKey: .usernameHistory)
        try container.encode(usernameHolds, forKey: .usernameHolds)
    }
}
