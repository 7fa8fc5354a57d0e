import Foundation
import ProfileDomain
import ProfileStore

/// A ``JSONFileProfileStore`` in a temporary directory that it deletes when released, so that a
/// suite handed only a store (the conformance suite) leaves nothing behind.
final class JSONFileTemporaryStore: ProfileStore {
    /// The store itself.
    let store: JSONFileProfileStore
    /// The directory, removed in deinit.
    let directory: URL

    init(directory: URL, options: JSONFileProfileStore.Options) throws {
        self.directory = directory
        self.store = try JSONFileProfileStore(directory: directory, options: options)
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func record(for user: UserID) async throws(ProfileStoreError) -> UserRecord? {
        try await store.record(for: user)
    }

    func record(forProfile profile: ProfileID) async throws(ProfileStoreError) -> UserRecord? {
        try await store.record(forProfile: profile)
    }

    func record(forUsername username: Username) async throws(ProfileStoreError) -> UserRecord? {
        try await store.record(forUsername: username)
    }

    func update<Result: Sendable>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        _ body: (inout UserRecord?) throws -> Result
    ) async throws -> Result {
        try await store.update(user, expectingVersion: expectedVersion, body)
    }

    func follow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool {
        try await store.follow(follower, followee)
    }

    func unfollow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool {
        try await store.unfollow(follower, followee)
    }

    func block(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool {
        try await store.block(blocker, blocked)
    }

    func unblock(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool {
        try await store.unblock(blocker, blocked)
    }

    func relationship(between viewer: UserID, and subject: UserID) async throws(ProfileStoreError) -> Relationship {
        try await store.relationship(between: viewer, and: subject)
    }

    func socialCounts(for user: UserID) async throws(ProfileStoreError) -> SocialCounts {
        try await store.socialCounts(for: user)
    }

    func deleteUser(_ user: UserID) async throws(ProfileStoreError) -> UserRecord? {
        try await store.deleteUser(user)
    }
}
