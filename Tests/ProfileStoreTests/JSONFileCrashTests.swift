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
                // The kill comes after a random number of acknowledged writes, at whatever
                // point the writer has reached in its next write by then.
                let target = Int.random(in: 1...120, using: &generator)
                let arguments = ["write", directory, String(snapshotEvery)]
                acknowledged = try await JSONFileCrashWriterProcess.session(arguments) { [acknowledged] writer in
                    try Self.kill(writer, afterAcknowledging: target, round: round, into: acknowledged)
                }

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

    /// Reads `writer`'s acknowledgements into `acknowledged`, kills it after `target` of them and
    /// returns them. Runs on a thread of its own (it blocks on the pipe).
    private static func kill(
        _ writer: JSONFileCrashWriterProcess, afterAcknowledging target: Int, round: Int,
        into acknowledged: [String: Int]
    ) throws -> [String: Int] {
        var acknowledged = acknowledged
        let ready = writer.nextLine()
        guard ready?.hasPrefix("ready") == true else {
            throw JSONFileCrashWriterProcess.Failure(
                description: "round \(round): \(ready ?? "no output"): \(writer.errorOutput())")
        }
        var seen = 0
        while seen < target, let line = writer.nextLine() {
            if record(line, into: &acknowledged) { seen += 1 }
        }
        writer.killNow()
        while let line = writer.nextLine() { _ = record(line, into: &acknowledged) }
        guard seen == target else {
            throw JSONFileCrashWriterProcess.Failure(
                description: "round \(round): the writer stopped early: \(writer.errorOutput())")
        }
        return acknowledged
    }

    /// Records an `ack <user> <value>` line; returns whether the line was one.
    private static func record(_ line: String, into acknowledged: inout [String: Int]) -> Bool {
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[0] == "ack", let value = Int(parts[2]) else { return false }
        acknowledged[String(parts[1]), default: 0] = max(acknowledged[String(parts[1]), default: 0], value)
        return true
    }
}
