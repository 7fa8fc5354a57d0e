/// Decides whether bytes are the beginning of one compact JSON value, as `JSONEncoder` writes it
/// (no whitespace between tokens): what tells a journal record cut short by a crash from a
/// damaged one.
///
/// A crash can only leave a prefix of the line being appended, so a final record without its line
/// end is discarded only when its bytes could still become a valid record; anything else is damage
/// and is refused. The check follows the whole grammar (strings and their escapes, numbers,
/// literals, which bracket closes which) and rejects every control byte and all whitespace
/// outside strings, which the encoder never writes. UTF-8 inside strings is not checked: the
/// checksum of a complete record covers it, and a torn record is discarded anyway.
enum JSONFileJSONPrefix {
    /// How far the bytes went.
    enum Outcome: Equatable {
        /// One value ends just before this index (the bytes may go on after it).
        case complete(end: Int)
        /// Every byte fits the grammar, but the value has not ended.
        case incomplete
        /// The byte at this index cannot appear there.
        case invalid(at: Int)
    }

    private enum Container {
        case object, array
    }

    /// What the next byte outside a string or a scalar may be.
    private enum Expectation {
        /// A value (after `[`, `:`, `,` in an array, or at the start).
        case value
        /// A value or `]` (right after `[`).
        case valueOrClose
        /// A key string (after `,` in an object).
        case key
        /// A key string or `}` (right after `{`).
        case keyOrClose
        /// `:` after a key.
        case colon
        /// `,` or the container's closing bracket, after a value.
        case separator
    }

    /// Reads the value that starts at `start` in `bytes`.
    static func scan(_ bytes: ArraySlice<UInt8>, from start: Int) -> Outcome {
        var stack: [Container] = []
        var expectation = Expectation.value
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch expectation {
            case .value, .valueOrClose, .key, .keyOrClose:
                if (byte == UInt8(ascii: "]") && expectation == .valueOrClose)
                    || (byte == UInt8(ascii: "}") && expectation == .keyOrClose)
                {
                    stack.removeLast()
                    index += 1
                    if stack.isEmpty { return .complete(end: index) }
                    expectation = .separator
                    continue
                }
                if expectation == .key || expectation == .keyOrClose {
                    guard byte == UInt8(ascii: "\"") else { return .invalid(at: index) }
                    switch scanString(bytes, from: index) {
                    case .complete(let end):
                        index = end
                        expectation = .colon
                        continue
                    case let other: return other
                    }
                }
                switch byte {
                case UInt8(ascii: "{"):
                    stack.append(.object)
                    expectation = .keyOrClose
                    index += 1
                    continue
                case UInt8(ascii: "["):
                    stack.append(.array)
                    expectation = .valueOrClose
                    index += 1
                    continue
                default:
                    let scalar = scanScalar(bytes, from: index)
                    guard case .complete(let end) = scalar else { return scalar }
                    if stack.isEmpty { return scalar }
                    index = end
                    expectation = .separator
                    continue
                }
            case .colon:
                guard byte == UInt8(ascii: ":") else { return .invalid(at: index) }
                expectation = .value
            case .separator:
                guard let container = stack.last else { return .invalid(at: index) }
                switch (byte, container) {
                case (UInt8(ascii: ","), .object): expectation = .key
                case (UInt8(ascii: ","), .array): expectation = .value
                case (UInt8(ascii: "}"), .object), (UInt8(ascii: "]"), .array):
                    stack.removeLast()
                    if stack.isEmpty { return .complete(end: index + 1) }
                default: return .invalid(at: index)
                }
            }
            index += 1
        }
        return .incomplete
    }

    /// A string, number or literal starting at `start`.
    private static func scanScalar(_ bytes: ArraySlice<UInt8>, from start: Int) -> Outcome {
        switch bytes[start] {
        case UInt8(ascii: "\""): return scanString(bytes, from: start)
        case UInt8(ascii: "t"): return scanLiteral("true", bytes, from: start)
        case UInt8(ascii: "f"): return scanLiteral("false", bytes, from: start)
        case UInt8(ascii: "n"): return scanLiteral("null", bytes, from: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return scanNumber(bytes, from: start)
        default: return .invalid(at: start)
        }
    }

    private static func scanLiteral(_ literal: StaticString, _ bytes: ArraySlice<UInt8>, from start: Int) -> Outcome {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for offset in 0..<expected.count {
            let index = start + offset
            guard index < bytes.endIndex else { return .incomplete }
            guard bytes[index] == expected[offset] else { return .invalid(at: index) }
        }
        return .complete(end: start + expected.count)
    }

    private static func scanString(_ bytes: ArraySlice<UInt8>, from start: Int) -> Outcome {
        var index = start + 1
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                return .complete(end: index + 1)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.endIndex else { return .incomplete }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        index += 1
                        guard index < bytes.endIndex else { return .incomplete }
                        guard isHexDigit(bytes[index]) else { return .invalid(at: index) }
                    }
                    index += 1
                default:
                    return .invalid(at: index)
                }
            case 0..<0x20:
                return .invalid(at: index)
            default:
                index += 1
            }
        }
        return .incomplete
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, ending at the first byte that cannot
    /// continue it.
    private static func scanNumber(_ bytes: ArraySlice<UInt8>, from start: Int) -> Outcome {
        enum State { case sign, zero, integer, point, fraction, exponentMark, exponentSign, exponent }
        var state = State.sign
        var index = start
        if bytes[index] != UInt8(ascii: "-") { state = .sign } else { index += 1 }
        while index < bytes.endIndex {
            let byte = bytes[index]
            let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            switch state {
            case .sign:
                guard digit else { return .invalid(at: index) }
                state = byte == UInt8(ascii: "0") ? .zero : .integer
            case .zero, .integer:
                if digit, state == .integer {
                } else if byte == UInt8(ascii: ".") {
                    state = .point
                } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    state = .exponentMark
                } else if digit {
                    return .invalid(at: index)
                } else {
                    return .complete(end: index)
                }
            case .point, .fraction:
                if digit {
                    state = .fraction
                } else if state == .fraction, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    state = .exponentMark
                } else if state == .fraction {
                    return .complete(end: index)
                } else {
                    return .invalid(at: index)
                }
            case .exponentMark, .exponentSign:
                if digit {
                    state = .exponent
                } else if state == .exponentMark, byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                    state = .exponentSign
                } else {
                    return .invalid(at: index)
                }
            case .exponent:
                guard digit else { return .complete(end: index) }
            }
            index += 1
        }
        return .incomplete
    }

    /// Whether `byte` is an ASCII hexadecimal digit of either case.
    static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }
}
