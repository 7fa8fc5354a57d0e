import ProfileDomain

/// A strict, allocation-light JSON syntax check run before decoding, for the problems
/// `JSONDecoder` tolerates or reports without a path: invalid UTF-8, duplicate keys, keys that are
/// one key once decoded into a dictionary (canonically equivalent), nesting deeper than a cap,
/// unpaired surrogate escapes, numbers out of a double's range, trailing bytes.
///
/// It also hands the decoder what it can read: the body without a leading UTF-8 byte-order mark
/// (RFC 8259 §8.1 lets a parser ignore one), and every number written with an exponent rewritten
/// as the nearest double (Foundation's decoder refuses valid forms such as `0e1` and `-0.0e1`).
///
/// Recursion depth is bounded by the cap, so hostile nesting cannot exhaust the stack.
struct JSONScanner {
    /// A problem the scanner found, with its path.
    typealias Failure = JSONSyntaxFailure

    private let bytes: [UInt8]
    private let maximumDepth: Int
    private var index = 0
    private var path = JSONPath()
    /// Number tokens to replace before decoding: the byte range and its replacement.
    private var rewrites: [(range: Range<Int>, text: String)] = []

    /// The UTF-8 byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// Checks the whole document and returns the bytes to decode: `bytes` itself unless it starts
    /// with a byte-order mark or holds a number to rewrite.
    static func check(_ bytes: [UInt8], maximumDepth: Int) throws(JSONSyntaxFailure) -> [UInt8] {
        var scanner = JSONScanner(bytes: bytes, maximumDepth: maximumDepth)
        let start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        scanner.index = start
        scanner.skipWhitespace()
        guard scanner.index < bytes.count else { throw scanner.malformed("the body is empty; send a JSON object") }
        try scanner.scanValue(depth: 1)
        scanner.skipWhitespace()
        guard scanner.index == bytes.count else {
            throw scanner.malformed("unexpected bytes after the JSON value at byte \(scanner.index)")
        }
        guard start > 0 || !scanner.rewrites.isEmpty else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = start
        for rewrite in scanner.rewrites {
            result += bytes[copied..<rewrite.range.lowerBound]
            result += rewrite.text.utf8
            copied = rewrite.range.upperBound
        }
        result += bytes[copied...]
        return result
    }

    private func malformed(_ message: String) -> JSONSyntaxFailure {
        .malformed(message, at: path.description)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func scanValue(depth: Int) throws(JSONSyntaxFailure) {
        guard index < bytes.count else { throw malformed("the body ends in the middle of a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try enter(depth)
            try scanObject(depth: depth)
        case UInt8(ascii: "["):
            try enter(depth)
            try scanArray(depth: depth)
        case UInt8(ascii: "\""):
            _ = try scanString(decoding: false)
        case UInt8(ascii: "t"): try scanLiteral("true")
        case UInt8(ascii: "f"): try scanLiteral("false")
        case UInt8(ascii: "n"): try scanLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        default: throw malformed("unexpected character at byte \(index)")
        }
    }

    private func enter(_ depth: Int) throws(JSONSyntaxFailure) {
        guard depth <= maximumDepth else { throw .tooDeep(at: path.description, maximumDepth: maximumDepth) }
    }

    private mutating func scanObject(depth: Int) throws(JSONSyntaxFailure) {
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        // Keys are told apart by their exact scalars (RFC 8259 compares member names by code
        // point), but Swift's `String` equality is canonical equivalence, so a decoded dictionary
        // would merge two keys that differ only in Unicode form: those are refused on their own.
        var keys: [String: [UInt8]] = [:]
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw malformed("expected a quoted key at byte \(index)")
            }
            let scalars = try scanString(decoding: true)
            let key = String(decoding: scalars, as: UTF8.self)
            path.components.append(.key(key))
            if let earlier = keys[key] {
                throw earlier == scalars
                    ? .duplicateKey(at: path.description) : .equivalentKey(at: path.description)
            }
            keys[key] = scalars
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw malformed("expected : after a key at byte \(index)")
            }
            index += 1
            skipWhitespace()
            try scanValue(depth: depth + 1)
            path.components.removeLast()
            skipWhitespace()
            guard index < bytes.count else { throw malformed("the body ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw malformed("expected , or } at byte \(index)") }
            index += 1
            return
        }
    }

    private mutating func scanArray(depth: Int) throws(JSONSyntaxFailure) {
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        var position = 0
        while true {
            skipWhitespace()
            path.components.append(.index(position))
            try scanValue(depth: depth + 1)
            path.components.removeLast()
            position += 1
            skipWhitespace()
            guard index < bytes.count else { throw malformed("the body ends inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw malformed("expected , or ] at byte \(index)") }
            index += 1
            return
        }
    }

    private mutating func scanLiteral(_ literal: StaticString) throws(JSONSyntaxFailure) {
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected in
            index + count <= bytes.count && bytes[index..<(index + count)].elementsEqual(expected)
        }
        guard matches else { throw malformed("unexpected character at byte \(index)") }
        index += count
    }

    /// Reads a number, refuses one a double cannot hold, and queues one written with an exponent
    /// for rewriting as the nearest double, which every decoder reads.
    private mutating func scanNumber() throws(JSONSyntaxFailure) {
        let start = index
        do {
            index = try JSONSyntax.numberEnd(in: bytes, from: start)
        } catch {
            throw malformed(error.message)
        }
        switch JSONSyntax.verdict(on: bytes[start..<index]) {
        case .kept: break
        case .exponent(let value): rewrites.append((start..<index, value.description))
        case .tooLarge: throw .numberTooLarge(at: path.description)
        case .tooSmall: throw .numberTooSmall(at: path.description)
        }
    }

    /// Scans a string starting at its opening quote; returns its decoded UTF-8 when `decoding`.
    private mutating func scanString(decoding: Bool) throws(JSONSyntaxFailure) -> [UInt8] {
        index += 1
        var decoded: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return decoded
            case UInt8(ascii: "\\"):
                do {
                    index = try JSONSyntax.readEscape(in: bytes, at: index, into: &decoded, decoding: decoding)
                } catch {
                    throw malformed(error.message)
                }
            case 0..<0x20:
                throw malformed("a string holds an unescaped control character at byte \(index)")
            case 0x80...:
                guard let length = JSONSyntax.utf8SequenceLength(in: bytes, at: index) else {
                    throw .invalidUTF8(at: path.description, byte: index)
                }
                if decoding { decoded.append(contentsOf: bytes[index..<(index + length)]) }
                index += length
            default:
                if decoding { decoded.append(byte) }
                index += 1
            }
        }
        throw malformed("a string is not closed")
    }
}
