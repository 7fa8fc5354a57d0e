import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

/// The hand-written journal encoder against Foundation's `JSONEncoder` (the reference it must
/// match byte for byte, since every file already written and every reader depend on those
/// bytes): generated records and mutations with hostile strings, every optional present and
/// absent, extreme numbers and dates, and nested preference values.
@Suite("JSONFileRecordEncoder: the same bytes as JSONEncoder")
struct JSONFileRecordEncoderTests {
    private static func reference<Value: Encodable>(_ value: Value) -> [UInt8]? {
        try? Array(JSONFileJournalCodec.makeEncoder().encode(value))
    }

    private static func handWritten(_ mutation: StoreMutation) -> [UInt8]? {
        var bytes: [UInt8] = []
        do {
            try JSONFileRecordEncoder.append(to: &bytes) { (encoder) throws(JSONFileRecordEncoder.Unsupported) in
                try encoder.mutation(mutation)
            }
        } catch {
            #expect(bytes.isEmpty, "a refused value leaves the buffer as it was")
            return nil
        }
        return bytes
    }

    /// Both encoders' bytes for `mutation`; `nil` where the encoder refuses it.
    private static func expectSameBytes(_ mutation: StoreMutation, seed: UInt64, case index: Int) {
        let expected = reference(mutation)
        let actual = handWritten(mutation)
        if let actual, expected != actual {
            Issue.record(
                """
                seed \(seed), case \(index): the bytes differ
                JSONEncoder: \(expected.map { String(decoding: $0, as: UTF8.self) } ?? "refused")
                hand-written: \(String(decoding: actual, as: UTF8.self))
                """)
        }
        // The hand-written encoder may leave a value to JSONEncoder (that is its fallback), but
        // only one JSONEncoder refuses too or one nested deeper than it writes.
        if actual == nil, expected != nil, !Self.nestsDeeply(mutation) {
            Issue.record("seed \(seed), case \(index): refused a mutation JSONEncoder writes: \(mutation)")
        }
    }

    private static func nestsDeeply(_ mutation: StoreMutation) -> Bool {
        guard case .put(let record) = mutation else { return false }
        return record.preferences.additional.values.contains {
            depth(of: $0) >= JSONFileRecordEncoder.maximumValueDepth
        }
    }

    private static func depth(of value: JSONValue) -> Int {
        switch value {
        case .array(let elements): 1 + (elements.map(depth(of:)).max() ?? 0)
        case .object(let members): 1 + (members.values.map(depth(of:)).max() ?? 0)
        default: 0
        }
    }

    @Test(
        "generated records, put and renamed, encode to JSONEncoder's bytes",
        arguments: [UInt64(0x5EED_0001), 0x5EED_0002])
    func generatedRecords(seed: UInt64) throws {
        var generator = RecordGenerator(seed: seed)
        for index in 0..<500 {
            let mutation = try generator.recordMutation()
            Self.expectSameBytes(mutation, seed: seed, case: index)
        }
    }

    @Test("generated mutations of every case encode to JSONEncoder's bytes")
    func generatedMutations() throws {
        let seed: UInt64 = 0x5EED_0003
        var generator = RecordGenerator(seed: seed)
        for index in 0..<1_000 {
            Self.expectSameBytes(try generator.smallMutation(), seed: seed, case: index)
        }
    }

    @Test("every mutation case, with and without its optional hold", arguments: try Self.mutationsOfEveryCase())
    func everyCase(mutation: StoreMutation) {
        Self.expectSameBytes(mutation, seed: 0, case: 0)
        #expect(Self.handWritten(mutation) != nil)
    }

    static func mutationsOfEveryCase() throws -> [StoreMutation] {
        let user = try #require(UserID("u1"))
        let other = try #require(UserID("u/2\"\\"))
        let date = Date(timeIntervalSinceReferenceDate: 780_000_000.125)
        let hold = UsernameHold(username: try #require(Username("held")), holder: nil, since: date, until: nil)
        let timed = UsernameHold(username: try #require(Username("held")), holder: user, since: date, until: date + 60)
        let change = UsernameChange(username: try #require(Username("old_name")), leftAt: date)
        let record = try StoreFixtures.record(user, username: "new_name", email: "A@example.com")
        return [
            .put(record: record), .follow(follower: user, followee: other), .unfollow(follower: user, followee: other),
            .block(blocker: user, blocked: other), .unblock(blocker: user, blocked: other), .delete(user: other),
            .rename(record: record, left: change, hold: nil), .rename(record: record, left: change, hold: timed),
            .deleteHolding(user: user, hold: hold), .deleteHolding(user: user, hold: timed),
            .setHold(usernameKey: "held", hold: timed),
            .setHold(usernameKey: "held", hold: hold), .setHold(usernameKey: "held", hold: nil),
            .setHistory(user: user, history: []), .setHistory(user: user, history: [change, change]),
        ]
    }

    @Test(
        "numbers at the edges: extreme integers, signed zero, subnormals, the 2^53 boundary",
        arguments: [
            0, -0.0, 1, -1, 0.1, 1e-7, 1e16, 1e21, 123_456_789.125, -780_000_000.5, .leastNonzeroMagnitude,
            .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 9_007_199_254_740_991,
            9_007_199_254_740_992, -9_007_199_254_740_994, 4.35e-308, .leastNonzeroMagnitude, 2.5e-10,
        ] as [Double])
    func edgeNumbers(number: Double) throws {
        var record = try StoreFixtures.record("u1", username: "n")
        record.account.createdAt = Date(timeIntervalSinceReferenceDate: number)
        record.preferences.additional = ["n": .number(number), "a": .array([.number(number), .number(-number)])]
        record.media = [
            MediaReference(
                key: "k", contentType: "image/png", byteCount: .min, purpose: "p", createdAt: record.account.createdAt),
            MediaReference(key: "k", contentType: "image/png", byteCount: .max, purpose: "p", createdAt: .distantPast),
        ]
        record.profile?.version = .max
        record.profile?.counters = ProfileCounters(posts: .min, shops: 0, events: -1)
        Self.expectSameBytes(.put(record: record), seed: 0, case: 0)
        #expect(Self.handWritten(.put(record: record)) != nil)
    }

    @Test(
        "a number JSON cannot hold is left to JSONEncoder, whose error the journal line reports",
        arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbers(number: Double) throws {
        var inAdditional = try StoreFixtures.record("u1")
        inAdditional.preferences.additional = ["x": .number(number)]
        var inDate = try StoreFixtures.record("u1")
        inDate.profile?.usernameChangedAt = Date(timeIntervalSinceReferenceDate: number)
        for record in [inAdditional, inDate] {
            #expect(Self.handWritten(.put(record: record)) == nil)
            #expect(throws: ProfileStoreError.self) {
                try JSONFileJournalCodec.line(for: .put(record: record), sequence: 1)
            }
        }
    }

    @Test("a preference value nested deeper than the hand-written encoder goes is written by JSONEncoder")
    func deepValueFallsBack() throws {
        var value = JSONValue.string("leaf")
        for level in 0..<(JSONFileRecordEncoder.maximumValueDepth + 5) {
            value = level.isMultiple(of: 2) ? .array([value]) : .object(["k": value])
        }
        var record = try StoreFixtures.record("u1")
        record.preferences.additional = ["deep": value]
        let mutation = StoreMutation.put(record: record)
        #expect(Self.handWritten(mutation) == nil)
        let line = try JSONFileJournalCodec.line(for: mutation, sequence: 7)
        #expect(line == Self.referenceLine(mutation, sequence: 7))
    }

    @Test("a journal line is the prefix, JSONEncoder's bytes of the mutation and their checksum")
    func wholeLine() throws {
        for mutation in try Self.mutationsOfEveryCase() {
            #expect(
                try JSONFileJournalCodec.line(for: mutation, sequence: 42) == Self.referenceLine(mutation, sequence: 42)
            )
        }
    }

    /// The line as the codec wrote it before it had its own encoder.
    private static func referenceLine(_ mutation: StoreMutation, sequence: Int) -> [UInt8]? {
        guard let payload = reference(mutation) else { return nil }
        var line = Array(#"{"schemaVersion":1,"sequence":\#(sequence),"mutation":"#.utf8) + payload
        let checksum = JSONFileJournalCodec.suffixHead + Array(JSONFileCRC32C.hex(JSONFileCRC32C.checksum(line)).utf8)
        line += checksum + JSONFileJournalCodec.suffixTail + [UInt8(ascii: "\n")]
        return line
    }
}
