import ProfileDomain
import ProfileStore

/// ProfileKit's JSON-file store: every upsert is one journal line and its `fsync` before it returns.
struct JSONFileSubject: StoreSubject {
    let name = "ProfileKit"
    let store: JSONFileProfileStore

    /// Opens the store in `directory` (populated by `Population`); start-up is what this costs.
    init(directory: String) throws {
        // No snapshot on close: every measurement opens the same snapshot plus a short journal.
        store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
    }

    func upsert(_ record: UserRecord) async throws {
        try await store.update(record.userID, expectingVersion: nil) { stored in stored = record }
    }

    func read(_ user: UserID) async throws -> Bool { try await store.record(for: user) != nil }

    func read(username: Username) async throws -> Bool { try await store.record(forUsername: username) != nil }

    func close() throws { try store.close() }
}
