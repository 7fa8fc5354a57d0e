import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

private typealias Fixture = StoreFixtures

@Suite("JSONFileProfileStore reopened after random operations and snapshots equals an in-memory store")
struct JSONFileReopenPropertyTests {
    /// One random operation, applied to both stores; each must answer alike (a value or the
    /// same error).
    private static func step(
        _ store: JSONFileProfileStore,
        _ reference: InMemoryProfileStore,
        using generator: inout SeededGenerator
    ) async throws -> String {
        let users = try (0..<8).map { try Fixture.user("u\($0)") }
        let user = users[Int.random(in: 0..<users.count, using: &generator)]
        let other = users[Int.random(in: 0..<users.count, using: &generator)]
        func both<Value: Equatable>(_ name: String, _ body: (any ProfileStore) async throws -> Value) async -> String {
            let mine = await Self.result { try await body(store) }
            let theirs = await Self.result { try await body(reference) }
            switch (mine, theirs) {
            case (.success(let left), .success(let right)): #expect(left == right, "\(name)")
            case (.failure(let left), .failure(let right)): #expect("\(left)" == "\(right)", "\(name)")
            default: Issue.record("\(name): \(mine) against \(theirs)")
            }
            return name
        }
        switch Int.random(in: 0..<7, using: &generator) {
        case 0, 1:
            let version = Int.random(in: 1...3, using: &generator)
            let username = Bool.random(using: &generator) ? "Name_\(Int.random(in: 0..<5, using: &generator))" : nil
            let email = Bool.random(using: &generator) ? "m\(Int.random(in: 0..<5, using: &generator))@X.org" : nil
            let record = try Fixture.record(user, username: username, email: email, version: version)
            return await both("put \(user)") { (store) async throws -> Bool in
                try await Fixture.put(record, in: store)
                return true
            }
        case 2: return await both("follow \(user) \(other)") { try await $0.follow(user, other) }
        case 3: return await both("unfollow \(user) \(other)") { try await $0.unfollow(user, other) }
        case 4: return await both("block \(user) \(other)") { try await $0.block(user, other) }
        case 5: return await both("unblock \(user) \(other)") { try await $0.unblock(user, other) }
        default: return await both("delete \(user)") { try await $0.deleteUser(user) }
        }
    }

    private static func result<Value>(_ body: () async throws -> Value) async -> Result<Value, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    /// Requires the two stores to hold the same records and edges: the export first (every
    /// record as the snapshot left it), then each read by id, username and profile, counts and
    /// relationships.
    private static func requireEqual(
        _ store: JSONFileProfileStore, _ reference: InMemoryProfileStore, seed: UInt64
    )
        async throws
    {
        let users = try (0..<8).map { try Fixture.user("u\($0)") }
        var records: [UserRecord] = []
        for user in users {
            if let record = try await reference.record(for: user) { records.append(record) }
        }
        #expect(try store.exportContents().records == records, "seed \(seed)")
        for record in records {
            #expect(try await store.record(for: record.userID) == record, "seed \(seed)")
            if let profile = record.profile {
                #expect(try await store.record(forProfile: profile.id) == record, "seed \(seed)")
            }
            if let username = record.profile?.username {
                #expect(try await store.record(forUsername: username) == record, "seed \(seed)")
            }
        }
        for user in users {
            #expect(try await store.socialCounts(for: user) == reference.socialCounts(for: user), "seed \(seed)")
            for other in users {
                let expected = try await reference.relationship(between: user, and: other)
                #expect(try await store.relationship(between: user, and: other) == expected, "seed \(seed)")
            }
        }
    }

    @Test("random operations, snapshots at random points and reopening keep the state of an in-memory store")
    func randomOperationsSurviveReopening() async throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var generator = SeededGenerator(state: seed)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(20)
        // At least 5 rounds whatever the machine's load (a count bound, not a time budget the test
        // could miss on a busy machine), then more until 60 or the deadline.
        var rounds = 0
        while rounds < 60, rounds < 5 || clock.now < deadline {
            rounds += 1
            try await Fixture.withDirectory { directory in
                let options = JSONFileProfileStore.Options(
                    snapshotEvery: Int.random(in: 3...40, using: &generator), creation: .createIfMissing)
                var store = try JSONFileProfileStore(directory: directory, options: options)
                let reference = InMemoryProfileStore()
                for _ in 0..<Int.random(in: 10...80, using: &generator) {
                    _ = try await Self.step(store, reference, using: &generator)
                    switch Int.random(in: 0..<12, using: &generator) {
                    case 0: try store.snapshot()
                    case 1:
                        // Reopen, sometimes without the closing snapshot (journal replay over the
                        // scanned snapshot), and check before any decoding the reads cause.
                        var reopened = options
                        reopened.snapshotsOnClose = Bool.random(using: &generator)
                        try store.close()
                        store = try JSONFileProfileStore(directory: directory, options: reopened)
                        try await Self.requireEqual(store, reference, seed: seed)
                    default: break
                    }
                }
                try store.close()
                store = try JSONFileProfileStore(directory: directory, options: options)
                try await Self.requireEqual(store, reference, seed: seed)
                try store.close()
            }
        }
    }
}
