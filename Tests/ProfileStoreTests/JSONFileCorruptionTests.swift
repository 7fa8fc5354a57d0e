import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

private typealias Fixture = StoreFixtures

/// A journal line with a correct checksum around `body`, whatever `body` says.
func checksummedLine(_ body: String) -> [UInt8] {
    let bytes = Array(body.utf8)
    return bytes + Array(#","crc32c":"\#(JSONFileCRC32C.hex(JSONFileCRC32C.checksum(bytes)))"}"#.utf8) + [0x0A]
}

/// Writes users a, b and c through a store and closes it without a snapshot: a journal of three
/// lines. Returns the journal's bytes.
private func journalOfThree(in directory: String) async throws -> [UInt8] {
    let store = try JSONFileProfileStore(
        directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing))
    for name in ["a", "b", "c"] { try await Fixture.put(try Fixture.record(name, username: name), in: store) }
    try store.close()
    return try Fixture.bytes("journal.jsonl", in: directory)
}

/// A way to damage a store, with where the error must point.
struct JSONFileDamage: Sendable, CustomStringConvertible {
    let description: String
    /// The damaged file's name.
    let file: String
    /// Words the error's reason must contain.
    let reasonMentions: String
    /// Damages the store in the directory; returns the offset the error must name.
    let apply: @Sendable (String) async throws -> Int

    static let all: [JSONFileDamage] = [
        JSONFileDamage(description: "bad checksum mid-file", file: "journal.jsonl", reasonMentions: "checksum") { dir in
            var journal = try await journalOfThree(in: dir)
            let second = Fixture.lineStarts(journal)[1]
            journal[second + 60] ^= 0x01
            try Fixture.write(journal, to: "journal.jsonl", in: dir)
            return second
        },
        JSONFileDamage(description: "bad JSON mid-file", file: "journal.jsonl", reasonMentions: "not valid JSON") {
            dir in
            let journal = try await journalOfThree(in: dir)
            let starts = Fixture.lineStarts(journal)
            let bad = checksummedLine(#"{"schemaVersion":1,"sequence":2,"mutation":{"follow":"#)
            try Fixture.write(Array(journal[..<starts[1]]) + bad + journal[starts[2]...], to: "journal.jsonl", in: dir)
            return starts[1]
        },
        .appending(
            "unknown schemaVersion in the journal", reasonMentions: "schemaVersion 2",
            #"{"schemaVersion":2,"sequence":4,"mutation":{"teleport":{}}"#
        ),
        .appending(
            "sequence gap in the journal", reasonMentions: "sequence 5 follows 3",
            #"{"schemaVersion":1,"sequence":5,"mutation":{"delete":{"user":"a"}}"#
        ),
        .appending(
            "a record that cannot apply", reasonMentions: "cannot be applied",
            #"{"schemaVersion":1,"sequence":4,"mutation":{"follow":{"followee":"ghost","follower":"a"}}"#,
            #"{"schemaVersion":1,"sequence":5,"mutation":{"delete":{"user":"a"}}"#
        ),
        JSONFileDamage(
            description: "journal starting after the snapshot", file: "journal.jsonl", reasonMentions: "are missing"
        ) { dir in
            _ = try await journalOfThree(in: dir)
            try JSONFileProfileStore(directory: dir, options: .createIfMissing).close()
            let late = checksummedLine(#"{"schemaVersion":1,"sequence":5,"mutation":{"delete":{"user":"a"}}"#)
            try Fixture.write(late, to: "journal.jsonl", in: dir)
            return 0
        },
        JSONFileDamage(description: "garbage snapshot", file: "snapshot.json", reasonMentions: "not a JSON object") {
            dir in
            _ = try await journalOfThree(in: dir)
            try Fixture.write(Array("\u{0}\u{1}garbage{".utf8), to: "snapshot.json", in: dir)
            return 0
        },
        JSONFileDamage(
            description: "unknown schemaVersion in the snapshot", file: "snapshot.json",
            reasonMentions: "schemaVersion 7"
        ) {
            dir in
            _ = try await journalOfThree(in: dir)
            try JSONFileProfileStore(directory: dir, options: .createIfMissing).close()
            let snapshot = String(decoding: try Fixture.bytes("snapshot.json", in: dir), as: UTF8.self)
            let future = snapshot.replacingOccurrences(of: #""schemaVersion" : 1"#, with: #""schemaVersion" : 7"#)
            let sealed = JSONFileSnapshot.sealed(try #require(JSONFileSnapshot.unsealed(Array(future.utf8))))
            try Fixture.write(sealed, to: "snapshot.json", in: dir)
            return 0
        },
        JSONFileDamage(description: "inconsistent snapshot", file: "snapshot.json", reasonMentions: "inconsistent") {
            dir in
            _ = try await journalOfThree(in: dir)
            let snapshot =
                #"{"edges":[{"from":"x","kind":"follow","to":"y"}],"records":[],"schemaVersion":1,"sequence":0}"#
            try Fixture.write(Array(snapshot.utf8), to: "snapshot.json", in: dir)
            try Fixture.write([], to: "journal.jsonl", in: dir)
            return 0
        },
    ]
}

extension JSONFileDamage {
    /// Damage that appends checksummed `lines` to a journal of three records; the error must name
    /// the first appended line.
    static func appending(_ description: String, reasonMentions: String, _ lines: String...) -> JSONFileDamage {
        JSONFileDamage(description: description, file: "journal.jsonl", reasonMentions: reasonMentions) { dir in
            let journal = try await journalOfThree(in: dir)
            try Fixture.write(journal + lines.flatMap(checksummedLine), to: "journal.jsonl", in: dir)
            return journal.count
        }
    }
}

@Suite("JSONFileProfileStore refuses damaged files and leaves them untouched")
struct JSONFileCorruptionTests {
    @Test("damage other than a torn tail is a corrupt error naming the file and offset", arguments: JSONFileDamage.all)
    func corruptionIsReported(_ damage: JSONFileDamage) async throws {
        try await Fixture.withDirectory { directory in
            let offset = try await damage.apply(directory)
            let before = try Fixture.contents(of: directory)
            let error = try #require(throws: JSONFileStoreError.self) {
                try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            }
            guard case .corrupt(let file, let reportedOffset, let reason) = error else {
                Issue.record("expected .corrupt, got \(error)")
                return
            }
            #expect(file == directory + "/" + damage.file)
            #expect(reportedOffset == offset)
            #expect(reason.contains(damage.reasonMentions), "\(reason)")
            #expect(try Fixture.contents(of: directory) == before)
        }
    }

    @Test(
        "a final record cut short is discarded, reported, then cut off; earlier records stay", arguments: [2, 17, 250])
    func tornTailWithoutNewline(cut: Int) async throws {
        try await Fixture.withDirectory { directory in
            let journal = try await journalOfThree(in: directory)
            let lastStart = try #require(Fixture.lineStarts(journal).last)
            try Fixture.write(Array(journal.dropLast(cut)), to: "journal.jsonl", in: directory)

            let store = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            let tail = try #require(store.recoveryReport.discardedTail)
            #expect(tail.offset == lastStart)
            #expect(tail.byteCount == journal.count - cut - lastStart)
            #expect(tail.reason.contains("no line end"))
            #expect(store.recoveryReport.replayedRecordCount == 2)
            #expect(try await store.record(for: Fixture.user("a")) == Fixture.record("a", username: "a"))
            #expect(try await store.record(for: Fixture.user("b")) == Fixture.record("b", username: "b"))
            #expect(try await store.record(for: Fixture.user("c")) == nil)
            #expect(try Fixture.bytes("journal.jsonl", in: directory) == Array(journal[..<lastStart]))
        }
    }

    @Test("a complete final line with a bad checksum is corruption, not a torn record, and nothing changes")
    func damagedFinalLineIsRefused() async throws {
        try await Fixture.withDirectory { directory in
            var journal = try await journalOfThree(in: directory)
            let lastStart = try #require(Fixture.lineStarts(journal).last)
            journal[lastStart + 40] ^= 0x20
            try Fixture.write(journal, to: "journal.jsonl", in: directory)
            let before = try Fixture.contents(of: directory)

            let error = try #require(throws: JSONFileStoreError.self) {
                try JSONFileProfileStore(directory: directory)
            }
            #expect(error.corruptFile == directory + "/journal.jsonl")
            #expect(error.corruptOffset == lastStart)
            #expect(try Fixture.contents(of: directory) == before)
        }
    }

    @Test("a final record that lacks only its line end is kept, and the line end is restored")
    func missingFinalLineEnd() async throws {
        try await Fixture.withDirectory { directory in
            let journal = try await journalOfThree(in: directory)
            try Fixture.write(Array(journal.dropLast()) + [0, 0, 0], to: "journal.jsonl", in: directory)

            let store = try JSONFileProfileStore(directory: directory)
            #expect(store.recoveryReport.restoredFinalLineEnd)
            #expect(store.recoveryReport.discardedTail == nil)
            #expect(store.userCount == 3)
            #expect(try Fixture.bytes("journal.jsonl", in: directory) == journal)
            try await Fixture.put(try Fixture.record("d"), in: store)
            try store.close()
            #expect(try JSONFileProfileStore(directory: directory).userCount == 4)
        }
    }

    /// Check values from RFC 3720 (iSCSI), appendix B.4, and the common "123456789" check.
    static let crcVectors: [(bytes: [UInt8], crc: UInt32)] = [
        ([], 0),
        (Array("123456789".utf8), 0xE306_9283),
        ([UInt8](repeating: 0, count: 32), 0x8A91_36AA),
        ([UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43),
        (Array(0...31), 0x46DD_794E),
        (Array((0...31).reversed()), 0x113F_DB5C),
    ]

    @Test("CRC-32C matches the published check values", arguments: crcVectors)
    func crc32cVectors(bytes: [UInt8], expected: UInt32) {
        #expect(JSONFileCRC32C.checksum(bytes) == expected)
        #expect(JSONFileCRC32C.hex(expected).count == 8)
    }
}
