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
    /// A record's keys and its place in the file, read before it enters the state (by either
    /// thread).
    struct ScannedRecord: Sendable {
        var keys: UserRecordKeys
        var offset: Int
        var count: Int
    }

    /// The mapped file, shared with the thread that reads the second half of the records.
    ///
    /// `@unchecked Sendable` is safe: the mapping is read-only (`PROT_READ`, `MAP_PRIVATE`) and
    /// nothing writes through it; the other thread only reads, and ``records(into:)`` waits for
    /// that thread on every path before it returns, so before ``JSONFileSnapshotFile`` unmaps it.
    struct MappedBytes: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }

    private let mapped: MappedBytes
    private var bytes: UnsafeBufferPointer<UInt8> { mapped.buffer }
    /// Where the scanned body ends: before the `crc32c` member of a sealed file.
    private let end: Int
    private let file: JSONFileSnapshotFile
    private var index = 0
    private var checked = 0
    private var released = 0
    private var crc = JSONFileCRC32C.initialRunningValue
    /// The records array must span at least this many bytes for its second half to be read on
    /// another thread (tests lower it to run both halves on small files).
    private let parallelThreshold: Int
    /// Whether the records' second half was read by the other thread and taken (for tests).
    private(set) var tookSecondHalf = false

    /// Records read before the array that gathers them reserves room for as many as the rest of
    /// the file would hold at their average size (so that it is not regrown and copied).
    private static let capacitySample = 1_024

    /// How far the checksum and the page release trail the cursor.
    private static let window = 8 << 20

    /// Below this size the records are read on one thread: a second thread would cost more to
    /// start and join than it saves.
    static let defaultParallelThreshold = 1 << 20

    /// A scanner over `bytes`, the mapped content of `file`, whose body ends at `end`. A records
    /// array of `parallelThreshold` bytes or more is read by two threads, half each, when the
    /// machine has two cores or more.
    init(
        _ bytes: UnsafeBufferPointer<UInt8>, bodyEnd end: Int, file: JSONFileSnapshotFile,
        parallelThreshold: Int = ProcessInfo.processInfo.activeProcessorCount > 1 ? defaultParallelThreshold : .max
    ) {
        self.mapped = MappedBytes(buffer: bytes)
        self.end = end
        self.file = file
        self.parallelThreshold = parallelThreshold
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
                guard let scanned = records(), insert(scanned, into: &state) else { return nil }
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

    /// One record's keys and its place in the file, or `nil` when it is not one the scan reads.
    ///
    /// Keys written without escapes (every key the store writes, but for emails with quotes or
    /// backslashes) are checked and lowercased as bytes, one `String` each; a key with escapes
    /// goes through `JSONDecoder` and the domain types' own checks, as before.
    private mutating func record() -> ScannedRecord? {
        let start = index
        var account: ScannedUserID?
        var emailKey: String??
        var profile: (id: ProfileID?, owner: ScannedUserID?, username: ScannedUsername??)?
        var isNullProfile = false
        var hasAccountState = false
        let parsed = object(Self.recordKeys) { (scanner: inout Self, key: Int?) -> Bool in
            switch key {
            case 0:  // account
                return scanner.object(Self.accountKeys) { (scanner: inout Self, key: Int?) -> Bool in
                    switch key {
                    case 0: return scanner.identifier().map { account = $0 } != nil
                    case 1: return scanner.emailKey().map { emailKey = $0 } != nil
                    default: return scanner.skipValue()
                    }
                }
            case 1:  // profile
                if scanner.literal("null") {
                    isNullProfile = true
                    return true
                }
                var found: (id: ProfileID?, owner: ScannedUserID?, username: ScannedUsername??) = (
                    nil, nil, nil
                )
                let parsed = scanner.object(Self.profileKeys) { (scanner: inout Self, key: Int?) -> Bool in
                    switch key {
                    case 0: return scanner.string().flatMap(ProfileID.init).map { found.id = $0 } != nil
                    case 1: return scanner.identifier().map { found.owner = $0 } != nil
                    case 2: return scanner.username().map { found.username = $0 } != nil
                    default: return scanner.skipValue()
                    }
                }
                profile = found
                return parsed
            case 2:  // state
                // Present only for a state other than active (`UserRecord+Codable`).
                hasAccountState = true
                return scanner.skipValue()
            default:
                return scanner.skipValue()
            }
        }
        guard parsed, let account else { return nil }
        let user = account.id
        var keys = UserRecordKeys(scannedUser: user, emailKey: emailKey ?? nil, hasAccountState: hasAccountState)
        if let profile, !isNullProfile {
            // A profile naming another user is refused by the state (`checkPut`); the decoder
            // words that error, so the scan only accepts the record's own user.
            guard let id = profile.id, let owner = profile.owner, same(owner, as: account) else { return nil }
            keys.profile = id
            keys.profileOwner = user
            if let username = profile.username ?? nil {
                keys.username = username.handle
                keys.usernameKey = username.canonicalKey
            }
        }
        return ScannedRecord(keys: keys, offset: start, count: index - start)
    }

    /// A user id as the scan reads it: the value, and the range of its bytes when it is written
    /// without escapes (two of them compare as bytes).
    private typealias ScannedUserID = (id: UserID, bytes: Range<Int>?)

    /// A username as the scan reads it: the handle as written and its canonical key.
    private struct ScannedUsername {
        var handle: String
        var canonicalKey: String
    }

    /// A user id, with the range of its bytes when it is written without escapes; `nil` when the
    /// value is not a string or not a valid ``UserID``.
    private mutating func identifier() -> ScannedUserID? {
        let start = index
        if let range = rawKey() {
            return UserID(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)).map {
                ($0, range)
            }
        }
        index = start
        return string().flatMap(UserID.init).map { ($0, nil) }
    }

    /// Whether two user ids read by ``identifier()`` are the same: their bytes when both were
    /// written without escapes (no `String` comparison), their values otherwise.
    private func same(_ one: ScannedUserID, as other: ScannedUserID) -> Bool {
        guard let first = one.bytes, let second = other.bytes else { return one.id == other.id }
        return UnsafeBufferPointer(rebasing: bytes[first]).elementsEqual(UnsafeBufferPointer(rebasing: bytes[second]))
    }

    /// `account.email` as its index key (``ProfileDomain/Account/emailKey``, the address
    /// lowercased): `.some(nil)` for `null`, `nil` for anything but a string. An ASCII address
    /// without escapes is lowercased as bytes, straight into its one `String`.
    private mutating func emailKey() -> String?? {
        if literal("null") { return .some(nil) }
        let start = index
        if let range = rawKey(), let key = Self.asciiLowercased(UnsafeBufferPointer(rebasing: bytes[range])) {
            return .some(key)
        }
        index = start
        return string().map { .some($0.lowercased()) }
    }

    /// `profile.username`: `.some(nil)` for `null`, `nil` for anything but a valid ``Username``.
    /// A handle without escapes is checked and given its canonical key as bytes.
    private mutating func username() -> ScannedUsername?? {
        if literal("null") { return .some(nil) }
        let start = index
        if let range = rawKey() {
            // No escape can hide in a raw range, so bytes outside the handle's alphabet make it
            // invalid whatever the decoder would say.
            let handle = UnsafeBufferPointer(rebasing: bytes[range])
            guard (1...Username.maximumLength).contains(handle.count) else { return nil }
            var hasUppercase = false
            for byte in handle {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                    continue
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    hasUppercase = true
                default:
                    return nil
                }
            }
            let written = String(decoding: handle, as: UTF8.self)
            let key = hasUppercase ? Self.asciiLowercased(handle) ?? written : written
            return .some(ScannedUsername(handle: written, canonicalKey: key))
        }
        index = start
        guard let raw = string(), let username = Username(raw) else { return nil }
        return .some(ScannedUsername(handle: username.rawValue, canonicalKey: username.canonicalKey))
    }

    /// `bytes` with ASCII `A`-`Z` lowercased, as one `String`; `nil` when they are not all ASCII
    /// (which `String.lowercased()` then handles). For ASCII both lowercase `A`-`Z` alone.
    private static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var isASCII = true
        for byte in bytes { isASCII = isASCII && byte < 0x80 }
        guard isASCII else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { target in
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                target[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }

    /// Puts the scanned records into `state`, checked against each other and the unique
    /// indexes as updates would be; `false` on a clash (`state` is then half filled).
    private func insert(_ scanned: ScannedRecords, into state: inout StoreState) -> Bool {
        let file = file
        return state.putNew(scanned.keys) { position in
            let place = scanned.places[position]
            return .encoded(
                EncodedUserRecord(
                    source: file, offset: place.offset, count: place.count, keys: scanned.keys[position]))
        }
    }

    /// The records read, in file order: their keys (as the state takes them) and their places.
    private struct ScannedRecords {
        var keys: [UserRecordKeys] = []
        var places: [(offset: Int, count: Int)] = []

        mutating func append(_ record: ScannedRecord) {
            keys.append(record.keys)
            places.append((record.offset, record.count))
        }

        mutating func reserveCapacity(_ count: Int) {
            keys.reserveCapacity(count)
            places.reserveCapacity(count)
        }
    }

    // MARK: - Records, in two halves

    /// The records array, `[` to `]`, as scanned records in file order (the state takes them all
    /// at once, table by table: ``StoreState/putNew(_:stored:)``); `nil` when the scan
    /// does not read it.
    ///
    /// A large one is read in two halves at once: another thread reads from a record start near
    /// the middle to the closing `]` (keys, and the checksum of those bytes), while this one reads
    /// the first half. When this thread reaches exactly that record start, it appends the other
    /// half's records and combines the two checksums. When it does not (the split fell inside a record: a layout other than the
    /// store's, whose records span lines) or the other half stopped at something it does not
    /// read, this thread reads on by itself, so the split never changes the result.
    private mutating func records() -> ScannedRecords? {
        guard take(UInt8(ascii: "[")) else { return nil }
        skipWhitespace()
        var scanned = ScannedRecords()
        if take(UInt8(ascii: "]")) { return scanned }
        let start = index
        var secondHalf = startSecondHalf()
        defer { secondHalf?.discard() }
        while true {
            guard let record = record() else { return nil }
            scanned.append(record)
            if scanned.keys.count == Self.capacitySample {
                // A wrong estimate (records of uneven size) only costs or saves some regrowth.
                let averageBytes = max(1, (index - start) / Self.capacitySample)
                scanned.reserveCapacity((end - start) / averageBytes + Self.capacitySample / 8)
            }
            checksum(upTo: index)
            skipWhitespace()
            if take(UInt8(ascii: "]")) { return scanned }
            guard take(UInt8(ascii: ",")) else { return nil }
            skipWhitespace()
            guard let half = secondHalf, index >= half.start else { continue }
            secondHalf = nil
            guard index == half.start else {
                // The split fell inside a record; this thread has read past it already.
                half.discard()
                continue
            }
            guard let result = half.result() else { continue }
            flushChecksum(upTo: index)
            for record in result.records { scanned.append(record) }
            let first = crc ^ JSONFileCRC32C.initialRunningValue
            crc =
                JSONFileCRC32C.combine(first, result.checksum, secondCount: result.end - index)
                ^ JSONFileCRC32C.initialRunningValue
            index = result.end
            checked = result.end
            released = max(released, result.released)
            tookSecondHalf = true
            return take(UInt8(ascii: "]")) ? scanned : nil
        }
    }

    /// Starts reading the second half of a large records array on another thread, from the
    /// first record that starts a line after the middle; `nil` for a small array, or when no
    /// line starts with a `{` shortly after the middle (the compact layout has no line breaks).
    private func startSecondHalf() -> JSONFileSnapshotSecondHalf? {
        guard end - index >= parallelThreshold else { return nil }
        var split = index + (end - index) / 2
        let searchEnd = min(end, split + 1 << 16)
        while split < searchEnd, bytes[split] != UInt8(ascii: "\n") { split += 1 }
        var second = self
        second.index = split
        second.skipWhitespace()
        guard split < searchEnd, second.peek == UInt8(ascii: "{") else { return nil }
        let reader = second
        return JSONFileSnapshotSecondHalf(start: reader.index) {
            var scanner = reader
            return scanner.recordsToEnd()
        }
    }

    /// The records from the cursor (a record's start, as far as this thread knows) to the `]`
    /// that closes the array, with the finished checksum of exactly those bytes; `nil` when
    /// anything on the way is not what the scan reads. Run on the second half's thread.
    private mutating func recordsToEnd() -> JSONFileSnapshotSecondHalf.Result? {
        let start = index
        let page = JSONFileSnapshotFile.pageSize
        crc = JSONFileCRC32C.initialRunningValue
        checked = start
        released = (start + page - 1) / page * page
        var records: [ScannedRecord] = []
        while true {
            guard let record = record() else { return nil }
            records.append(record)
            checksum(upTo: index)
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                flushChecksum(upTo: index)
                return JSONFileSnapshotSecondHalf.Result(
                    records: records, checksum: crc ^ JSONFileCRC32C.initialRunningValue, end: index,
                    released: released)
            }
            guard take(UInt8(ascii: ",")) else { return nil }
            skipWhitespace()
        }
    }

    /// One edge, read whole.
    private mutating func edge() -> RelationshipEdge? {
        var from: UserID?
        var to: UserID?
        var kind: RelationshipEdge.Kind?
        let parsed = object(Self.edgeKeys) { (scanner: inout Self, key: Int?) -> Bool in
            switch key {
            case 0: return scanner.string().flatMap(UserID.init).map { from = $0 } != nil
            case 1: return scanner.string().flatMap(UserID.init).map { to = $0 } != nil
            case 2: return scanner.string().flatMap(RelationshipEdge.Kind.init).map { kind = $0 } != nil
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

    /// The member keys of a record, its account, its profile and an edge that the scan reads; the
    /// position in the list is what ``object(_:_:)`` hands the member's reader.
    private static let recordKeys: [StaticString] = ["account", "profile", "state"]
    private static let accountKeys: [StaticString] = ["userID", "email"]
    private static let profileKeys: [StaticString] = ["id", "userID", "username"]
    private static let edgeKeys: [StaticString] = ["from", "to", "kind"]

    /// An object's members, each value read by `member`, which gets the position of the member's
    /// key in `known` (`nil` for any other key); `false` when the object is malformed, a key of
    /// `known` repeats, or `member` fails.
    ///
    /// Keys are compared as bytes, without a `String` each. A key outside `known` may repeat: its
    /// value is skipped here and checked when the record decodes (``EncodedUserRecord/decode()``
    /// also requires the keys the scan read), so only a repeated key the indexes read could make
    /// the scan and the decoder disagree, and that one sends the file to the decoder.
    private mutating func object(_ known: [StaticString], _ member: (inout Self, Int?) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return true }
        var seen: UInt32 = 0
        while true {
            guard let key = rawKey() else { return false }
            let position = known.firstIndex { Self.equals(key, in: bytes, $0) }
            if let position {
                let bit: UInt32 = 1 << position
                guard seen & bit == 0 else { return false }
                seen |= bit
            }
            guard expectColon(), member(&self, position) else { return false }
            skipWhitespace()
            if take(UInt8(ascii: "}")) { return true }
            guard take(UInt8(ascii: ",")) else { return false }
            skipWhitespace()
        }
    }

    /// Whether a key's bytes are `word`'s.
    private static func equals(_ key: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard key.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { word in
            var offset = 0
            while offset < word.count {
                guard bytes[key.lowerBound + offset] == word[offset] else { return false }
                offset += 1
            }
            return true
        }
    }

    /// A string without escapes (a member key, or the fast case of a value), as the range of its
    /// bytes between the quotes, or `nil`. A key with escapes, control characters or invalid
    /// UTF-8 sends the file to the decoder; a value with escapes goes through ``string()``.
    private mutating func rawKey() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var ascii = true
        index = plainASCIIRun(from: index)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                let key = start..<(index - 1)
                guard ascii || String(validating: UnsafeBufferPointer(rebasing: bytes[key]), as: UTF8.self) != nil
                else { return nil }
                return key
            }
            guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
            ascii = ascii && byte < 0x80
            index += 1
        }
        return nil
    }

    /// Where the run of plain ASCII bytes from `start` ends (eight bytes a step), or a little
    /// before: a word is passed only when none of its bytes is a quote, a backslash, a control
    /// character or non-ASCII, so the byte-at-a-time loop after it sees every such byte.
    private func plainASCIIRun(from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var position = start
        while end - position >= 8 {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self).littleEndian
            let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
            let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            // A zero byte (after the XORs), a byte below 0x20, or a byte with its high bit set
            // each set a high bit: the lowest such byte always does (borrows only run upwards).
            let special =
                (quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes | (word &- ones &* 0x20) & ~word
                | word
            if special & highs != 0 { return position }
            position += 8
        }
        return position
    }

    /// A string without escapes (keys, and the fast case of values), or `nil`: ``rawKey()``'s
    /// range as a `String` (already checked as UTF-8 there, so decoding repairs nothing).
    private mutating func rawString() -> String? {
        rawKey().map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
    }

    /// A string value, escapes included (decoded by `JSONDecoder`, which is rare and slow).
    private mutating func string() -> String? {
        let start = index
        if let plain = rawString() { return plain }
        index = start
        guard peek == UInt8(ascii: "\""), skipString() else { return nil }
        return try? JSONDecoder().decode(String.self, from: Data(bytes[start..<index]))
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
    ///
    /// Most of a record's bytes are in strings it skips (bios, links, preferences), so the search
    /// for the closing quote or a backslash looks at eight bytes a step.
    private mutating func skipString() -> Bool {
        guard take(UInt8(ascii: "\"")) else { return false }
        while index < end {
            index = nextQuoteOrBackslash(from: index)
            guard index < end else { return false }
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

    /// The position of the first `"` or `\` at or after `start`, or `end`, eight bytes a step:
    /// a byte equal to the one sought becomes zero after an XOR, and `(x - 0x01...) & ~x & 0x80...`
    /// marks the first zero byte exactly (the marks above it may be spurious; only the lowest one
    /// is used).
    private func nextQuoteOrBackslash(from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return end }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var position = start
        while end - position >= 8 {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self).littleEndian
            let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
            let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            let found = ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes) & highs
            if found != 0 { return position + found.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < end, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            position += 1
        }
        return position
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
        flushChecksum(upTo: position)
    }

    /// Checksums the bytes up to `position` now, and hands their pages back.
    private mutating func flushChecksum(upTo position: Int) {
        crc = JSONFileCRC32C.update(crc, with: UnsafeBufferPointer(rebasing: bytes[checked..<position]))
        released = JSONFileSnapshotFile.releasePages(of: bytes, from: released, upTo: position)
        checked = position
    }
}
