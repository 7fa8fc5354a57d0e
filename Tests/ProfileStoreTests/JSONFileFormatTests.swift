import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

private typealias Fixture = StoreFixtures

@Suite("JSONFileProfileStore writes the documented file formats")
struct JSONFileFormatTests {
    /// Stores users a and b, makes a follow b, and closes the store with or without a snapshot.
    private func writeFollow(in directory: String, snapshotsOnClose: Bool) async throws -> StoreState {
        let store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: snapshotsOnClose))
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
            #expect(text.hasSuffix("],\n\"schemaVersion\" : 1,\n\"sequence\" : 3\n}\n"))
            #expect(text.split(separator: "\n").count == 11, "one line per edge and per record")
        }
    }
}
