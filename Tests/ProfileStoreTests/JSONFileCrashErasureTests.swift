import Dispatch
import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

private typealias Fixture = StoreFixtures

/// Erasure across a killed process: `ProfileStoreCrashWriter erase` creates, follows, rewrites and
/// deletes users while their compactions and the snapshot rotation run, and is killed with
/// SIGKILL at random points; each reopening must keep every acknowledged write, lose nothing
/// else, and finish by itself the erasure the kill cut short (`Docs/reliability.md`).
@Suite("JSONFileProfileStore erases deleted users across kill -9")
struct JSONFileCrashErasureTests {
    /// Rounds at most.
    static let rounds = 30
    /// The rounds run whatever the load (a count bound, so that a slow machine or a sanitizer
    /// build tests as much, only slower); each kills right after an acknowledged deletion.
    static let minimumRounds = 4
    /// No round past the minimum starts after this much time; a round takes a fraction of a
    /// second on a quiet machine.
    static let timeCap = Duration.seconds(20)
    /// Seed users of the first round: they make every compaction copy a snapshot of ~300 KB,
    /// long enough for kills to land inside it.
    static let seeds = 300

    @Test(
        "kill -9 amid deletions: acknowledged writes survive, nothing else is lost, the reopened store erases the deleted"
    )
    func killNineAmidDeletions() async throws {
        let seed = UInt64(0x5EED_E7A5)
        print("JSONFileCrashErasureTests: seed \(String(seed, radix: 16)), up to \(Self.rounds) rounds")
        var generator = SeededGenerator(state: seed)
        try await Fixture.withDirectory { directory in
            var model = JSONFileCrashErasureModel()
            var cutShort = 0
            var completed = 0
            let clock = ContinuousClock()
            let start = clock.now
            var round = 0
            while round < Self.rounds, round < Self.minimumRounds || clock.now - start < Self.timeCap {
                defer { round += 1 }
                // Odd rounds also snapshot every 7 records, so that kills land in regular rotations too.
                let snapshotEvery = round % 2 == 1 ? 7 : 10_000
                let target = Int.random(in: 1...40, using: &generator)
                let afterDeletion = Bool.random(using: &generator) || round < Self.minimumRounds
                let seeds = round == 0 ? Self.seeds : 0
                let arguments = ["erase", directory, String(snapshotEvery), String(model.nextIndex), String(seeds)]
                model = try await JSONFileCrashWriterProcess.session(arguments) { [model, round] writer in
                    try Self.killAmidWrites(writer, round: round, target: target, afterDeletion: afterDeletion, model)
                }

                // The files as the kill left them: a deleted user's token still there means the
                // kill cut its compaction short (or came before it started).
                if !Self.tokens(in: directory).isDisjoint(with: model.deleted) { cutShort += 1 }

                let store = try JSONFileProfileStore(
                    directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing))
                try await model.settleDeletionInFlight(in: store)
                // The reopening resumes the erasure by itself: the compaction it started ends
                // with nothing pending and no deleted user's byte in any file.
                try #require(await Self.backgroundSnapshotsEnd(of: store), "round \(round): the compaction hangs")
                #expect(!store.core.withLock { $0.erasure.isPending }, "round \(round): erasure still pending")
                var found = Self.tokens(in: directory)
                #expect(
                    found.isDisjoint(with: model.deleted),
                    "round \(round): residue of \(found.intersection(model.deleted).sorted())")
                try await store.awaitErasure()
                found = Self.tokens(in: directory)
                #expect(found.isDisjoint(with: model.deleted), "round \(round): residue after awaitErasure")
                let missing = Set(model.values.keys).subtracting(found)
                #expect(missing.isEmpty, "round \(round): the compaction dropped \(missing.sorted())")
                try await model.check(store, round: round)
                try store.close()
                completed += 1
            }
            let seconds = (clock.now - start).components.seconds
            print(
                "JSONFileCrashErasureTests: \(completed) rounds in \(seconds) s, \(model.acknowledged) acknowledged "
                    + "operations, \(model.deleted.count) deletions, \(cutShort) kills cut an erasure short "
                    + "(seed \(String(seed, radix: 16)))")
            #expect(model.deleted.count >= completed, "too few deletions to test erasure")
            #expect(cutShort > 0, "no kill landed before an erasure completed: the resume went untested")
        }
    }

    /// Reads the acknowledgements of `writer` into `model` and kills it after `target` of them
    /// (and, when `afterDeletion`, right after the next acknowledged deletion, while its
    /// compaction runs); returns the model. Runs on a thread of its own (it blocks on the pipe).
    private static func killAmidWrites(
        _ writer: JSONFileCrashWriterProcess, round: Int, target: Int, afterDeletion: Bool,
        _ model: JSONFileCrashErasureModel
    ) throws -> JSONFileCrashErasureModel {
        var model = model
        var ready = false
        while !ready, let line = writer.nextLine() {
            ready = line.hasPrefix("ready")
            if !ready { _ = model.read(line) }
        }
        guard ready else {
            throw JSONFileCrashWriterProcess.Failure(
                description: "round \(round): the writer did not start: \(writer.errorOutput())")
        }
        var seen = 0
        var armed = false
        while let line = writer.nextLine() {
            guard model.read(line) else { continue }
            seen += 1
            if seen >= target { armed = true }
            if armed && (!afterDeletion || line.hasPrefix("ack del")) { break }
        }
        writer.killNow()
        while let line = writer.nextLine() { _ = model.read(line) }
        guard armed else {
            throw JSONFileCrashWriterProcess.Failure(
                description: "round \(round): the writer stopped early: \(writer.errorOutput())")
        }
        return model
    }

    /// Waits (off the cooperative pool, at most 60 s) until no background snapshot runs.
    static func backgroundSnapshotsEnd(of store: JSONFileProfileStore) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: store.backgroundSnapshots.wait(timeout: .now() + 60) == .success)
            }
        }
    }

    /// The users whose token `zq<n>q` is somewhere in a file of `directory`.
    static func tokens(in directory: String) -> Set<Int> {
        var found: Set<Int> = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
            let bytes = [UInt8](data)
            var index = 0
            while index + 2 < bytes.count {
                guard bytes[index] == UInt8(ascii: "z"), bytes[index + 1] == UInt8(ascii: "q") else {
                    index += 1
                    continue
                }
                var end = index + 2
                var number = 0
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"),
                    number < 1_000_000_000
                {
                    number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                }
                if end > index + 2, end < bytes.count, bytes[end] == UInt8(ascii: "q") { found.insert(number) }
                index = end
            }
        }
        return found
    }
}
