import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

private typealias Fixture = StoreFixtures

/// Writers encode their journal line after releasing the store's mutex, so a record that cannot be
/// encoded (JSON has no infinite numbers) is found after it was applied and possibly built on:
/// these tests pin that it is taken back with whatever was planned on top of it, and nothing else.
@Suite("JSONFileProfileStore group commit: a record that cannot be encoded")
struct JSONFileUnencodableWriteTests {
    /// `record` with a `createdAt` no JSON number can hold.
    private static func unencodable(_ record: UserRecord) -> UserRecord {
        var record = record
        record.profile?.createdAt = Date(timeIntervalSinceReferenceDate: .infinity)
        return record
    }

    private static func isEncodingFailure(_ error: ProfileStoreError) -> Bool {
        if case .invalidMutation(let reason) = error { return reason.contains("cannot be encoded") }
        return false
    }

    @Test("a record that cannot be encoded is refused and taken back; the store goes on writing")
    func refusedAndTakenBack() async throws {
        try await Fixture.withDirectory { directory in
            let store = try JSONFileProfileStore(
                directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing))
            let first = try Fixture.record("a", username: "alpha", version: 1)
            try await Fixture.put(first, in: store)
            let bad = Self.unencodable(try Fixture.record("a", username: "beta", version: 2))
            await #expect {
                try await Fixture.put(bad, in: store)
            } throws: { error in
                (error as? ProfileStoreError).map(Self.isEncodingFailure) ?? false
            }
            #expect(try await store.record(for: first.userID) == first)
            // The username the refused record claimed is free again, the old one still taken.
            #expect(try await store.record(forUsername: try #require(Username("beta"))) == nil)
            let second = try Fixture.record("b", username: "beta")
            try await Fixture.put(second, in: store)
            try store.close()
            let reopened = try JSONFileProfileStore(directory: directory)
            defer { try? reopened.close() }
            #expect(try await reopened.record(for: first.userID) == first)
            #expect(try await reopened.record(for: second.userID) == second)
        }
    }

    @Test(
        "seeded concurrent writers with unencodable records and snapshots: every acknowledged write and nothing refused survives"
    )
    func concurrentWritersWithUnencodableRecords() async throws {
        let writers = 8
        let operations = 12
        for round in 0..<4 {
            let seed = UInt64(0xE4C0_DE00 + round)
            try await Fixture.withDirectory { directory in
                let store = try JSONFileProfileStore(
                    directory: directory,
                    options: .init(snapshotEvery: 30, snapshotsOnClose: false, creation: .createIfMissing))
                // Per writer: the last value acknowledged (every write of a writer goes to its own user).
                let acknowledged = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                    for writer in 0..<writers {
                        group.addTask {
                            var generator = SeededGenerator(state: seed &+ UInt64(writer))
                            var last = 0
                            for step in 1...operations {
                                let value = step * 100 + writer
                                var record = try Fixture.record("w\(writer)", version: value)
                                let roll = Int.random(in: 0..<8, using: &generator)
                                if roll == 0 { record = Self.unencodable(record) }
                                // An explicit snapshot appends what is queued under the mutex,
                                // encoding the lines writers have not handed over yet.
                                if roll == 1 { try store.snapshot() }
                                do throws(ProfileStoreError) {
                                    try await Fixture.put(record, in: store)
                                    #expect(roll != 0, "seed \(seed): an unencodable record was acknowledged")
                                    last = value
                                } catch {
                                    // Refused: this record, or one planned before it, could not be encoded.
                                    #expect(Self.isEncodingFailure(error), "seed \(seed): \(error)")
                                }
                            }
                            return (writer, last)
                        }
                    }
                    return try await group.reduce(into: [Int: Int]()) { $0[$1.0] = $1.1 }
                }
                let live = try store.exportContents()
                try store.close()
                let reopened = try JSONFileProfileStore(directory: directory)
                defer { try? reopened.close() }
                for writer in 0..<writers {
                    let stored = try await reopened.record(for: Fixture.user("w\(writer)"))?.profile?.version ?? 0
                    #expect(stored == acknowledged[writer], "seed \(seed), w\(writer)")
                }
                #expect(try reopened.exportContents().records == live.records, "seed \(seed): memory and files differ")
            }
        }
    }
}
