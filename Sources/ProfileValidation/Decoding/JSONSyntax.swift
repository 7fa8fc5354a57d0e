/// The byte-level rules of JSON that both readers of a body apply (``JSONScanner``, the syntax
/// check in front of Foundation's decoder, and ``JSONBodyReader``, the one-pass reader), written
/// once so that both refuse the same bytes with the same words.
///
/// Each function reads `bytes` from an index and returns where it stopped; a problem is a
/// ``Problem`` whose message the caller prefixes with the path.
enum JSONSyntax {
    /// A syntax problem, in the words the error message ends with.
    struct Problem: Error {
        var message: String
    }

    /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629: no overlongs, no
    /// surrogates, nothing above U+10FFFF), or `nil`.
    @inline(__always)
    static func utf8SequenceLength<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at index: Int) -> Int?
    where Bytes.Index == Int {
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
        default: return nil
        }
        guard index + length <= bytes.endIndex else { return nil }
        guard (lower...upper).contains(bytes[index + 1]) else { return nil }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) {
            return nil
        }
        return length
    }

    /// Reads the escape at `index` (a backslash) and returns the index after it; appends the
    /// escaped scalar's UTF-8 to `decoded` when it is given. Refuses unknown escapes, cut-short
    /// and non-hex `\u` escapes and unpaired surrogates.
    static func readEscape<Bytes: RandomAccessCollection<UInt8>>(
        in bytes: Bytes, at start: Int, into decoded: inout [UInt8], decoding: Bool
    ) throws(Problem) -> Int where Bytes.Index == Int {
        guard start + 1 < bytes.endIndex else { throw Problem(message: "a string ends inside an escape") }
        let escaped = bytes[start + 1]
        var index = start + 2
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
            return index
        }
        guard escaped == UInt8(ascii: "u") else {
            throw Problem(message: "a string holds an unknown escape at byte \(start)")
        }
        var value = try hex4(in: bytes, at: &index)
        if (0xDC00...0xDFFF).contains(value) {
            throw Problem(message: "a string holds an unpaired surrogate escape at byte \(index - 6)")
        }
        if (0xD800...0xDBFF).contains(value) {
            guard index + 1 < bytes.endIndex, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw Problem(message: "a string holds an unpaired surrogate escape at byte \(index - 6)") }
            index += 2
            let low = try hex4(in: bytes, at: &index)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw Problem(message: "a string holds an unpaired surrogate escape at byte \(index - 12)")
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        if decoding, let scalar = Unicode.Scalar(value) {
            UTF8.encode(scalar) { decoded.append($0) }
        }
        return index
    }

    private static func hex4<Bytes: RandomAccessCollection<UInt8>>(
        in bytes: Bytes, at index: inout Int
    ) throws(Problem) -> UInt32 where Bytes.Index == Int {
        guard index + 4 <= bytes.endIndex else { throw Problem(message: "a \\u escape is cut short") }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw Problem(message: "a \\u escape holds a non-hex digit at byte \(index)")
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    /// Reads the number at `start` (a `-` or a digit) by JSON's grammar and returns its end.
    @inline(__always)
    static func numberEnd<Bytes: RandomAccessCollection<UInt8>>(
        in bytes: Bytes, from start: Int
    ) throws(Problem) -> Int where Bytes.Index == Int {
        var index = start
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        index = digitsEnd(in: bytes, from: index)
        guard index > integerStart else { throw Problem(message: "a number has no digits at byte \(start)") }
        if bytes[integerStart] == UInt8(ascii: "0") && index - integerStart > 1 {
            throw Problem(message: "a number has a leading zero at byte \(start)")
        }
        if index < bytes.endIndex && bytes[index] == UInt8(ascii: ".") {
            let fractionStart = index + 1
            index = digitsEnd(in: bytes, from: fractionStart)
            guard index > fractionStart else {
                throw Problem(message: "a number has no digits after . at byte \(start)")
            }
        }
        if index < bytes.endIndex && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.endIndex && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            let exponentStart = index
            index = digitsEnd(in: bytes, from: exponentStart)
            guard index > exponentStart else {
                throw Problem(message: "a number has no exponent digits at byte \(start)")
            }
        }
        return index
    }

    @inline(__always)
    private static func digitsEnd<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, from start: Int) -> Int
    where Bytes.Index == Int {
        var index = start
        while index < bytes.endIndex && bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        return index
    }

    /// What a number token means for a double.
    enum NumberVerdict {
        /// Within range and written so that every decoder reads it as is.
        case kept
        /// Within range, written with an exponent: the nearest double is `value`.
        case exponent(Double)
        /// Beyond ±1.7976931348623157e308.
        case tooLarge
        /// A non-zero number that rounds to zero.
        case tooSmall
    }

    /// The verdict on a number token the grammar admitted.
    static func verdict<Token: Collection<UInt8>>(on token: Token) -> NumberVerdict {
        let isInteger = !token.contains {
            $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
        }
        // Integers of up to 300 digits are within range; their exact text is kept for integer types.
        if isInteger && token.count <= 300 { return .kept }
        // The grammar admits only JSON's number syntax, which the standard library's parser
        // always reads (correctly rounded, to ±infinity past the range).
        let value = Double(String(decoding: token, as: UTF8.self)) ?? .infinity
        if !value.isFinite { return .tooLarge }
        let mantissaEnd = token.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? token.endIndex
        let isZero = !token[..<mantissaEnd].contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
        if value == 0 && !isZero { return .tooSmall }
        return mantissaEnd == token.endIndex ? .kept : .exponent(value)
    }
}
