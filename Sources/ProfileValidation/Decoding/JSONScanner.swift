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
    struct Failure: Error {
        var code: FieldErrorCode
        var path: String
        var message: String
        var limit: Int?
    }

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
    static func check(_ bytes: [UInt8], maximumDepth: Int) throws(Failure) -> [UInt8] {
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

    private func malformed(_ message: String) -> Failure {
        let location = path.description
        return Failure(code: .malformed, path: location, message: "\(location) is not valid JSON: \(message)")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func scanValue(depth: Int) throws(Failure) {
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

    private func enter(_ depth: Int) throws(Failure) {
        guard depth <= maximumDepth else {
            let location = path.description
            throw Failure(
                code: .tooDeep, path: location,
                message: "\(location) nests objects and arrays deeper than \(maximumDepth) levels", limit: maximumDepth)
        }
    }

    private mutating func scanObject(depth: Int) throws(Failure) {
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
                let location = path.description
                guard earlier != scalars else {
                    throw Failure(
                        code: .duplicateKey, path: location,
                        message: "\(location) appears twice in one object; send each key once")
                }
                throw Failure(
                    code: .equivalentKey, path: location,
                    message: "\(location) and another key of the same object differ only in their Unicode form "
                        + "(canonically equivalent, such as é written as one code point or as e and an accent); "
                        + "send the key once, in one form")
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

    private mutating func scanArray(depth: Int) throws(Failure) {
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

    private mutating func scanLiteral(_ literal: StaticString) throws(Failure) {
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected in
            index + count <= bytes.count && bytes[index..<(index + count)].elementsEqual(expected)
        }
        guard matches else { throw malformed("unexpected character at byte \(index)") }
        index += count
    }

    private mutating func scanNumber() throws(Failure) {
        let start = index
        try scanNumberSyntax()
        try checkRange(of: start..<index)
    }

    /// Refuses a number a double cannot hold, and queues a number written with an exponent for
    /// rewriting as the nearest double, which every decoder reads.
    private mutating func checkRange(of range: Range<Int>) throws(Failure) {
        let token = bytes[range]
        let isInteger = !token.contains {
            $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
        }
        // Integers of up to 300 digits are within range; their exact text is kept for integer types.
        if isInteger && token.count <= 300 { return }
        // The scan above admits only JSON's number syntax, which the standard library's parser
        // always reads (correctly rounded, to ±infinity past the range).
        let value = Double(String(decoding: token, as: UTF8.self)) ?? .infinity
        let hasExponent = token.contains { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let location = path.description
        if !value.isFinite {
            throw Failure(
                code: .outOfRange, path: location,
                message: "\(location) is a number beyond ±1.7976931348623157e308, the range of a double; "
                    + "send a smaller number")
        }
        let mantissaEnd = token.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? token.endIndex
        let isZero = !token[..<mantissaEnd].contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
        if value == 0 && !isZero {
            throw Failure(
                code: .outOfRange, path: location,
                message: "\(location) is a number too close to zero for a double (below 4.9e-324); send 0 or a "
                    + "larger number")
        }
        if hasExponent { rewrites.append((range, value.description)) }
    }

    private mutating func scanNumberSyntax() throws(Failure) {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits() > 0 else { throw malformed("a number has no digits at byte \(start)") }
        if bytes[start] == UInt8(ascii: "0")
            || (bytes[start] == UInt8(ascii: "-") && bytes[start + 1] == UInt8(ascii: "0"))
        {
            let integerDigits = index - start - (bytes[start] == UInt8(ascii: "-") ? 1 : 0)
            guard integerDigits == 1 else { throw malformed("a number has a leading zero at byte \(start)") }
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw malformed("a number has no digits after . at byte \(start)") }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard digits() > 0 else { throw malformed("a number has no exponent digits at byte \(start)") }
        }
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
        return index - start
    }

    /// Scans a string starting at its opening quote; returns its decoded UTF-8 when `decoding`.
    private mutating func scanString(decoding: Bool) throws(Failure) -> [UInt8] {
        index += 1
        var decoded: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return decoded
            case UInt8(ascii: "\\"):
                try scanEscape(into: &decoded, decoding: decoding)
            case 0..<0x20:
                throw malformed("a string holds an unescaped control character at byte \(index)")
            case 0x80...:
                let length = try utf8SequenceLength()
                if decoding { decoded.append(contentsOf: bytes[index..<(index + length)]) }
                index += length
            default:
                if decoding { decoded.append(byte) }
                index += 1
            }
        }
        throw malformed("a string is not closed")
    }

    private mutating func scanEscape(into decoded: inout [UInt8], decoding: Bool) throws(Failure) {
        guard index + 1 < bytes.count else { throw malformed("a string ends inside an escape") }
        let escaped = bytes[index + 1]
        index += 2
        let simple: UInt8? =
            switch escaped {
            case UInt8(ascii: "\""): 0x22
            case UInt8(ascii: "\\"): 0x5C
            case UInt8(ascii: "/"): 0x2F
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            if decoding { decoded.append(simple) }
            return
        }
        guard escaped == UInt8(ascii: "u") else {
            throw malformed("a string holds an unknown escape at byte \(index - 2)")
        }
        var value = try hex4()
        if (0xDC00...0xDFFF).contains(value) {
            throw malformed("a string holds an unpaired surrogate escape at byte \(index - 6)")
        }
        if (0xD800...0xDBFF).contains(value) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw malformed("a string holds an unpaired surrogate escape at byte \(index - 6)") }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw malformed("a string holds an unpaired surrogate escape at byte \(index - 12)")
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        if decoding, let scalar = Unicode.Scalar(value) {
            decoded.append(contentsOf: String(Character(scalar)).utf8)
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw malformed("a \\u escape is cut short") }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw malformed("a \\u escape holds a non-hex digit at byte \(index)")
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629: no overlongs, no
    /// surrogates, nothing above U+10FFFF).
    private func utf8SequenceLength() throws(Failure) -> Int {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, lower) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, upper) = (3, 0x9F)
        case 0xF0: (length, lower) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, upper) = (4, 0x8F)
        default: throw invalidUTF8()
        }
        guard index + length <= bytes.count else { throw invalidUTF8() }
        guard (lower...upper).contains(bytes[index + 1]) else { throw invalidUTF8() }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) {
            throw invalidUTF8()
        }
        return length
    }

    private func invalidUTF8() -> Failure {
        let location = path.description
        return Failure(
            code: .invalidCharacters, path: location,
            message: "\(location) holds bytes that are not valid UTF-8 at byte \(index); send UTF-8 text")
    }
}
