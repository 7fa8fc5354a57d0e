import Foundation
import ProfileDomain
import ProfileStore
import Testing

/// Users and records for every store test, built as a profile service would build them.
enum StoreFixtures {
    /// A fixed date with a fraction of a second, so that a record compares equal after a round
    /// trip through the JSON files.
    static let date = Date(timeIntervalSinceReferenceDate: 780_000_000.125)

    /// A user id from a test-readable name.
    static func user(_ name: String) throws -> UserID {
        try #require(UserID(name))
    }

    /// A record of `user` whose version-`version` profile has the id `profile-<user>`, a display
    /// name, a bio with characters JSON must escape, optionally `username`, and `email` on the
    /// account.
    static func record(
        _ user: UserID = .random(),
        username: String? = nil,
        email: String? = nil,
        version: Int = 1
    ) throws -> UserRecord {
        var profile = Profile(id: try #require(ProfileID("profile-\(user)")), userID: user, createdAt: date)
        profile.username = try username.map { try #require(Username($0)) }
        profile.displayName = "Display \(user)"
        profile.bio = "line one\nline two: \"quoted\" / slashed é"
        profile.version = version
        return UserRecord(account: Account(userID: user, email: email, createdAt: date), profile: profile)
    }

    /// The record of the user named `name`; see ``record(_:username:email:version:)``.
    static func record(
        _ name: String,
        username: String? = nil,
        email: String? = nil,
        version: Int = 1
    ) throws -> UserRecord {
        try record(user(name), username: username, email: email, version: version)
    }

    /// Stores `record` (creating or replacing) without a version check.
    static func put(_ record: UserRecord, in store: some ProfileStore) async throws(ProfileStoreError) {
        do {
            try await store.update(record.userID, expectingVersion: nil) { $0 = record }
        } catch {
            throw error.storeError
        }
    }
}
