#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes journal mutations and user records as JSON, byte for byte what
/// ``JSONFileJournalCodec/makeEncoder()`` (Foundation's `JSONEncoder`, sorted keys, slashes not
/// escaped, dates as seconds since 2001) writes for them, at a fraction of its cost.
///
/// The file format is `JSONEncoder`'s output, so this type copies its rules exactly rather than
/// choosing its own: keys sorted by their UTF-8 bytes (written here in that order, or sorted the
/// same way for dictionaries), absent optionals left out, `"`, `\` and control characters
/// escaped (`\b \f \n \r \t`, others as `\u00xx` in lowercase hex), everything else (`/`, DEL,
/// non-ASCII) as its UTF-8 bytes, integers in decimal, other numbers as Swift's shortest
/// `description` without a trailing `.0`. `JSONFileRecordEncoderTests` holds both encoders to
/// the same bytes on generated records and every mutation.
///
/// What it does not write (a number JSON cannot hold, a ``ProfileDomain/JSONValue`` nested
/// deeper than ``maximumValueDepth``) throws ``Unsupported`` and the caller encodes with
/// `JSONEncoder`, which writes it or reports the error it always reported.
struct JSONFileRecordEncoder {
    /// A value this encoder leaves to `JSONEncoder`.
    struct Unsupported: Error {}

    /// How deep a ``ProfileDomain/JSONValue`` may nest here; deeper ones go to `JSONEncoder`,
    /// which has its own limit (512 containers) and error.
    static let maximumValueDepth = 64

    /// The output so far.
    var bytes: [UInt8]

    /// An encoder appending to `bytes`.
    init(appendingTo bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    /// Runs `write` on an encoder that appends to `bytes` in place (no copy of the buffer); when
    /// it throws, `bytes` is back to what it was.
    static func append(
        to bytes: inout [UInt8], _ write: (inout JSONFileRecordEncoder) throws(Unsupported) -> Void
    ) throws(Unsupported) {
        let start = bytes.count
        var encoder = JSONFileRecordEncoder()
        swap(&encoder.bytes, &bytes)
        defer { swap(&encoder.bytes, &bytes) }
        do {
            try write(&encoder)
        } catch {
            encoder.bytes.removeSubrange(start...)
            throw error
        }
    }

    /// Appends `value` as `write` writes it or, when `write` leaves it to `JSONEncoder`, as
    /// `fallback` encodes it.
    ///
    /// - Throws: `fallback`'s error when neither writes the value.
    static func append<Value: Encodable>(
        _ value: Value, to bytes: inout [UInt8], fallback: JSONEncoder,
        _ write: (inout JSONFileRecordEncoder, Value) throws(Unsupported) -> Void
    ) throws {
        do {
            try append(to: &bytes) { (encoder) throws(Unsupported) in try write(&encoder, value) }
        } catch {
            bytes.append(contentsOf: try fallback.encode(value))
        }
    }

    // MARK: Objects

    /// Writes `{`; members follow with ``key(_:)``.
    mutating func open() { bytes.append(UInt8(ascii: "{")) }

    /// Writes `}`.
    mutating func close() { bytes.append(UInt8(ascii: "}")) }

    /// Writes a member's key (a literal that needs no escaping) and its colon, after a comma
    /// unless it is the object's first member (the object's `{` just written: no value ends
    /// with `{`, so optional members need no bookkeeping of which came first).
    mutating func key(_ key: StaticString) {
        if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes `{"name":{` for an enum case `JSONEncoder` keys by its name; the caller writes the
    /// associated values and two ``close()``s.
    mutating func openCase(_ name: StaticString) {
        open()
        key(name)
        open()
    }

    // MARK: Scalars

    /// Writes `string` quoted, escaped as `JSONEncoder` escapes it.
    mutating func string(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        let written: Void? = string.utf8.withContiguousStorageIfAvailable { escape($0) }
        if written == nil {
            var copy = string
            copy.withUTF8 { escape($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
        var unescapedFrom = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[unescapedFrom..<index]))
            unescapedFrom = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(UInt8(ascii: "u"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(Self.lowercaseHex[Int(byte >> 4)])
                bytes.append(Self.lowercaseHex[Int(byte & 0x0F)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[unescapedFrom...]))
    }

    private static let lowercaseHex = Array("0123456789abcdef".utf8)

    /// Writes `true` or `false`.
    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    /// Writes `null`.
    mutating func null() { bytes.append(contentsOf: Self.nullBytes) }

    private static let nullBytes = Array("null".utf8)

    /// Writes `value` in decimal, without building a `String`.
    mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // The magnitude, so that `Int64.min` needs no negation that overflows.
        var magnitude = value.magnitude
        // 20 digits hold any UInt64; they are produced last first, so into a scratch buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var first = digits.count
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    /// Writes `value` in decimal.
    mutating func integer(_ value: Int) { integer(Int64(value)) }

    /// Writes `value` as `JSONEncoder` does: its `description` without a trailing `.0`.
    ///
    /// - Throws: ``Unsupported`` for NaN and the infinities, which JSON has no number for.
    mutating func number(_ value: Double) throws(Unsupported) {
        guard value.isFinite else { throw Unsupported() }
        var description = value.description
        description.withUTF8 { utf8 in
            let hasPointZero =
                utf8.count >= 2 && utf8[utf8.count - 2] == UInt8(ascii: ".")
                && utf8[utf8.count - 1] == UInt8(ascii: "0")
            bytes.append(
                contentsOf: UnsafeBufferPointer(rebasing: utf8[..<(hasPointZero ? utf8.count - 2 : utf8.count)]))
        }
    }

    /// Writes `date` as `JSONEncoder`'s default strategy does: seconds since 2001-01-01 UTC.
    mutating func date(_ date: Date) throws(Unsupported) {
        try number(date.timeIntervalSinceReferenceDate)
    }

    // MARK: Containers

    /// Writes `[` `element` for each of `elements`, comma-separated, `]`.
    mutating func array<Element>(
        _ elements: [Element], _ element: (inout JSONFileRecordEncoder, Element) throws(Unsupported) -> Void
    ) throws(Unsupported) {
        bytes.append(UInt8(ascii: "["))
        for value in elements {
            if bytes.last != UInt8(ascii: "[") { bytes.append(UInt8(ascii: ",")) }
            try element(&self, value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an array of strings.
    mutating func strings(_ strings: [String]) {
        bytes.append(UInt8(ascii: "["))
        for value in strings {
            if bytes.last != UInt8(ascii: "[") { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an object of `members`, sorted by the UTF-8 bytes of their keys as `JSONEncoder`
    /// sorts a dictionary's keys.
    mutating func object<Value>(
        _ members: [String: Value], _ value: (inout JSONFileRecordEncoder, Value) throws(Unsupported) -> Void
    ) throws(Unsupported) {
        bytes.append(UInt8(ascii: "{"))
        // Most records have no additional preferences: no sort, no array.
        guard !members.isEmpty else { return bytes.append(UInt8(ascii: "}")) }
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (index, member) in sorted.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(member.key)
            bytes.append(UInt8(ascii: ":"))
            try value(&self, member.value)
        }
        bytes.append(UInt8(ascii: "}"))
    }
}
