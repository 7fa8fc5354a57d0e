import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

/// Holds and histories survive a reopen through the journal and through every snapshot reader,
/// and a store written before holds existed opens with none.
@Suite("JSONFileProfileStore keeps username holds and history across reopening")
struct JSONFileHoldsPersistenceTests {
    private static let start = Date(timeIntervalSince1970: 1_800_000_000)

    private static func terms(day: Double) -> UsernameHoldTerms {
        UsernameHoldTerms(
            now: start.addingTimeInterval(day * 86_400), afterRename: .lasting(.seconds(7 * 86_400)),
            afterDeletion: .forever)
    }

    /// Renames one user twice and deletes another: two holds for the first (one expired by day
    /// 30), a history of two, a deletion hold (with no holder).
    private static func populate(_ store: JSONFileProfileStore) async throws -> (stayer: UserID, leaver: UserID) {
        let stayer = try StoreFixtures.user("stayer")
        let leaver = try StoreFixtures.user("leaver")
        for (day, name) in ["one", "two", "three"].enumerated() {
            try await rename(stayer, to: name, in: store, day: Double(day) * 10)
        }
        try await rename(leaver, to: "leaver", in: store, day: 0)
        _ = try await store.deleteUser(leaver, holding: terms(day: 1))
        return (stayer, leaver)
    }

    private static func rename(
        _ user: UserID, to name: String, in store: JSONFileProfileStore, day: Double
    ) async throws {
        let record = try StoreFixtures.record(user, username: name, email: nil, version: 1)
        try await store.update(user, expectingVersion: nil, holding: terms(day: day)) { stored in
            var next = stored ?? record
            next.profile?.username = record.profile?.username
            stored = next
        }
    }

    private struct Observed: Equatable {
        var history: [UsernameChange]
        var holds: [UsernameHold]
        var leaverHolds: [UsernameHold]
        var leaverName: UsernameHold?

        init(_ store: JSONFileProfileStore, _ users: (stayer: UserID, leaver: UserID)) async throws {
            history = try await store.usernameHistory(for: users.stayer)
            holds = try await store.holds(heldFor: users.stayer)
            leaverHolds = try await store.holds(heldFor: users.leaver)
            leaverName = try await store.hold(on: try #require(Username("leaver")))
        }
    }

    @Test(
        "reopening replays the journal, or reads the snapshot, to the same holds and history", arguments: [false, true])
    func reopen(snapshotsOnClose: Bool) async throws {
        let directory = try TemporaryDirectory()
        let options = JSONFileProfileStore.Options(snapshotsOnClose: snapshotsOnClose, creation: .createIfMissing)
        let store = try JSONFileProfileStore(directory: directory.path, options: options)
        let users = try await Self.populate(store)
        let before = try await Observed(store, users)
        try store.close()

        let reopened = try JSONFileProfileStore(directory: directory.path, options: options)
        defer { try? reopened.close() }
        #expect(try await Observed(reopened, users) == before)
        #expect(before.history.map(\.username.rawValue) == ["one", "two"])
        #expect(before.holds.map(\.username.rawValue) == ["one", "two"])
        #expect(before.leaverHolds == [], "a deleted user holds nothing")
        #expect(before.leaverName?.holder == nil && before.leaverName != nil && before.leaverName?.until == nil)
        let error = await #expect(throws: ProfileStoreFailure<Never>.self) {
            try await Self.rename(try StoreFixtures.user("thief"), to: "Leaver", in: reopened, day: 400)
        }
        #expect(error?.storeError == .usernameHeld("Leaver", until: nil))
    }

    @Test("the snapshot's scan, its parallel decoding and its JSONDecoder path give one state")
    func snapshotReaders() async throws {
        let directory = try TemporaryDirectory()
        let store = try JSONFileProfileStore(directory: directory.path, options: .createIfMissing)
        _ = try await Self.populate(store)
        try store.snapshot()
        try store.close()
        let path = directory.path + "/snapshot.json"
        let bytes = try StoreFixtures.bytes("snapshot.json", in: directory.path)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""usernameHolds" : ["#))

        let scanned = try #require(try JSONFileSnapshot.load(path: path))
        let decoded = try JSONDecoder().decode(JSONFileSnapshot.self, from: Data(bytes))
        let parallel = try #require(try JSONFileSnapshot.decodeInParallel(bytes, path: path, minimumChunk: 1))
        #expect(scanned.state.usernameHolds.count == 3)
        #expect(scanned.state.usernameHistories.count == 1)
        for other in [decoded, parallel] {
            #expect(other.state.sortedHolds == scanned.state.sortedHolds)
            #expect(other.state.sortedHistories == scanned.state.sortedHistories)
        }
    }

    @Test("a snapshot written before holds existed opens with no holds and no history")
    func previousSnapshotOpens() async throws {
        let directory = try TemporaryDirectory()
        try StoreFixtures.write(
            Array(JSONFileSnapshotMigrationTests.previousWriterSnapshot.utf8), to: "snapshot.json", in: directory.path)
        let store = try JSONFileProfileStore(directory: directory.path)
        defer { try? store.close() }
        #expect(try await store.holds(heldFor: try StoreFixtures.user("user-0")).isEmpty)
        #expect(try await store.usernameHistory(for: try StoreFixtures.user("user-0")).isEmpty)
    }

    @Test("a snapshot with two holds on one key, or a history of a user without a record, is refused")
    func inconsistentHoldsAreRefused() throws {
        let holder = try StoreFixtures.user("holder")
        let name = try #require(Username("twice"))
        let hold = UsernameHold(username: name, holder: holder, since: Self.start, until: nil)
        #expect(throws: ProfileStoreError.self) { try StoreState(records: [], edges: [], holds: [hold, hold]) }
        let orphan = StoredUsernameHistory(user: holder, history: [UsernameChange(username: name, leftAt: Self.start)])
        #expect(throws: ProfileStoreError.self) { try StoreState(records: [], edges: [], histories: [orphan]) }
    }
}
