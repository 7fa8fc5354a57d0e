import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One pass over a mapped `snapshot.json` that builds the whole state without decoding a record.
///
/// For each record it reads only the keys the indexes need (`account.userID`, `account.email`,
/// `profile.id`, `profile.userID`, `profile.username`) and keeps the record's offset and length;
/// every edge is read whole. The CRC-32C of the body is computed in the same pass, a window
/// behind the cursor, and the pages already checked are handed back to the kernel so that the
/// file never sits in memory whole.
///
/// The scan answers only for documents it understands completely: anything else (a key written
/// with escapes, a key twice, a number with a fraction, a value of the wrong type, a broken
/// invariant, a checksum that does not match) returns `nil`, and the caller reads the file
/// the ordinary way, which gives the same result or the precise error. So the fast path can
/// only be wrong by accepting a record whose other fields do not decode; that is found when the
/// record is first used (``EncodedUserRecord/decode()``).
struct JSONFileSnapshotScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the scanned body ends: before the `crc32c` member of a sealed file.
    private let end: Int
    private let file: JSONFileSnapshotFile
    private var index = 0
    private var checked = 0
    private var released = 0
    private var crc = JSONFileCRC32C.initialRunningValue
    /// Where the first record starts, and how many have been read: after a sample of them, the
    /// state reserves room for as many as the rest of the file would hold at the same size.
    private var recordsStart = 0
    private var recordsRead = 0

    /// Records read before the state's capacity is estimated from their average size.
    private static let capacitySample = 1_024

    /// How far the checksum and the page release trail the cursor.
    private static let window = 8 << 20

    /// A scanner over `bytes`, the mapped content of `file`, whose body ends at `end`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, bodyEnd end: Int, file: JSONFileSnapshotFile) {
        self.bytes = bytes
        self.end = end
        self.file = file
    }

    /// The snapshot, or `nil` when the caller must read the file the ordinary way. `expected`
    /// is the checksum a sealed file declares; `nil` for a file without one.
    mutating func snapshot(expectedChecksum expected: UInt32?) -> JSONFileSnapshot? {
        var state = StoreState()
        var version: Int?
        var sequence: Int?
        var edges: [RelationshipEdge]?
        var sawRecords = false
        var holds: [UsernameHold]?
        var histories: [StoredUsernameHistory]?
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return nil }
        skipWhitespace()
        if peek == UInt8(ascii: "}") { return nil }
        while true {
            guard let key = rawString(), expectColon() else { return nil }
            switch key {
            case "edges" where edges == nil:
                guard let parsed = array({ (scanner: inout Self) in scanner.edge() }) else { return nil }
                edges = parsed
            case "records" where !sawRecords:
                sawRecords = true
                recordsStart = index
                guard array({ (scanner: inout Self) in scanner.record(into: &state) }) != nil else { return nil }
            case "schemaVersion" where version == nil:
                guard let value = integer(), (1...JSONFileJournalCodec.currentSchemaVersion).contains(value) else {
                    return nil
                }
                version = value
            case "sequence" where sequence == nil:
                guard let value = integer(), (0...JSONFileJournalCodec.maximumSequence).contains(value) else {
                    return nil
                }
                sequence = value
            case StoreState.CodingKeys.usernameHolds.stringValue where holds == nil:
                guard let parsed: [UsernameHold] = decodedValue() else { return nil }
                holds = parsed
            case StoreState.CodingKeys.usernameHistories.stringValue where histories == nil:
                guard let parsed: [StoredUsernameHistory] = decodedValue() else { return nil }
                histories = parsed
            case "crc32c", "edges", "records", "schemaVersion", "sequence", "usernameHolds", "usernameHistories":
                // A checksum not at the end, or a key twice: the ordinary path says which.
                return nil
            default:
                guard skipValue() else { return nil }
            }
            skipWhitespace()
            if index == end, expected != nil { break }
            guard let next = peek else { return nil }
            index += 1
            if next == UInt8(ascii: "}") {
                skipWhitespace()
                guard index == end, expected == nil else { return nil }
                break
            }
            guard next == UInt8(ascii: ",") else { return nil }
            skipWhitespace()
        }
        checksum(upTo: end)
        guard let version, let sequence, let edges, sawRecords, version >= 1,
            expected.map({ $0 == crc ^ JSONFileCRC32C.initialRunningValue }) ?? true
        else { return nil }
        // Blocks first, as `StoreState(records:edges:)` does, so that the order does not matter.
        for edge in edges where edge.kind == .block {
            guard (try? state.apply(.block(blocker: edge.from, blocked: edge.to))) != nil else { return nil }
        }
        for edge in edges where edge.kind == .follow {
            guard (try? state.apply(.follow(follower: edge.from, followee: edge.to))) != nil else { return nil }
        }
        guard (try? state.seed(holds: holds ?? [], histories: histories ?? [])) != nil else { return nil }
        return JSONFileSnapshot(sequence: sequence, state: state)
    }

    /// The value at the scan position decoded with `JSONDecoder` (holds and histories are few and
    /// small beside the records), or `nil` when it is not valid JSON of that type.
    private mutating func decodedValue<Value: Decodable>() -> Value? {
        let start = index
        guard skipValue() else { return nil }
        return try? JSONDecoder().decode(Value.self, from: Data(bytes[start..<index]))
    }

    // MARK: - Elements

    /// One record: its keys, checked against the state's unique indexes, and its place in the file.
    private mutating func record(into state: inout StoreState) -> Bool {
        let start = index
        var user: String?
        var email: String??
        var profile: (id: String?, owner: String?, username: String??)?
        var isNullProfile = false
        var hasAccountState = false
        let parsed = object { (scanner: inout Self, key: String) -> Bool in
            switch key {
            case "account":
                return scanner.object { (scanner: inout Self, key: String) -> Bool in
                    switch key {
                    case "userID": return scanner.string().map { user = $0 } != nil
                    case "email": return scanner.optionalString().map { email = $0 } != nil
                    default: return scanner.skipValue()
                    }
                }
            case "profile":
                if scanner.literal("null") {
                    isNullProfile = true
                    return true
                }
                var found: (id: String?, owner: String?, username: String??) = (nil, nil, nil)
                let parsed = scanner.object { (scanner: inout Self, key: String) -> Bool in
                    switch key {
                    case "id": return scanner.string().map { found.id = $0 } != nil
                    case "userID": return scanner.string().map { found.owner = $0 } != nil
                    case "username": return scanner.optionalString().map { found.username = $0 } != nil
                    default: return scanner.skipValue()
                    }
                }
                profile = found
                return parsed
            case "state":
                // Present only for a state other than active (`UserRecord+Codable`).
                hasAccountState = true
                return scanner.skipValue()
            default:
                return scanner.skipValue()
            }
        }
        guard parsed, let user = user.flatMap(UserID.init) else { return false }
        var keys = UserRecordKeys(
            user: user, profile: nil, profileOwner: nil, username: nil, email: email ?? nil,
            hasAccountState: hasAccountState)
        if let profile, !isNullProfile {
            guard let id = profile.id.flatMap(ProfileID.init), let owner = profile.owner.flatMap(UserID.init) else {
                return false
            }
            var username: Username?
            if let raw = profile.username ?? nil {
                guard let valid = Username(raw) else { return false }
                username = valid
            }
            keys = UserRecordKeys(
                user: user, profile: id, profileOwner: owner, username: username, email: email ?? nil,
                hasAccountState: hasAccountState)
        }
        guard state.records[user] == nil, (try? state.checkPut(keys, as: user)) != nil else { return false }
        let encoded = EncodedUserRecord(source: file, offset: start, count: index - start, keys: keys)
        state.put(.encoded(encoded), keys: keys)
        recordsRead += 1
        if recordsRead == Self.capacitySample {
            // Growing the tables one doubling at a time rehashes every key several times; a
            // wrong estimate (records of uneven size) only costs or saves some regrowth.
            let averageBytes = max(1, (index - recordsStart) / recordsRead)
            state.reserveCapacity(records: (end - recordsStart) / averageBytes)
        }
        return true
    }

    /// One edge, read whole.
    private mutating func edge() -> RelationshipEdge? {
        var from: UserID?
        var to: UserID?
        var kind: RelationshipEdge.Kind?
        let parsed = object { (scanner: inout Self, key: String) -> Bool in
            switch key {
            case "from": return scanner.string().flatMap(UserID.init).map { from = $0 } != nil
            case "to": return scanner.string().flatMap(UserID.init).map { to = $0 } != nil
            case "kind": return scanner.string().flatMap(RelationshipEdge.Kind.init).map { kind = $0 } != nil
            default: return scanner.skipValue()
            }
        }
        guard parsed, let from, let to, let kind else { return nil }
        return RelationshipEdge(from: from, to: to, kind: kind)
    }

    // MARK: - Grammar

    private var peek: UInt8? { index < end ? bytes[index] : nil }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    private mutating func expectColon() -> Bool {
        skipWhitespace()
        guard take(UInt8(ascii: ":")) else { return false }
        skipWhitespace()
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - index >= count else { return false }
        let matches = word.withUTF8Buffer { word in
            (0..<count).allSatisfy { bytes[index + $0] == word[$0] }
        }
        if matches { index += count }
        return matches
    }

    /// The elements of an array, each read by `element`; `nil` when one fails.
    private mutating func array<Element>(_ element: (inout Self) -> Element?) -> [Element]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var elements: [Element] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return elements }
        while true {
            guard let value = element(&self) else { return nil }
            elements.append(value)
            checksum(upTo: index)
            skipWhitespace()
            if take(UInt8(ascii: "]")) { return elements }
            guard take(UInt8(ascii: ",")) else { return nil }
            skipWhitespace()
        }
    }

    /// An object's members, each value read by `member` (which gets the key); `false` when the
    /// object is malformed, a key repeats among the ones it reads, or `member` fails.
    private mutating func object(_ member: (inout Self, String) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return true }
        var seen: [String] = []
        while true {
            guard let key = rawString(), !seen.contains(key), expectColon(), member(&self, key) else { return false }
            seen.append(key)
            skipWhitespace()
            if take(UInt8(ascii: "}")) { return true }
            guard take(UInt8(ascii: ",")) else { return false }
            skipWhitespace()
        }
    }

    /// A string without escapes (keys, and the fast case of values), or `nil`.
    private mutating func rawString() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var ascii = true
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                let content = UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
                // ASCII needs no validation, and `String(validating:)` is slow for short strings.
                return ascii ? String(decoding: content, as: UTF8.self) : String(validating: content, as: UTF8.self)
            }
            guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
            ascii = ascii && byte < 0x80
            index += 1
        }
        return nil
    }

    /// A string value, escapes included (decoded by `JSONDecoder`, which is rare and slow).
    private mutating func string() -> String? {
        let start = index
        if let plain = rawString() { return plain }
        index = start
        guard peek == UInt8(ascii: "\""), skipString() else { return nil }
        return try? JSONDecoder().decode(String.self, from: Data(bytes[start..<index]))
    }

    /// A string or `null`: `.some(nil)` for `null`, `nil` for anything else.
    private mutating func optionalString() -> String?? {
        if literal("null") { return .some(nil) }
        return string().map { .some($0) }
    }

    /// A non-negative or negative integer without fraction or exponent.
    private mutating func integer() -> Int? {
        let negative = take(UInt8(ascii: "-"))
        var value = 0
        var digits = 0
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = multiplied.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = added
            digits += 1
            index += 1
        }
        guard digits > 0, digits == 1 || bytes[index - digits] != UInt8(ascii: "0") else { return nil }
        if let byte = peek, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            return nil
        }
        return negative ? -value : value
    }

    /// Skips a string, escapes included.
    private mutating func skipString() -> Bool {
        guard take(UInt8(ascii: "\"")) else { return false }
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return true
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        return false
    }

    /// Skips any value: strings and brackets are followed, scalars run to the next delimiter.
    /// What is inside is checked when the record decodes.
    private mutating func skipValue() -> Bool {
        guard let first = peek else { return false }
        switch first {
        case UInt8(ascii: "\""):
            return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < end {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard skipString() else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                default:
                    break
                }
                index += 1
            }
            return false
        default:
            let start = index
            while let byte = peek {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: " "), UInt8(ascii: "\n"),
                    UInt8(ascii: "\r"), UInt8(ascii: "\t"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["),
                    UInt8(ascii: ":"):
                    return index > start
                default:
                    index += 1
                }
            }
            return index > start
        }
    }

    // MARK: - Checksum and memory

    /// Checksums the bytes up to `position` once a window of them has gathered (all of them
    /// when `position` is the end), then hands their pages back: they are read again only when
    /// a record decodes, from the page cache.
    private mutating func checksum(upTo position: Int) {
        guard position - checked >= Self.window || position == end else { return }
        crc = JSONFileCRC32C.update(crc, with: UnsafeBufferPointer(rebasing: bytes[checked..<position]))
        released = JSONFileSnapshotFile.releasePages(of: bytes, from: released, upTo: position)
        checked = position
    }
}
