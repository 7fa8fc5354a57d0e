import Foundation
import Synchronization
import Testing

@testable import ProfileStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private typealias Fixture = StoreFixtures

/// Counts calls and fails the calls numbered `failing` (from 1) with `code`.
private final class FaultSchedule: Sendable {
    let failing: @Sendable (Int) -> Bool
    let code: Int32
    private let calls = Mutex(0)

    init(code: Int32, failing: @escaping @Sendable (Int) -> Bool) {
        self.failing = failing
        self.code = code
    }

    func callAsFunction(_ sequence: Int) -> Int32? {
        let call = calls.withLock { calls in
            calls += 1
            return calls
        }
        return failing(call) ? code : nil
    }
}

@Suite("JSONFileProfileStore under disk faults, a removed directory, and the create-or-open choice")
struct JSONFileDiskFaultTests {
    /// Writes users u1... until a write fails; returns the names acknowledged and the error.
    private func writeUntilFailure(
        _ store: JSONFileProfileStore,
        upTo count: Int
    ) async throws -> (acknowledged: [String], error: (any Error)?) {
        var acknowledged: [String] = []
        for index in 1...count {
            do {
                try await Fixture.put(try Fixture.record("u\(index)"), in: store)
                acknowledged.append("u\(index)")
            } catch {
                return (acknowledged, error)
            }
        }
        return (acknowledged, nil)
    }

    /// Reopens `directory` and requires exactly `acknowledged`, plus at most the one write whose
    /// fate was unknown.
    private func expectReopened(_ directory: String, holds acknowledged: [String], unknown: String?) async throws {
        let store = try JSONFileProfileStore(directory: directory)
        for name in acknowledged {
            #expect(try await store.record(for: Fixture.user(name)) != nil, "\(name) was acknowledged and is lost")
        }
        let extra = store.userCount - acknowledged.count
        #expect(extra == 0 || (extra == 1 && unknown != nil), "\(extra) unacknowledged records")
        try store.close()
    }

    /// The error of the next write to `store`, required to be `.io(ENOENT)` whose operation
    /// mentions `words`.
    private func refusedWrite(
        in store: JSONFileProfileStore, mentioning words: String
    ) async throws -> ProfileStoreError {
        let error = try await #require(throws: ProfileStoreError.self) {
            try await Fixture.put(try Fixture.record("refused"), in: store)
        }
        guard case .io(let operation, _, ENOENT)? = JSONFileStoreError(error) else {
            Issue.record("expected .io(ENOENT), got \(error)")
            return error
        }
        #expect(operation.contains(words), "\(operation)")
        return error
    }

    @Test("after a failed fsync every later write is refused with it, and reopening has every acknowledged write")
    func failedFsync() async throws {
        try await Fixture.withDirectory { directory in
            let schedule = FaultSchedule(code: EIO) { $0 >= 6 }
            let store = try JSONFileProfileStore(
                directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing),
                faults: JSONFileFaults(journalFsync: { schedule($0) }))
            let (acknowledged, error) = try await writeUntilFailure(store, upTo: 10)
            #expect(acknowledged == (1...5).map { "u\($0)" })
            #expect(
                (error as? ProfileStoreError).flatMap(JSONFileStoreError.init)
                    == .io(operation: "fsync", path: directory + "/journal.jsonl", errno: EIO))
            // The store does not report the unacknowledged write, and refuses the rest.
            #expect(try await store.record(for: Fixture.user("u6")) == nil)
            await #expect(
                throws: ProfileStoreError(
                    JSONFileStoreError.io(operation: "fsync", path: directory + "/journal.jsonl", errno: EIO))
            ) {
                try await Fixture.put(try Fixture.record("u7"), in: store)
            }
            await #expect(throws: ProfileStoreError.self) {
                _ = try await store.follow(Fixture.user("u1"), Fixture.user("u2"))
            }
            #expect(throws: ProfileStoreError.self) { try store.snapshot() }
            #expect(store.userCount == 5)
            try store.close()
            try await expectReopened(directory, holds: acknowledged, unknown: "u6")
        }
    }

    @Test(
        "a failed write (full disk, read-only file system, I/O error) refuses that write only; the rest survive",
        arguments: [ENOSPC, EROFS, EIO])
    func failedWrite(code: Int32) async throws {
        try await Fixture.withDirectory { directory in
            let schedule = FaultSchedule(code: code) { $0 == 3 }
            let store = try JSONFileProfileStore(
                directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing),
                faults: JSONFileFaults(journalWrite: { schedule($0) }))
            try await Fixture.put(try Fixture.record("u1"), in: store)
            try await Fixture.put(try Fixture.record("u2"), in: store)
            await #expect(
                throws: ProfileStoreError(
                    JSONFileStoreError.io(operation: "write", path: directory + "/journal.jsonl", errno: code))
            ) {
                try await Fixture.put(try Fixture.record("u3"), in: store)
            }
            try await Fixture.put(try Fixture.record("u4"), in: store)
            try store.close()
            try await expectReopened(directory, holds: ["u1", "u2", "u4"], unknown: nil)
        }
    }

    @Test("a directory removed under a running store makes writes fail, and the path is not reopened as empty")
    func removedDirectory() async throws {
        try await Fixture.withDirectory { parent in
            let directory = parent + "/store"
            let store = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            try await Fixture.put(try Fixture.record("u1"), in: store)
            try FileManager.default.removeItem(atPath: directory)
            let error = try await refusedWrite(in: store, mentioning: "deleted")
            await #expect(throws: error) { try await Fixture.put(try Fixture.record("u3"), in: store) }
            try store.close()
            #expect(throws: JSONFileProfileStore.noStore(in: directory)) {
                try JSONFileProfileStore(directory: directory)
            }
            #expect(!FileManager.default.fileExists(atPath: directory))
        }
    }

    @Test(
        "a directory moved away under a running store makes writes fail; the moved store has every acknowledged write")
    func movedDirectory() async throws {
        try await Fixture.withDirectory { parent in
            let directory = parent + "/store"
            let store = try JSONFileProfileStore(
                directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing))
            let (acknowledged, _) = try await writeUntilFailure(store, upTo: 3)
            try FileManager.default.moveItem(atPath: directory, toPath: parent + "/moved")
            // A directory recreated in its place, with a journal of its own, is not the store's.
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            try Fixture.write([], to: "journal.jsonl", in: directory)
            _ = try await refusedWrite(in: store, mentioning: "no longer names")
            try store.close()
            try await expectReopened(parent + "/moved", holds: acknowledged, unknown: "refused")
        }
    }

    @Test("openExisting refuses a missing or empty directory without creating anything")
    func openExistingRefuses() async throws {
        try await Fixture.withDirectory { (parent) async throws in
            for directory in [parent + "/missing", parent] {
                #expect(throws: JSONFileProfileStore.noStore(in: directory)) {
                    try JSONFileProfileStore(directory: directory)
                }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent).isEmpty)
        }
    }

    @Test("createIfMissing creates a store with its STORE marker, then opens it; the report says which")
    func createIfMissing() async throws {
        try await Fixture.withDirectory { parent in
            let directory = parent + "/a/b"
            let created = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            #expect(created.recoveryReport.createdStore)
            try created.close()
            #expect(try Fixture.bytes("STORE", in: directory) == JSONFileProfileStore.storeMarkerContent)
            let opened = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            #expect(!opened.recoveryReport.createdStore)
            try opened.close()
        }
    }

    @Test("a STORE marker without its journal is refused as corrupt with either choice, and nothing changes")
    func markerWithoutJournal() async throws {
        try await Fixture.withDirectory { directory in
            let store = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            try await Fixture.put(try Fixture.record("u1"), in: store)
            try store.close()
            for name in ["journal.jsonl", "snapshot.json"] {
                try? FileManager.default.removeItem(atPath: directory + "/" + name)
            }
            let before = try Fixture.contents(of: directory)
            for options in [JSONFileProfileStore.Options(), .createIfMissing] {
                let error = try #require(throws: JSONFileStoreError.self) {
                    try JSONFileProfileStore(directory: directory, options: options)
                }
                #expect(error.corruptFile == directory + "/journal.jsonl", "\(error)")
            }
            #expect(try Fixture.contents(of: directory) == before)
        }
    }

    @Test("a store written before the marker existed opens with openExisting and gets its marker")
    func storeWithoutMarker() async throws {
        try await Fixture.withDirectory { directory in
            let store = try JSONFileProfileStore(
                directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing))
            try await Fixture.put(try Fixture.record("u1"), in: store)
            try store.close()
            try FileManager.default.removeItem(atPath: directory + "/STORE")
            let reopened = try JSONFileProfileStore(directory: directory)
            #expect(reopened.userCount == 1)
            #expect(!reopened.recoveryReport.createdStore)
            try reopened.close()
            #expect(FileManager.default.fileExists(atPath: directory + "/STORE"))
        }
    }
}
