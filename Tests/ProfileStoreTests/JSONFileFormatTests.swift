import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

private typealias Fixture = StoreFixtures

@Suite("JSONFileProfileStore writes the documented file formats")
struct JSONFileFormatTests {
    /// Stores users a and b, makes a follow b, and closes the store with or without a snapshot.
    private func writeFollow(in directory: String, snapshotsOnClose: Bool) async throws -> StoreState {
        let store = try JSONFileProfileStore(
            directory: directory, options: .init(snapshotsOnClose: snapshotsOnClose, creation: .createIfMissing))
        var expected = StoreState()
        for name in ["a", "b"] {
            let record = try Fixture.record(name, username: name)
            try await Fixture.put(record, in: store)
            try expected.apply(.put(record: record))
        }
        #expect(try await store.follow(Fixture.user("a"), Fixture.user("b")))
        try expected.apply(.follow(follower: Fixture.user("a"), followee: Fixture.user("b")))
        try store.close()
        return expected
    }

    @Test("a journal line is the schema version, the sequence and the StoreMutation, then its checksum")
    func journalLine() async throws {
        try await Fixture.withDirectory { directory in
            _ = try await writeFollow(in: directory, snapshotsOnClose: false)
            let journal = try Fixture.bytes("journal.jsonl", in: directory)
            let lastStart = try #require(Fixture.lineStarts(journal).last)
            let line = String(decoding: journal[lastStart...], as: UTF8.self)
            let payload = #"{"schemaVersion":1,"sequence":3,"mutation":{"follow":{"followee":"b","follower":"a"}}"#
            let checksum = JSONFileCRC32C.hex(JSONFileCRC32C.checksum(Array(payload.utf8)))
            #expect(line == payload + #","crc32c":"\#(checksum)"}"# + "\n")

            struct Line: Decodable { var mutation: StoreMutation }
            let first = try JSONDecoder().decode(Line.self, from: Data(journal[..<(Fixture.lineStarts(journal)[1])]))
            #expect(first.mutation == .put(record: try Fixture.record("a", username: "a")))
        }
    }

    @Test("a snapshot is the StoreState's Codable form with schemaVersion and sequence beside it")
    func snapshotForm() async throws {
        try await Fixture.withDirectory { directory in
            let expected = try await writeFollow(in: directory, snapshotsOnClose: true)
            let data = Data(try Fixture.bytes("snapshot.json", in: directory))
            #expect(try JSONDecoder().decode(StoreState.self, from: data) == expected)
            struct Wrapper: Decodable {
                var schemaVersion: Int
                var sequence: Int
            }
            let wrapper = try JSONDecoder().decode(Wrapper.self, from: data)
            #expect(wrapper.schemaVersion == 1)
            #expect(wrapper.sequence == 3)
            let text = String(decoding: data, as: UTF8.self)
            #expect(
                text.hasPrefix(
                    "{\n\"edges\" : [\n{\"from\":\"a\",\"kind\":\"follow\",\"to\":\"b\"}\n],\n\"records\" : [\n"))
            let body = String(decoding: try #require(JSONFileSnapshot.unsealed(Array(data))), as: UTF8.self)
            #expect(body.hasSuffix("],\n\"schemaVersion\" : 1,\n\"sequence\" : 3"))
            let checksum = JSONFileCRC32C.hex(JSONFileCRC32C.checksum(Array(body.utf8)))
            #expect(text == body + ",\n\"crc32c\" : \"\(checksum)\"\n}\n")
            #expect(text.split(separator: "\n").count == 12, "one line per edge, per record and for the checksum")
        }
    }

    /// A state with enough records and edges to be cut into several chunks on any machine.
    private static func largeState() throws -> StoreState {
        let records = try (0..<150).map {
            try Fixture.record("u\($0)", username: "user_\($0)", email: "\($0)@example.com")
        }
        let follows = (1..<100).map { RelationshipEdge(from: records[$0].userID, to: records[0].userID, kind: .follow) }
        let blocks = (100..<150).map { RelationshipEdge(from: records[$0].userID, to: records[1].userID, kind: .block) }
        return try StoreState(records: records, edges: follows + blocks)
    }

    @Test("a snapshot decoded in parallel chunks equals the one decoded in one piece, in any layout")
    func parallelDecodingMatches() throws {
        let state = try Self.largeState()
        let written = try JSONFileSnapshot(sequence: 42, state: state).encoded()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        struct Compact: Encodable {
            var sequence = 42
            var records: [UserRecord]
            var schemaVersion = 1
            var edges: [RelationshipEdge]
        }
        let pretty = Array(try encoder.encode(Compact(records: try state.sortedRecords(), edges: state.edges)))
        for bytes in [written, pretty] {
            let parallel = try #require(
                try JSONFileSnapshot.decodeInParallel(bytes, path: "snapshot.json", minimumChunk: 7))
            let whole = try JSONDecoder().decode(JSONFileSnapshot.self, from: Data(bytes))
            #expect(parallel.state == state)
            #expect(parallel.state == whole.state)
            #expect(parallel.sequence == 42)
        }
    }

    @Test("a snapshot the parallel path does not recognise still opens through the ordinary decoder")
    func fallbackDecodesTheRest() async throws {
        try await Fixture.withDirectory { directory in
            let state = try Self.largeState()
            // A repeated key is valid enough for JSONDecoder, which the scan refuses to guess about.
            var text = String(decoding: try JSONFileSnapshot(sequence: 3, state: state).encoded(), as: UTF8.self)
            text = text.replacingOccurrences(of: "{\n\"edges\"", with: "{\n\"sequence\" : 3,\n\"edges\"")
            let bytes = JSONFileSnapshot.sealed(try #require(JSONFileSnapshot.unsealed(Array(text.utf8))))
            #expect(try JSONFileSnapshot.decodeInParallel(bytes, path: "snapshot.json") == nil)
            try Fixture.write(bytes, to: "snapshot.json", in: directory)
            let store = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            #expect(store.userCount == 150)
            #expect(store.recoveryReport.snapshotSequence == 3)
            #expect(try await store.socialCounts(for: Fixture.user("u0")).followers == 99)
        }
    }

    @Test("an inconsistent snapshot found by the parallel path is reported as the ordinary path reports it")
    func parallelInconsistency() throws {
        var records = try Self.largeState().sortedRecords()
        records.append(try Fixture.record("twin", username: "USER_7"))
        let state = StoreState()
        var bytes = try JSONFileSnapshot(sequence: 0, state: state).encoded()
        let encoder = JSONEncoder()
        let lines = try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let text = String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "\"records\" : [", with: "\"records\" : [\n" + lines.joined(separator: ",\n"))
        bytes = JSONFileSnapshot.sealed(try #require(JSONFileSnapshot.unsealed(Array(text.utf8))))
        let error = try #require(throws: JSONFileStoreError.self) {
            try JSONFileSnapshot.decodeInParallel(bytes, path: "snapshot.json", minimumChunk: 7)
        }
        #expect(
            error
                == .corrupt(
                    file: "snapshot.json", offset: 0, reason: "the snapshot is inconsistent: usernameTaken(\"USER_7\")")
        )
        #expect(throws: error) { try JSONFileSnapshot.decode(bytes, path: "snapshot.json") }
    }

    @Test("a record that fails to decode in one chunk is reported by the ordinary decoder")
    func chunkFailureFallsBack() throws {
        let written = try JSONFileSnapshot(sequence: 1, state: Self.largeState()).encoded()
        let text = String(decoding: written, as: UTF8.self)
        let damaged = JSONFileSnapshot.sealed(
            try #require(
                JSONFileSnapshot.unsealed(
                    Array(text.replacingOccurrences(of: #""user_100""#, with: #""not a username!""#).utf8))))
        #expect(damaged != written)
        #expect(try JSONFileSnapshot.decodeInParallel(damaged, path: "snapshot.json", minimumChunk: 7) == nil)
        let error = try #require(throws: JSONFileStoreError.self) {
            try JSONFileSnapshot.decode(damaged, path: "snapshot.json")
        }
        guard case .corrupt(_, _, let reason) = error else {
            Issue.record("expected .corrupt, got \(error)")
            return
        }
        #expect(reason.contains("not a JSON object of this store's format"), "\(reason)")
    }
}
