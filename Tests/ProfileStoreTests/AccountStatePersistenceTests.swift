import Foundation
import ProfileDomain
import ProfileStore
import Testing

private typealias Fixture = StoreFixtures

/// Account states in the JSON-file store's files: journaled, snapshotted, found again by a
/// purge scan after a fast open, and absent (as active) from files written before they existed.
@Suite("Account states on disk")
struct AccountStatePersistenceTests {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    static let states: [AccountState] = [
        .deactivated(since: date),
        .suspended(since: date, until: nil),
        .suspended(since: date, until: date + 60),
        .pendingDeletion(requestedAt: date, purgeAfter: date + 30),
    ]

    @Test(
        "every state survives reopening from the journal and from a snapshot, and the due scan finds it",
        arguments: [false, true])
    func statesPersist(snapshotsOnClose: Bool) async throws {
        try await Fixture.withDirectory { directory in
            let options = JSONFileProfileStore.Options(snapshotsOnClose: snapshotsOnClose, creation: .createIfMissing)
            let first = try JSONFileProfileStore(directory: directory, options: options)
            var users: [UserID] = []
            for (index, state) in Self.states.enumerated() {
                let user = try Fixture.user("user-\(index)")
                var made = try Fixture.record(user, username: "name\(index)")
                made.state = state
                try await first.update(user, expectingVersion: nil) { $0 = made }
                users.append(user)
            }
            let active = try Fixture.user("active")
            let activeRecord = try Fixture.record(active, username: "active")
            try await first.update(active, expectingVersion: nil) { $0 = activeRecord }
            try first.close()

            let second = try JSONFileProfileStore(directory: directory, options: options)
            defer { try? second.close() }
            for (user, state) in zip(users, Self.states) {
                #expect(try await second.record(for: user)?.state == state)
            }
            #expect(try await second.record(for: active)?.state == .active)
            #expect(try await second.usersPendingDeletion(dueAt: Self.date + 29) == [])
            #expect(try await second.usersPendingDeletion(dueAt: Self.date + 30) == [users[3]])
        }
    }

    @Test("a record written before account states decodes as active, and an active record writes no state")
    func oldRecordsAreActive() throws {
        let record = try Fixture.record(try Fixture.user("old"), username: "old")
        let bytes = try JSONEncoder().encode(record)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\"state\""))
        #expect(try JSONDecoder().decode(UserRecord.self, from: bytes).state == .active)
        var suspended = record
        suspended.state = .suspended(since: Self.date, until: nil)
        let suspendedBytes = try JSONEncoder().encode(suspended)
        #expect(try JSONDecoder().decode(UserRecord.self, from: suspendedBytes) == suspended)
    }

    @Test("a state of unknown shape in a record is a decoding error, not an active account")
    func unknownStateIsRefused() throws {
        let record = try Fixture.record(try Fixture.user("odd"), username: "odd")
        var object = try #require(
            try JSONSerialization.jsonObject(with: try JSONEncoder().encode(record)) as? [String: Any])
        object["state"] = ["frozen": [:] as [String: Any]]
        let bytes = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(UserRecord.self, from: bytes) }
    }
}
