import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

private typealias Fixture = StoreFixtures

@Suite("JSONFileSnapshotScanner opens a snapshot without decoding its records, agreeing with JSONDecoder")
struct JSONFileSnapshotScannerTests {
    /// A random consistent state: users with and without profiles, usernames, emails (some with
    /// characters JSON escapes), follows and blocks.
    static func randomState(using generator: inout SeededGenerator) throws -> StoreState {
        var state = StoreState()
        let count = Int.random(in: 0...12, using: &generator)
        for index in 0..<count {
            let user = try Fixture.user("u\(index)")
            var record = try Fixture.record(
                user,
                username: Bool.random(using: &generator) ? "User_\(index)" : nil,
                email: Bool.random(using: &generator) ? "Mail\(index)\\\"x@Example.com" : nil)
            if Int.random(in: 0..<4, using: &generator) == 0 { record.profile = nil }
            try state.apply(.put(record: record))
        }
        for _ in 0..<(count * 2) {
            let from = try Fixture.user("u\(Int.random(in: 0..<count, using: &generator))")
            let to = try Fixture.user("u\(Int.random(in: 0..<count, using: &generator))")
            let mutation: StoreMutation =
                Bool.random(using: &generator)
                ? .follow(follower: from, followee: to) : .block(blocker: from, blocked: to)
            try? state.apply(mutation)
        }
        return state
    }

    /// Writes `bytes` as a snapshot file and loads it through ``JSONFileSnapshot/load(path:)``.
    private static func load(_ bytes: [UInt8], in directory: String) throws -> JSONFileSnapshot? {
        try Fixture.write(bytes, to: "snapshot.json", in: directory)
        return try JSONFileSnapshot.load(path: directory + "/snapshot.json")
    }

    /// The snapshot the scan builds, or `nil` when it leaves the file to the ordinary decoder.
    private static func scan(_ bytes: [UInt8], in directory: String) throws -> JSONFileSnapshot? {
        try scanInHalves(bytes, in: directory, parallelThreshold: .max).snapshot
    }

    /// The scan of a file (sealed or not: a declared checksum is checked) with the records read in
    /// two halves whenever the array spans `parallelThreshold` bytes, and whether the opening
    /// thread took the second half (rather than reading it itself).
    private static func scanInHalves(
        _ bytes: [UInt8], in directory: String, parallelThreshold: Int = 0
    ) throws -> (snapshot: JSONFileSnapshot?, tookSecondHalf: Bool) {
        try Fixture.write(bytes, to: "snapshot.json", in: directory)
        let scanned = try JSONFileSnapshotFile.withMappedFile(directory + "/snapshot.json") { bytes, file in
            let declared = JSONFileSnapshot.declaredChecksum(bytes)
            var scanner = JSONFileSnapshotScanner(
                bytes, bodyEnd: declared?.bodyEnd ?? bytes.count, file: file, parallelThreshold: parallelThreshold)
            return (scanner.snapshot(expectedChecksum: declared?.checksum), scanner.tookSecondHalf)
        }
        return scanned ?? (nil, false)
    }

    @Test("a snapshot the store writes opens through the scan, every record still encoded")
    func storeWrittenSnapshotIsScanned() async throws {
        try await Fixture.withDirectory { directory in
            var generator = SeededGenerator(state: 7)
            let state = try Self.randomState(using: &generator)
            let loaded = try #require(
                try Self.load(JSONFileSnapshot(sequence: 9, state: state).encoded(), in: directory))
            #expect(loaded.sequence == 9)
            #expect(loaded.state == state)
            for stored in loaded.state.records.values {
                guard case .encoded = stored else {
                    Issue.record("a record was decoded at opening")
                    continue
                }
            }
        }
    }

    @Test("on thousands of generated states in three layouts the scan equals JSONDecoder's whole-file decode")
    func agreesWithTheDecoder() async throws {
        try await Fixture.withDirectory { directory in
            let seed = UInt64.random(in: 0...UInt64.max)
            var generator = SeededGenerator(state: seed)
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(15)
            var cases = 0
            var halves = 0
            let compact = JSONEncoder()
            compact.outputFormatting = [.sortedKeys]
            let pretty = JSONEncoder()
            pretty.outputFormatting = [.prettyPrinted]
            struct Whole: Encodable {
                var schemaVersion = 1
                var sequence: Int
                var state: StoreState
                func encode(to encoder: any Encoder) throws {
                    try state.encode(to: encoder)
                    var container = encoder.container(keyedBy: JSONFileSnapshot.CodingKeys.self)
                    try container.encode(schemaVersion, forKey: .schemaVersion)
                    try container.encode(sequence, forKey: .sequence)
                }
            }
            // At least 300 files whatever the load (a count bound), then more until 3,000 or the deadline.
            while cases < 3_000, cases < 300 || clock.now < deadline {
                let state = try Self.randomState(using: &generator)
                let sequence = Int.random(in: 0...1_000_000, using: &generator)
                let layouts = [
                    try JSONFileSnapshot(sequence: sequence, state: state).encoded(),
                    Array(try compact.encode(Whole(sequence: sequence, state: state))),
                    Array(try pretty.encode(Whole(sequence: sequence, state: state))),
                ]
                for (layout, bytes) in layouts.enumerated() {
                    let reference = try JSONDecoder().decode(JSONFileSnapshot.self, from: Data(bytes))
                    // The store's own layout is sealed and goes through `load`; the unsealed
                    // layouts through the scan alone, so that a fallback cannot hide a refusal.
                    let scanned = try layout == 0 ? Self.load(bytes, in: directory) : Self.scan(bytes, in: directory)
                    #expect(scanned?.state == reference.state, "seed \(seed)")
                    #expect(scanned?.sequence == reference.sequence, "seed \(seed)")
                    #expect(try scanned?.state.sortedRecords() == reference.state.sortedRecords(), "seed \(seed)")
                    // Again with the records in two halves: the same state, checksum included
                    // (the split lands between records in the store's layout, anywhere in the others).
                    let inHalves = try Self.scanInHalves(bytes, in: directory)
                    #expect(inHalves.snapshot?.state == reference.state, "seed \(seed), in halves")
                    #expect(inHalves.snapshot?.sequence == reference.sequence, "seed \(seed), in halves")
                    if inHalves.tookSecondHalf { halves += 1 }
                    cases += 1
                }
            }
            // The store's layout splits between records whenever the middle falls among them.
            #expect(halves >= cases / 6, "seed \(seed): only \(halves) of \(cases) files were read in two halves")
            print(
                "JSONFileSnapshotScannerTests: \(cases) generated files agreed with JSONDecoder, "
                    + "\(halves) of them read in two halves (seed \(seed))")
        }
    }

    /// The scan reserves the tables' capacity after its first 1,024 records; past that point the
    /// state must be the same and a clash still caught.
    @Test("a snapshot of 1,100 users, past the scan's capacity estimate, equals the decode; a late clash is refused")
    func largeSnapshotAgreesWithTheDecoder() async throws {
        try await Fixture.withDirectory { directory in
            var state = StoreState()
            for index in 0..<1_100 {
                let user = try Fixture.user("u\(index)")
                try state.apply(
                    .put(record: try Fixture.record(user, username: "User_\(index)", email: "m\(index)@x.io")))
                if index > 0 { try state.apply(.follow(follower: user, followee: try Fixture.user("u\(index - 1)"))) }
            }
            // Unsealed (the checksum member dropped), so that the scan alone answers.
            let sealed = try JSONFileSnapshot(sequence: 3, state: state).encoded()
            let sealCount = JSONFileSnapshot.checksumHead.count + 8 + JSONFileSnapshot.checksumTail.count
            let bytes = Array(sealed.dropLast(sealCount)) + Array("\n}\n".utf8)
            let scanned = try Self.scan(bytes, in: directory)
            let reference = try JSONDecoder().decode(JSONFileSnapshot.self, from: Data(bytes))
            #expect(scanned?.state == reference.state)
            #expect(scanned?.state.recordCount == 1_100)
            // User u1099's username written as u5's, past the estimate: the scan leaves the file to
            // the decoder (which names the clash, as `JSONFileCorruptionTests` pin).
            var clash = bytes
            let range = try #require(clash.firstRange(of: Array(#""username":"User_1099""#.utf8)))
            clash.replaceSubrange(range, with: Array(#""username":"user_5""#.utf8))
            #expect(try Self.scan(clash, in: directory) == nil)
        }
    }

    @Test("1,100 users in two halves: the same state, the combined checksum checked, damage in either refused")
    func twoHalvesAgreeAndCheckTheirChecksum() async throws {
        try await Fixture.withDirectory { directory in
            var state = StoreState()
            for index in 0..<1_100 {
                let user = try Fixture.user("u\(index)")
                try state.apply(
                    .put(record: try Fixture.record(user, username: "User_\(index)", email: "m\(index)@x.io")))
            }
            let sealed = try JSONFileSnapshot(sequence: 5, state: state).encoded()
            let whole = try Self.scanInHalves(sealed, in: directory)
            #expect(whole.tookSecondHalf)
            #expect(whole.snapshot?.state == state)
            // One byte of a skipped value changed in a record of each half: only the checksum
            // can tell, and the halves' combined checksum must.
            for user in ["u10\"", "u990\""] {
                var damaged = sealed
                let record = try #require(damaged.firstRange(of: Array(#""userID":"\#(user)"#.utf8)))
                let bio = try #require(damaged[record.upperBound...].firstRange(of: Array("line one".utf8)))
                damaged[bio.lowerBound] = UInt8(ascii: "K")
                #expect(try Self.scanInHalves(damaged, in: directory).snapshot == nil, "damage in \(user)")
            }
        }
    }

    @Test("an indexed key written twice leaves the file to the decoder; another key twice is checked at decode")
    func repeatedKeys() async throws {
        try await Fixture.withDirectory { directory in
            let user = try Fixture.user("u1")
            let state = try StoreState(
                records: [try Fixture.record(user, username: "User_1", email: "m1@x.io")], edges: [])
            let bytes = try JSONFileSnapshot(sequence: 1, state: state).encoded()
            let sealCount = JSONFileSnapshot.checksumHead.count + 8 + JSONFileSnapshot.checksumTail.count
            let unsealed = Array(bytes.dropLast(sealCount)) + Array("\n}\n".utf8)
            let text = String(decoding: unsealed, as: UTF8.self)
            // The username twice (the second one another user's): the scan must not pick one.
            let twiceIndexed = text.replacingOccurrences(
                of: #""username":"User_1""#, with: #""username":"User_1","username":"Other_1""#)
            #expect(twiceIndexed != text)
            #expect(try Self.scan(Array(twiceIndexed.utf8), in: directory) == nil)
            // A key the scan skips, twice: accepted; the record then reads as JSONDecoder reads
            // it, or fails as corrupt at first use, never as something else.
            let twiceSkipped = text.replacingOccurrences(
                of: #""profile":{"#, with: #""profile":{"bio":"first","#)
            #expect(twiceSkipped != text)
            let scanned = try #require(try Self.scan(Array(twiceSkipped.utf8), in: directory))
            let reference = try? JSONDecoder().decode(JSONFileSnapshot.self, from: Data(twiceSkipped.utf8))
            if let reference {
                #expect(try scanned.state.record(for: user) == reference.state.record(for: user))
            } else {
                #expect(throws: ProfileStoreError.self) { try scanned.state.record(for: user) }
            }
        }
    }

    /// `value` as the content of a JSON string, each scalar written plainly or, one time in six,
    /// as a `\u` escape (a surrogate pair beyond the BMP); quotes, backslashes and controls
    /// always escaped.
    private static func spelled(_ value: String, using generator: inout SeededGenerator) -> String {
        var text = ""
        for scalar in value.unicodeScalars {
            let escape = Int.random(in: 0..<6, using: &generator) == 0
            switch scalar {
            case "\"" where !escape: text += "\\\""
            case "\\" where !escape: text += "\\\\"
            case _ where scalar.value < 0x20 || escape:
                for unit in String(scalar).utf16 { text += "\\u" + String(format: "%04x", unit) }
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// A random string of 1 to `length` pieces of `pool`.
    private static func string(_ pool: [String], length: Int, using generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...length, using: &generator)).map { _ in pool.randomElement(using: &generator) ?? "" }
            .joined()
    }

    @Test("index keys read as bytes agree with JSONDecoder on generated spellings: escapes, case, non-ASCII, clashes")
    func indexKeysAgreeWithTheDecoder() async throws {
        try await Fixture.withDirectory { directory in
            let seed: UInt64 = 0x5EED_0B7E
            var generator = SeededGenerator(state: seed)
            var accepted = 0
            for round in 0..<600 {
                var lines: [String] = []
                for index in 0..<Int.random(in: 1...3, using: &generator) {
                    // The store's own line for the record, its index keys then respelled.
                    let name = "u\(index)"
                    let state = try StoreState(
                        records: [try Fixture.record(name, username: "placeholder_name", email: "placeholder@mail")],
                        edges: [])
                    let encoded = String(
                        decoding: try JSONFileSnapshot(sequence: 1, state: state).encoded(), as: UTF8.self)
                    var line = try #require(encoded.split(separator: "\n").first { $0.hasPrefix("{\"account\"") })
                        .description
                    if line.hasSuffix(",") { line.removeLast() }
                    let user = Int.random(in: 0..<20, using: &generator) == 0 ? "u \(index)" : name
                    let owner =
                        switch Int.random(in: 0..<20, using: &generator) {
                        case 0: "u\((index + 1) % 3)"
                        case 1: "U\(index)"
                        default: user
                        }
                    let username =
                        Int.random(in: 0..<5, using: &generator) == 0
                        ? "null"
                        : "\""
                            + Self.spelled(
                                Int.random(in: 0..<30, using: &generator) == 0
                                    ? String(repeating: "a", count: Username.maximumLength + 1)
                                    : Self.string(
                                        ["a", "A", "z", "Z", "0", "_", "a", "B"]
                                            + (Int.random(in: 0..<8, using: &generator) == 0 ? ["-", "é", " "] : []),
                                        length: 3, using: &generator),
                                using: &generator) + "\""
                    let email =
                        Int.random(in: 0..<5, using: &generator) == 0
                        ? "null"
                        : "\""
                            + Self.spelled(
                                Self.string(
                                    ["a", "B", "@", ".", "É", "é", "ß", "\"", "\\", "İ", "\u{212A}", "k"], length: 4,
                                    using: &generator),
                                using: &generator) + "\""
                    var userIDs = 0
                    line = line.replacingOccurrences(
                        of: #""username":"placeholder_name""#, with: #""username":"# + username)
                    line = line.replacingOccurrences(of: #""email":"placeholder@mail""#, with: #""email":"# + email)
                    var searchFrom = line.startIndex
                    while let range = line.range(of: #""userID":"\#(name)""#, range: searchFrom..<line.endIndex) {
                        let value = userIDs == 0 ? user : owner
                        let replacement = #""userID":""# + Self.spelled(value, using: &generator) + "\""
                        line.replaceSubrange(range, with: replacement)
                        searchFrom = line.index(range.lowerBound, offsetBy: replacement.count)
                        userIDs += 1
                    }
                    #expect(userIDs == 2, "round \(round): the record's line names its user twice")
                    lines.append(line)
                }
                let text =
                    "{\n\"edges\" : [\n],\n\"records\" : [\n" + lines.joined(separator: ",\n")
                    + "\n],\n\"schemaVersion\" : 1,\n\"sequence\" : 1\n}\n"
                let reference = try? JSONDecoder().decode(JSONFileSnapshot.self, from: Data(text.utf8))
                let scanned = try Self.scan(Array(text.utf8), in: directory)
                #expect((scanned == nil) == (reference == nil), "seed \(seed), round \(round): \(text)")
                if let scanned, let reference {
                    accepted += 1
                    #expect(scanned.state == reference.state, "seed \(seed), round \(round)")
                    #expect(try scanned.state.sortedRecords() == reference.state.sortedRecords(), "seed \(seed)")
                }
            }
            // Both outcomes must be common, or the generator tests one side only.
            #expect((100...550).contains(accepted), "seed \(seed): \(accepted) of 600 files accepted")
            print("JSONFileSnapshotScannerTests: 600 respelled files, \(accepted) accepted by both (seed \(seed))")
        }
    }

    @Test("generated hostile records (long strings, escapes, odd scalars) scan as JSONDecoder decodes them")
    func hostileRecordsAgreeWithTheDecoder() async throws {
        try await Fixture.withDirectory { directory in
            let seed: UInt64 = 0x5CA1_AB1E
            var generator = RecordGenerator(seed: seed)
            var counter = SeededGenerator(state: seed)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var accepted = 0
            for round in 0..<300 {
                var records = try (0..<Int.random(in: 1...4, using: &counter)).map { _ in try generator.record() }
                // Most generated handles are not valid usernames; keep a valid one in most records
                // so that most files decode.
                for index in records.indices where Int.random(in: 0..<4, using: &counter) > 0 {
                    if records[index].profile?.username.map({ Username($0.rawValue) == nil }) ?? false {
                        records[index].profile?.username = Username("Handle_\(round)_\(index)")
                    }
                }
                let lines = try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
                let text =
                    "{\n\"edges\" : [\n],\n\"records\" : [\n" + lines.joined(separator: ",\n")
                    + "\n],\n\"schemaVersion\" : 1,\n\"sequence\" : 1\n}\n"
                let reference = try? JSONDecoder().decode(JSONFileSnapshot.self, from: Data(text.utf8))
                let scanned = try Self.scan(Array(text.utf8), in: directory)
                if let reference {
                    accepted += 1
                    #expect(scanned?.state == reference.state, "seed \(seed), round \(round)")
                    #expect(try scanned?.state.sortedRecords() == reference.state.sortedRecords(), "seed \(seed)")
                } else if let scanned {
                    // The scan skips what the indexes do not need: such a file must fail at first use.
                    #expect(throws: ProfileStoreError.self, "seed \(seed), round \(round)") {
                        try scanned.state.sortedRecords()
                    }
                }
            }
            #expect(accepted >= 30, "seed \(seed): only \(accepted) of 300 files decode")
            print("JSONFileSnapshotScannerTests: 300 hostile files, \(accepted) decodable, all agreeing (seed \(seed))")
        }
    }
}
