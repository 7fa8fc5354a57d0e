import Dispatch
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

/// Erasure off the write path: `deleteUser` returns once the deletion is durable, a background
/// compaction (shared by the deletions made meanwhile) removes the user from every file, and
/// `awaitErasure()` waits for it, across a crash too (`Docs/JSONFileStore.md`, "Erasure").
@Suite("JSON-file store: erasure in the background")
struct JSONFileErasureTests {
    /// Holds the first background snapshot back until released, and counts the snapshots.
    final class SnapshotGate: Sendable {
        private let entered = DispatchSemaphore(value: 0)
        private let released = DispatchSemaphore(value: 0)
        private let count = Mutex(0)

        /// How many background snapshots began writing.
        var snapshots: Int { count.withLock { $0 } }

        /// The fault hook: the first snapshot signals that it began and waits (at most 30 s).
        func hook(_ sequence: Int) -> Int32? {
            let first = count.withLock { count in
                count += 1
                return count == 1
            }
            if first {
                entered.signal()
                _ = released.wait(timeout: .now() + 30)
            }
            return nil
        }

        /// Waits (at most 30 s, off the cooperative pool) until the first snapshot began.
        func awaitFirstSnapshot() async -> Bool {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: self.entered.wait(timeout: .now() + 30) == .success)
                }
            }
        }

        /// Lets the first snapshot go on.
        func release() { released.signal() }
    }

    /// A user whose bio is `marker`, a string no other file content holds.
    static func put(_ name: String, marker: String, in store: JSONFileProfileStore) async throws {
        var record = try Fixture.record(name)
        record.profile?.bio = marker
        try await Fixture.put(record, in: store)
    }

    /// The markers found in some file of `directory`.
    static func found(_ markers: [String], in directory: String) throws -> Set<String> {
        let contents = try FileManager.default.contentsOfDirectory(atPath: directory).map {
            try Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0))
        }
        return Set(markers.filter { marker in contents.contains { $0.range(of: Data(marker.utf8)) != nil } })
    }

    @Test(
        "deletions are acknowledged while the compaction is held back, and the ones made meanwhile share one more")
    func deletionsDoNotWaitAndShareACompaction() async throws {
        try await Fixture.withDirectory { directory in
            let gate = SnapshotGate()
            let store = try JSONFileProfileStore(
                directory: directory, options: .init(creation: .createIfMissing),
                faults: JSONFileFaults(snapshotWrite: { gate.hook($0) }))
            let tag = UUID().uuidString.prefix(8)
            let markers = (0..<12).map { "erase-me-\(tag)-\($0)-end" }
            for (index, marker) in markers.enumerated() {
                try await Self.put("user\(index)", marker: marker, in: store)
            }

            #expect(try await store.deleteUser(Fixture.user("user0")) != nil)
            #expect(await gate.awaitFirstSnapshot(), "the deletion started no compaction")
            // The compaction is held: these writes and deletions are acknowledged meanwhile.
            for index in 1..<10 { #expect(try await store.deleteUser(Fixture.user("user\(index)")) != nil) }
            try await Self.put("user10", marker: "rewritten-\(tag)", in: store)
            #expect(
                try Self.found([markers[0]], in: directory) == [markers[0]],
                "the held compaction has not erased anything yet")

            gate.release()
            try await store.awaitErasure()

            let residue = try Self.found(Array(markers[0..<11]), in: directory)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            #expect(residue.isEmpty, "residue after awaitErasure: \(residue.sorted()) in \(files)")
            #expect(
                try Self.found([markers[11], "rewritten-\(tag)"], in: directory).count == 2, "a survivor is missing")
            #expect(
                gate.snapshots == 2, "ten deletions took \(gate.snapshots) compactions, not the held one and one more")
            try await store.awaitErasure()
            #expect(gate.snapshots == 2, "awaitErasure with nothing pending started a compaction")
            try store.close()
        }
    }

    @Test(
        "a crash after the deletion and before its compaction: the store opens with the user deleted and erases it")
    func crashBeforeCompaction() async throws {
        try await Fixture.withDirectory { directory in
            // Every background snapshot fails: the deletion is durable, its erasure never happens.
            let store = try JSONFileProfileStore(
                directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing),
                faults: JSONFileFaults(snapshotWrite: { _ in EIO }))
            let tag = UUID().uuidString.prefix(8)
            let (victim, survivor) = ("victim-\(tag)", "survivor-\(tag)")
            try await Self.put("victim", marker: victim, in: store)
            try await Self.put("survivor", marker: survivor, in: store)
            try store.snapshot()
            #expect(try await store.deleteUser(Fixture.user("victim")) != nil)
            let failure = await #expect(throws: ProfileStoreError.self) { try await store.awaitErasure() }
            #expect(failure == .io(operation: "write the snapshot", path: directory, errno: EIO))
            #expect(try Self.found([victim], in: directory) == [victim], "the failed compaction erased the user")
            // Without a snapshot on close, the files are what a kill -9 leaves: every record fsynced.
            try store.close()

            let reopened = try JSONFileProfileStore(directory: directory)
            #expect(try await reopened.record(for: Fixture.user("victim")) == nil)
            try await reopened.awaitErasure()
            #expect(try Self.found([victim, survivor], in: directory) == [survivor], "residue after the reopen")
            try reopened.close()
        }
    }

    @Test("awaitErasure throws on a closed store that left an erasure pending, and returns at once with none")
    func awaitErasureOnClosedStore() async throws {
        try await Fixture.withDirectory { directory in
            let store = try JSONFileProfileStore(
                directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing),
                faults: JSONFileFaults(snapshotWrite: { _ in ENOSPC }))
            try await Self.put("gone", marker: "gone", in: store)
            try await store.awaitErasure()
            #expect(try await store.deleteUser(Fixture.user("gone")) != nil)
            try store.close()
            await #expect(throws: ProfileStoreError.self) { try await store.awaitErasure() }
        }
    }
}
