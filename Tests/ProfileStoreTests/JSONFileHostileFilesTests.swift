import Foundation
import Testing

@testable import ProfileStore

private typealias Fixture = StoreFixtures

/// A journal record numbered `sequence` (any JSON text) that deletes user `a`.
private func deleteRecord(_ sequence: String, schemaVersion: String = "1") -> [UInt8] {
    checksummedLine(#"{"schemaVersion":\#(schemaVersion),"sequence":\#(sequence),"mutation":{"delete":{"user":"a"}}"#)
}

/// A journal record numbered `sequence` carrying `mutation` (any JSON text).
private func record(_ sequence: Int, mutation: String) -> [UInt8] {
    checksummedLine(#"{"schemaVersion":1,"sequence":\#(sequence),"mutation":\#(mutation)"#)
}

/// A snapshot of an empty store with `sequence` (any JSON text) and a valid checksum.
private func sealedSnapshot(sequence: String, records: String = "[]") -> [UInt8] {
    JSONFileSnapshot.sealed(
        Array("{\n\"edges\" : [],\n\"records\" : \(records),\n\"schemaVersion\" : 1,\n\"sequence\" : \(sequence)".utf8))
}

/// Hostile content with valid checksums: what each file holds.
struct JSONFileHostileCase: Sendable, CustomStringConvertible {
    let description: String
    let journal: [UInt8]
    var snapshot: [UInt8]?

    static let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    static let giant = String(repeating: "x", count: 2_000_000)

    static let journals: [JSONFileHostileCase] = [
        .init(description: "sequence 0", journal: deleteRecord("0")),
        .init(description: "sequence -1", journal: deleteRecord("-1")),
        .init(description: "sequence Int.min", journal: deleteRecord(String(Int.min))),
        .init(description: "sequence Int64.max", journal: deleteRecord(String(Int64.max))),
        .init(description: "sequence 2^53 + 1", journal: deleteRecord(String((1 << 53) + 1))),
        .init(description: "sequence beyond Int64", journal: deleteRecord("92233720368547758070")),
        .init(description: "sequence 1e300", journal: deleteRecord("1e300")),
        .init(description: "sequence 1.5", journal: deleteRecord("1.5")),
        .init(description: "sequence as a string", journal: deleteRecord(#""1""#)),
        .init(description: "sequence null", journal: deleteRecord("null")),
        .init(description: "schemaVersion Int64.max", journal: deleteRecord("1", schemaVersion: String(Int64.max))),
        .init(description: "schemaVersion -1", journal: deleteRecord("1", schemaVersion: "-1")),
        .init(description: "a gap", journal: record(1, mutation: #"{"delete":{"user":"a"}}"#) + deleteRecord("3")),
        .init(
            description: "a duplicate", journal: record(1, mutation: #"{"delete":{"user":"a"}}"#) + deleteRecord("1")),
        .init(
            description: "out of order", journal: record(2, mutation: #"{"delete":{"user":"a"}}"#) + deleteRecord("1")),
        .init(description: "mutation of a wrong type", journal: record(1, mutation: "5")),
        .init(description: "mutation null", journal: record(1, mutation: "null")),
        .init(description: "an unknown mutation", journal: record(1, mutation: #"{"teleport":{}}"#)),
        .init(description: "a deeply nested mutation", journal: record(1, mutation: #"{"put":{"record":\#(nested)}}"#)),
        .init(description: "a giant user id", journal: record(1, mutation: #"{"delete":{"user":"\#(giant)"}}"#)),
        .init(
            description: "records the snapshot holds are skipped, then the journal follows it",
            journal: deleteRecord("9") + deleteRecord("10"), snapshot: sealedSnapshot(sequence: "9")),
    ]

    static let snapshots: [JSONFileHostileCase] = [
        .init(description: "snapshot sequence -1", journal: [], snapshot: sealedSnapshot(sequence: "-1")),
        .init(
            description: "snapshot sequence Int.min", journal: [], snapshot: sealedSnapshot(sequence: String(Int.min))),
        .init(
            description: "snapshot sequence Int64.max", journal: [],
            snapshot: sealedSnapshot(sequence: String(Int64.max))),
        .init(description: "snapshot sequence beyond Int64", journal: [], snapshot: sealedSnapshot(sequence: "1e30")),
        .init(description: "snapshot sequence a string", journal: [], snapshot: sealedSnapshot(sequence: #""7""#)),
        .init(
            description: "snapshot records not an array", journal: [],
            snapshot: sealedSnapshot(sequence: "1", records: "5")),
        .init(
            description: "snapshot records deeply nested", journal: [],
            snapshot: sealedSnapshot(sequence: "1", records: nested)),
        .init(
            description: "snapshot record with a giant string", journal: [],
            snapshot: sealedSnapshot(sequence: "1", records: #"[{"account":"\#(giant)"}]"#)),
    ]
}

@Suite("JSONFileProfileStore opens or refuses files it was not written for, and never traps")
struct JSONFileHostileFilesTests {
    /// Opens the store in `directory`: `nil` when it opened (and was closed), or the error.
    private func open(_ directory: String) -> JSONFileStoreError? {
        let store: JSONFileProfileStore
        do {
            store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
        } catch {
            return error
        }
        // Without snapshotsOnClose, closing writes nothing: a failure here is a bug of its own.
        #expect(throws: Never.self) { try store.close() }
        return nil
    }

    @Test(
        "hostile field values with valid checksums are refused as corruption naming the file",
        arguments: JSONFileHostileCase.journals + JSONFileHostileCase.snapshots)
    func hostileValues(_ hostile: JSONFileHostileCase) async throws {
        try await Fixture.withDirectory { directory in
            try Fixture.write(hostile.journal, to: "journal.jsonl", in: directory)
            if let snapshot = hostile.snapshot { try Fixture.write(snapshot, to: "snapshot.json", in: directory) }
            // Opening creates `LOCK`; the data files must not change.
            try Fixture.write([], to: "LOCK", in: directory)
            let before = try Fixture.contents(of: directory)
            let error = open(directory)
            if hostile.description.hasPrefix("records the snapshot holds") {
                #expect(error == nil)
                return
            }
            let file = hostile.description.hasPrefix("snapshot") ? "snapshot.json" : "journal.jsonl"
            #expect(error?.corruptFile == directory + "/" + file, "\(String(describing: error))")
            #expect(try Fixture.contents(of: directory) == before)
        }
    }

    @Test("a store whose sequence reached the limit opens and refuses the next write, without trapping")
    func sequenceLimit() async throws {
        try await Fixture.withDirectory { directory in
            let limit = JSONFileJournalCodec.maximumSequence
            try Fixture.write(sealedSnapshot(sequence: String(limit - 1)), to: "snapshot.json", in: directory)
            let store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
            try await Fixture.put(try Fixture.record("a"), in: store)
            await #expect(throws: ProfileStoreError.self) { try await Fixture.put(try Fixture.record("b"), in: store) }
            #expect(try await store.record(for: Fixture.user("b")) == nil)
            try store.close()
            let reopened = try JSONFileProfileStore(directory: directory)
            #expect(reopened.userCount == 1)
            #expect(reopened.recoveryReport.replayedRecordCount == 1)
            try reopened.close()
        }
    }

    /// Pieces random files are made of: whole valid lines, renumbered ones, pieces of them and
    /// garbage.
    private static func fragments() throws -> [[UInt8]] {
        let put = #"{"put":{"record":{"account":{"createdAt":0,"userID":"a"},"media":[]}}}"#
        var pieces: [[UInt8]] = [
            record(1, mutation: put), record(2, mutation: #"{"delete":{"user":"a"}}"#), record(3, mutation: put),
            deleteRecord("0"), deleteRecord("-5"), deleteRecord(String(Int64.max)), deleteRecord("4"),
            Array("\n".utf8), [0], [0, 0, 0, 0], Array("{".utf8), Array("}".utf8), Array(#"""#.utf8),
            Array(#","crc32c":""#.utf8), Array(#"{"schemaVersion":1,"sequence":"#.utf8), Array("\r\n".utf8),
            Array("9223372036854775807".utf8), Array("[[[[".utf8),
        ]
        pieces += pieces.prefix(4).map { Array($0.prefix($0.count / 2)) }
        return pieces
    }

    @Test("thousands of random journals and snapshots of valid pieces and garbage open or are refused as corrupt")
    func randomFiles() async throws {
        let pieces = try Self.fragments()
        let seed: UInt64 = 0xB17E_5EED
        var generator = SeededGenerator(state: seed)
        let validSnapshot = sealedSnapshot(sequence: "2")
        try await Fixture.withDirectory { directory in
            var outcomes = (opened: 0, refused: 0)
            for round in 0..<2_500 {
                var journal: [UInt8] = []
                for _ in 0..<Int.random(in: 1...6, using: &generator) {
                    if Int.random(in: 0..<4, using: &generator) == 0 {
                        journal += (0..<Int.random(in: 1...24, using: &generator)).map { _ in
                            UInt8.random(in: 0...255, using: &generator)
                        }
                    } else {
                        journal += pieces.randomElement(using: &generator) ?? []
                    }
                }
                try Fixture.write(journal, to: "journal.jsonl", in: directory)
                let snapshotPath = directory + "/snapshot.json"
                try? FileManager.default.removeItem(atPath: snapshotPath)
                if round % 3 == 0 {
                    var bytes = validSnapshot
                    let start = Int.random(in: 0..<bytes.count, using: &generator)
                    let end = min(bytes.count, start + Int.random(in: 0...8, using: &generator))
                    bytes.replaceSubrange(start..<end, with: pieces.randomElement(using: &generator) ?? [])
                    if Bool.random(using: &generator), let body = JSONFileSnapshot.unsealed(validSnapshot) {
                        bytes = JSONFileSnapshot.sealed(
                            Array(body.prefix(start)) + (pieces.randomElement(using: &generator) ?? [])
                                + body.dropFirst(end))
                    }
                    try Fixture.write(bytes, to: "snapshot.json", in: directory)
                }
                switch open(directory) {
                case nil: outcomes.opened += 1
                case .corrupt?: outcomes.refused += 1
                case let other?: Issue.record("seed \(seed) round \(round): \(String(describing: other))")
                }
            }
            print("random store files, seed \(seed): \(outcomes)")
            #expect(outcomes.opened > 10 && outcomes.refused > 1_000, "seed \(seed): \(outcomes)")
        }
    }
}
