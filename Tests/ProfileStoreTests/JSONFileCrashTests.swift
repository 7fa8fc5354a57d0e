import Foundation
import ProfileDomain
import ProfileStore
import Testing

private typealias Fixture = StoreFixtures

@Suite("JSONFileProfileStore survives kill -9")
struct JSONFileCrashTests {
    @Test("after many kill -9 rounds every acknowledged write is present and nothing is torn")
    func killNineRounds() async throws {
        try await Fixture.withDirectory { directory in
            var generator = SeededGenerator(state: 0x5EED_0005)
            var acknowledged: [String: Int] = [:]
            for round in 0..<20 {
                // Some rounds snapshot every few records, so that kills also land inside the
                // snapshot rotation, not only inside appends.
                let snapshotEvery = round % 3 == 2 ? 13 : 10_000
                let writer = try JSONFileCrashWriterProcess(["write", directory, String(snapshotEvery)])
                let ready = writer.nextLine()
                try #require(
                    ready?.hasPrefix("ready") == true,
                    "round \(round): \(ready ?? "no output"): \(writer.errorOutput())")
                // The kill comes after a random number of acknowledged writes, at whatever
                // point the writer has reached in its next write by then.
                let target = Int.random(in: 1...120, using: &generator)
                var seen = 0
                while seen < target, let line = writer.nextLine() {
                    if record(line, into: &acknowledged) { seen += 1 }
                }
                writer.killNow()
                while let line = writer.nextLine() { _ = record(line, into: &acknowledged) }
                try #require(seen == target, "round \(round): the writer stopped early: \(writer.errorOutput())")

                let store = try JSONFileProfileStore(
                    directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing))
                for (name, value) in acknowledged {
                    let stored = try #require(
                        try await store.record(for: Fixture.user(name)), "round \(round): \(name) lost")
                    let posts = stored.profile?.counters.posts ?? -1
                    #expect(posts >= value, "round \(round): \(name) acknowledged \(value), stored \(posts)")
                    #expect(
                        stored.profile?.bio?.hasPrefix("value \(posts) ") == true, "round \(round): \(name) is torn")
                }
                try store.close()
            }
            #expect(!acknowledged.isEmpty)
        }
    }

    /// Records an `ack <user> <value>` line; returns whether the line was one.
    private func record(_ line: String, into acknowledged: inout [String: Int]) -> Bool {
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[0] == "ack", let value = Int(parts[2]) else { return false }
        acknowledged[String(parts[1]), default: 0] = max(acknowledged[String(parts[1]), default: 0], value)
        return true
    }
}
