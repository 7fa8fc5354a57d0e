import Foundation
import ProfileDomain
import Synchronization
import Testing

@testable import ProfileStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private typealias Fixture = StoreFixtures

/// A fault hook that holds the I/O thread inside one `fsync` until a condition on the store holds
/// (bounded: at most 10 s), then fails it with `code` or lets it through.
private final class FsyncGate: Sendable {
    private let store = Mutex<JSONFileProfileStore?>(nil)
    private let calls = Mutex(0)
    private let heldCall: Int
    private let code: Int32?
    private let until: @Sendable (JSONFileProfileStore) -> Bool

    init(holding call: Int, failingWith code: Int32?, until: @escaping @Sendable (JSONFileProfileStore) -> Bool) {
        heldCall = call
        self.code = code
        self.until = until
    }

    func attach(_ store: JSONFileProfileStore) { self.store.withLock { $0 = store } }

    /// The `journalFsync` fault: waits on the held call, then answers.
    func callAsFunction(_ sequence: Int) -> Int32? {
        let call = calls.withLock { calls in
            calls += 1
            return calls
        }
        guard call == heldCall, let store = store.withLock({ $0 }) else { return nil }
        let deadline = ContinuousClock.now + .seconds(10)
        while !until(store), ContinuousClock.now < deadline { sched_yield() }
        return code
    }
}

/// What one generated operation of a writer came to.
private enum Outcome: Sendable {
    case acknowledged(value: Int)
    case failed(value: Int, ProfileStoreError)
    case refused
}

@Suite("JSONFileProfileStore group commit: batches, visibility, failures")
struct JSONFileGroupCommitTests {
    @Test("concurrent writers share fsyncs: a batch holds every write queued while the previous one was appended")
    func batchesForm() async throws {
        try await Fixture.withDirectory { directory in
            let writers = 16
            // The first fsync waits until every writer waits for a batch: the rest queue meanwhile.
            let gate = FsyncGate(holding: 1, failingWith: nil) { $0.pendingCounts.waiters >= writers }
            let store = try JSONFileProfileStore(
                directory: directory, options: .init(creation: .createIfMissing),
                faults: JSONFileFaults(journalFsync: { gate($0) }))
            gate.attach(store)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        for version in 1...5 {
                            try await Fixture.put(try Fixture.record("w\(writer)", version: version), in: store)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let statistics = store.commitStatistics
            #expect(statistics.records == writers * 5)
            #expect(statistics.largestBatch >= writers / 2, "\(statistics)")
            #expect(statistics.batches < statistics.records, "\(statistics)")
            try store.close()
            let reopened = try JSONFileProfileStore(directory: directory)
            for writer in 0..<writers {
                #expect(try await reopened.record(for: Fixture.user("w\(writer)"))?.profile?.version == 5)
            }
            try reopened.close()
        }
    }

    @Test(
        "a write waits for its batch; a failed fsync fails every waiter, takes the writes back and refuses later ones")
    func waitersOfAFailedBatch() async throws {
        try await Fixture.withDirectory { directory in
            // The first batch holds `first`; its fsync waits until a reader and a second writer (whose
            // username check sees the pending claim) wait for it, then fails.
            let gate = FsyncGate(holding: 1, failingWith: EIO) { $0.pendingCounts.waiters >= 3 }
            let store = try JSONFileProfileStore(
                directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing),
                faults: JSONFileFaults(journalFsync: { gate($0) }))
            gate.attach(store)
            let first = try Fixture.record("first", username: "claimed")
            let second = try Fixture.record("second", username: "claimed")
            let fsyncFailure = ProfileStoreError.storageFailed(
                StorageFailure(
                    JSONFileStoreError.io(operation: "fsync", path: directory + "/journal.jsonl", errno: EIO)))
            let claimed = try #require(Username("claimed"))
            let firstWrite = Task { try await Fixture.put(first, in: store) }
            // The claim is queued before the others start: they find it pending.
            let deadline = ContinuousClock.now + .seconds(10)
            while store.pendingCounts.waiters < 1, ContinuousClock.now < deadline { await Task.yield() }
            let secondWrite = Task { try await Fixture.put(second, in: store) }
            let read = Task { try await store.record(forUsername: claimed) }
            await #expect(throws: fsyncFailure) { try await firstWrite.value }
            // The second writer saw the pending claim and was refused on it, which its batch took back.
            await #expect(throws: fsyncFailure) { try await secondWrite.value }
            // The reader saw the pending claim too: it reads again and finds the durable state.
            #expect(try await read.value == nil)
            #expect(try await store.record(for: first.userID) == nil)
            #expect(store.userCount == 0)
            await #expect(throws: fsyncFailure) { try await Fixture.put(second, in: store) }
            try store.close()
        }
    }

    /// The generated workload of `writer`: puts to its own user carrying an increasing value,
    /// claims of shared usernames, follows and unfollows of the other writers' users.
    private static func work(
        writer: Int, writers: Int, operations: Int, seed: UInt64, store: JSONFileProfileStore
    ) async throws -> [Outcome] {
        var generator = SeededGenerator(state: seed &+ UInt64(writer))
        let user = try Fixture.user("w\(writer)")
        var outcomes: [Outcome] = []
        for step in 1...operations {
            let value = step * 100 + writer
            let kind = Int.random(in: 0..<10, using: &generator)
            do {
                switch kind {
                case 0..<6:
                    let name = kind == 0 ? "shared\(Int.random(in: 0..<3, using: &generator))" : "own\(writer)"
                    var record = try Fixture.record("w\(writer)", username: name, version: value)
                    record.profile?.displayName = "value \(value)"
                    try await Fixture.put(record, in: store)
                    outcomes.append(.acknowledged(value: value))
                default:
                    let other = try Fixture.user("w\(Int.random(in: 0..<writers, using: &generator))")
                    if try await !store.follow(user, other) { _ = try await store.unfollow(user, other) }
                }
            } catch let error as ProfileStoreError {
                switch error {
                // A failed follow or unfollow carries no value: -1 matches no version.
                case .storageFailed: outcomes.append(.failed(value: kind < 6 ? value : -1, error))
                default: outcomes.append(.refused)
                }
            }
        }
        return outcomes
    }

    @Test(
        "random interleavings of concurrent writers with a write or fsync fault at a random batch lose no acknowledged write",
        arguments: [false, true])
    func faultAtRandomBatch(failFsync: Bool) async throws {
        let writers = 8
        let operations = 24
        for round in 0..<10 {
            let seed = UInt64(0xC0FF_EE00 + round) &+ (failFsync ? 1 << 32 : 0)
            var generator = SeededGenerator(state: seed)
            // After the batches of the writers' first records, at one of the next 12.
            let failing = writers + Int.random(in: 1...12, using: &generator)
            try await Fixture.withDirectory { directory in
                let calls = Mutex(0)
                let inject: @Sendable (Int) -> Int32? = { _ in
                    calls.withLock { calls in
                        calls += 1
                        return calls == failing ? (failFsync ? EIO : ENOSPC) : nil
                    }
                }
                let store = try JSONFileProfileStore(
                    directory: directory,
                    options: .init(snapshotEvery: 40, snapshotsOnClose: false, creation: .createIfMissing),
                    faults: failFsync ? JSONFileFaults(journalFsync: inject) : JSONFileFaults(journalWrite: inject))
                // Every writer's user exists first, so that follows have both ends.
                for writer in 0..<writers { try await Fixture.put(try Fixture.record("w\(writer)"), in: store) }
                let outcomes = try await withThrowingTaskGroup(of: (Int, [Outcome]).self) { group in
                    for writer in 0..<writers {
                        group.addTask {
                            (
                                writer,
                                try await Self.work(
                                    writer: writer, writers: writers, operations: operations, seed: seed, store: store)
                            )
                        }
                    }
                    return try await group.reduce(into: [Int: [Outcome]]()) { $0[$1.0] = $1.1 }
                }
                let live = try store.exportContents()
                try store.close()
                let reopened = try JSONFileProfileStore(directory: directory)
                defer { try? reopened.close() }
                let failures = outcomes.values.joined().filter {
                    if case .failed = $0 { return true } else { return false }
                }
                #expect(!failures.isEmpty, "seed \(seed): the fault at batch \(failing) failed no write")
                for writer in 0..<writers {
                    let stored = try await reopened.record(for: Fixture.user("w\(writer)"))?.profile
                    var acknowledged = 1
                    var failed: Set<Int> = []
                    for outcome in outcomes[writer] ?? [] {
                        if case .acknowledged(let value) = outcome { acknowledged = max(acknowledged, value) }
                        if case .failed(let value, _) = outcome { failed.insert(value) }
                    }
                    let version = stored?.version ?? 0
                    // Refused writes were cut off the journal; after a failed fsync the failed batch
                    // may or may not be on disk, but nothing after it.
                    #expect(
                        version == acknowledged || (failFsync && failed.contains(version) && version > acknowledged),
                        "seed \(seed), w\(writer): acknowledged \(acknowledged), failed \(failed.sorted()), stored \(version)"
                    )
                }
                if !failFsync {
                    // The store went on writing after the refused batch: what it held in memory is
                    // exactly what the files hold.
                    let reread = try reopened.exportContents()
                    #expect(reread.records == live.records, "seed \(seed): memory and files differ")
                    #expect(reread.edges == live.edges, "seed \(seed): memory and files differ")
                }
            }
        }
    }
}
