import Foundation
import ProfileStore
import Testing

private typealias Fixture = StoreFixtures

@Suite("JSONFileProfileStore allows a single writer")
struct JSONFileLockTests {
    @Test("a second open in the same process is refused as locked until the first closes")
    func sameProcess() async throws {
        try await Fixture.withDirectory { directory in
            let first = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            #expect(throws: JSONFileStoreError.locked(path: directory + "/LOCK")) {
                try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            }
            try first.close()
            let second = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            try second.close()
        }
    }

    @Test("the same directory named by another path is still refused as locked")
    func otherPathSameDirectory() async throws {
        try await Fixture.withDirectory { directory in
            let first = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            let alias = directory + "/../" + URL(fileURLWithPath: directory).lastPathComponent + "/."
            #expect(throws: JSONFileStoreError.locked(path: alias + "/LOCK")) {
                try JSONFileProfileStore(directory: alias, options: .createIfMissing)
            }
            try first.close()
        }
    }

    @Test("releasing a store without close releases its lock")
    func deinitReleases() async throws {
        try await Fixture.withDirectory { directory in
            do { _ = try JSONFileProfileStore(directory: directory, options: .createIfMissing) }
            _ = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
        }
    }

    @Test("a store held by another process is refused as locked, and free once that process dies")
    func otherProcess() async throws {
        try await Fixture.withDirectory { directory in
            let holder = try JSONFileCrashWriterProcess(["hold-lock", directory])
            let line = holder.nextLine()
            try #require(
                line?.hasPrefix("locked") == true, "the holder said \(line ?? "nothing"): \(holder.errorOutput())")
            #expect(throws: JSONFileStoreError.locked(path: directory + "/LOCK")) {
                try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            }
            holder.killNow()
            try JSONFileProfileStore(directory: directory, options: .createIfMissing).close()
        }
    }
}
