import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

private typealias Fixture = StoreFixtures

@Suite("JSONFileProfileStore decodes a snapshot's records on first use and reports a bad one there")
struct JSONFileLazyRecordTests {
    /// A sealed snapshot of users u0, u1 and u2 in which `edit` changed u1's line, written to
    /// `directory`; returns the offset of u1's record in the file.
    private static func writeSnapshot(in directory: String, editing edit: (String) -> String) throws -> Int {
        let records = try (0..<3).map { try Fixture.record("u\($0)", username: "name_\($0)") }
        let state = try StoreState(records: records, edges: [])
        let body = try #require(JSONFileSnapshot.unsealed(try JSONFileSnapshot(sequence: 4, state: state).encoded()))
        var lines = String(decoding: body, as: UTF8.self).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(#""userID":"u1""#) && $0.hasPrefix("{\"account\"") })
        lines[index] = edit(lines[index])
        let edited = Array(lines.joined(separator: "\n").utf8)
        try Fixture.write(JSONFileSnapshot.sealed(edited), to: "snapshot.json", in: directory)
        try Fixture.write([], to: "journal.jsonl", in: directory)
        try Fixture.write(JSONFileProfileStore.storeMarkerContent, to: "STORE", in: directory)
        return lines[..<index].reduce(0) { $0 + $1.utf8.count + 1 }
    }

    @Test("a record whose other fields do not decode opens, then every use of it is corrupt at its offset")
    func badRecordIsReportedOnUse() async throws {
        try await Fixture.withDirectory { directory in
            let offset = try Self.writeSnapshot(in: directory) {
                $0.replacingOccurrences(of: #""media":[]"#, with: #""media":5"#)
            }
            let files = ["snapshot.json", "journal.jsonl"]
            let before = try files.map { try Fixture.bytes($0, in: directory) }
            let store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
            #expect(store.userCount == 3)
            #expect(try await store.record(for: Fixture.user("u0"))?.userID == Fixture.user("u0"))
            let path = directory + "/snapshot.json"
            func isCorruptAtRecord(_ error: any Error) -> Bool {
                let cause = (error as? ProfileStoreError).flatMap(JSONFileStoreError.init)
                guard case .corrupt(let file, let at, _) = cause else { return false }
                return file == path && at == offset
            }
            await #expect(performing: { try await store.record(for: Fixture.user("u1")) }, throws: isCorruptAtRecord)
            await #expect(
                performing: { try await store.record(forUsername: #require(Username("NAME_1"))) },
                throws: isCorruptAtRecord)
            await #expect(
                performing: { try await Fixture.put(Fixture.record("u1", username: "other"), in: store) },
                throws: isCorruptAtRecord)
            #expect(performing: { try store.exportContents() }, throws: isCorruptAtRecord)
            // The unique index still holds the bad record's username: nobody else can take it.
            await #expect(throws: ProfileStoreError.usernameTaken("name_1")) {
                try await Fixture.put(Fixture.record("u0", username: "name_1"), in: store)
            }
            try store.close()
            #expect(try files.map { try Fixture.bytes($0, in: directory) } == before, "no write touched the data files")
        }
    }

    @Test("a record with a member twice is left to the whole-file decoder, which reads it as JSONDecoder does")
    func repeatedMemberFallsBack() async throws {
        try await Fixture.withDirectory { directory in
            // A second "email" member: the scan will not guess which one counts.
            let offset = try Self.writeSnapshot(in: directory) {
                $0.replacingOccurrences(of: #""userID":"u1"}"#, with: #""userID":"u1","email":"b@example.com"}"#)
                    .replacingOccurrences(of: #""account":{"#, with: #""account":{"email":"a@example.com","#)
            }
            let bytes = try Fixture.bytes("snapshot.json", in: directory)
            let line = bytes[offset...].prefix { $0 != UInt8(ascii: "\n") }
            let expected = try JSONDecoder().decode(UserRecord.self, from: Data(line.dropLast()))
            let store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
            #expect(try await store.record(for: Fixture.user("u1")) == expected)
            #expect(try await store.record(for: Fixture.user("u1"))?.account.email != nil)
            try store.close()
        }
    }

    @Test("a snapshot cut short while the store has it open is corrupt for the records it no longer holds")
    func truncatedWhileOpen() async throws {
        try await Fixture.withDirectory { directory in
            _ = try Self.writeSnapshot(in: directory) { $0 }
            let store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
            #expect(truncate(directory + "/snapshot.json", 10) == 0)
            let error = await #expect(throws: ProfileStoreError.self) {
                try await store.record(for: Fixture.user("u2"))
            }
            guard case .corrupt(let file, _, let reason) = error.flatMap(JSONFileStoreError.init) else {
                Issue.record("expected corrupt, got \(String(describing: error))")
                return
            }
            #expect(file == directory + "/snapshot.json")
            #expect(reason.contains("shorter"))
            try store.close()
        }
    }

    @Test("a snapshot of records never used since opening copies their bytes and reopens equal")
    func untouchedRecordsAreCopied() async throws {
        try await Fixture.withDirectory { directory in
            _ = try Self.writeSnapshot(in: directory) { $0 }
            let original = try Fixture.bytes("snapshot.json", in: directory)
            var store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
            #expect(try await store.follow(Fixture.user("u0"), Fixture.user("u2")))
            try store.snapshot()
            try store.close()
            let rewritten = String(decoding: try Fixture.bytes("snapshot.json", in: directory), as: UTF8.self)
            for line in String(decoding: original, as: UTF8.self).split(separator: "\n")
            where line.hasPrefix("{\"account\"") {
                #expect(rewritten.contains(line), "an untouched record is copied byte for byte")
            }
            store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
            #expect(try await store.socialCounts(for: Fixture.user("u2")).followers == 1)
            #expect(try store.exportContents().records.count == 3)
            try store.close()
        }
    }
}
