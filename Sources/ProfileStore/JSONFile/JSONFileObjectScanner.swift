/// Finds the members of a JSON object, and the elements of an array member, as byte ranges
/// without decoding them: what lets a large snapshot be split into chunks that decode in parallel.
///
/// The scanner follows the JSON grammar only as far as splitting needs (strings with their
/// escapes, nesting, commas and colons); it does not check numbers, literals, UTF-8 or which kind
/// of bracket closes which, all of which the decoder of each piece checks. Whatever it
/// does not recognise makes it return `nil`, and the caller then decodes the whole document the
/// ordinary way, which reports the error properly. A member key written with escapes is not
/// matched: it reads as an unknown key.
struct JSONFileObjectScanner {
    private let bytes: [UInt8]

    /// A scanner over `bytes`, which should hold one JSON object.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The byte range of each member's value by key, or `nil` when `bytes` is not one object with
    /// distinct keys (optionally surrounded by whitespace).
    func members() -> [String: Range<Int>]? {
        var index = skipWhitespace(from: 0)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index = skipWhitespace(from: index + 1)
        var members: [String: Range<Int>] = [:]
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            return skipWhitespace(from: index + 1) == bytes.count ? members : nil
        }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let keyEnd = stringEnd(from: index) else {
                return nil
            }
            let key = String(decoding: bytes[(index + 1)..<(keyEnd - 1)], as: UTF8.self)
            index = skipWhitespace(from: keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            let valueStart = skipWhitespace(from: index + 1)
            guard let valueEnd = valueEnd(from: valueStart), members[key] == nil else { return nil }
            members[key] = valueStart..<valueEnd
            index = skipWhitespace(from: valueEnd)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "}") {
                return skipWhitespace(from: index + 1) == bytes.count ? members : nil
            }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipWhitespace(from: index + 1)
        }
    }

    /// The byte range of each element of the array at `range`, or `nil` when `range` does not
    /// hold exactly one array.
    func elements(ofArrayAt range: Range<Int>) -> [Range<Int>]? {
        guard !range.isEmpty, bytes[range.lowerBound] == UInt8(ascii: "[") else { return nil }
        var index = skipWhitespace(from: range.lowerBound + 1)
        var elements: [Range<Int>] = []
        if index < range.upperBound, bytes[index] == UInt8(ascii: "]") {
            return index + 1 == range.upperBound ? elements : nil
        }
        while true {
            guard let end = valueEnd(from: index), end <= range.upperBound else { return nil }
            elements.append(index..<end)
            index = skipWhitespace(from: end)
            guard index < range.upperBound else { return nil }
            if bytes[index] == UInt8(ascii: "]") {
                return index + 1 == range.upperBound ? elements : nil
            }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipWhitespace(from: index + 1)
        }
    }

    private func skipWhitespace(from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return index
            }
        }
        return index
    }

    /// The index just past the string that opens at `start`, or `nil` when it does not close.
    private func stringEnd(from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): return index + 1
            // Whatever follows a backslash is part of the string, a quote included.
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        return nil
    }

    /// The index just past the value that starts at `start`, or `nil` when none does.
    private func valueEnd(from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return stringEnd(from: start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return containerEnd(from: start)
        default:
            // A number or a literal runs to the next delimiter.
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: " "), UInt8(ascii: "\n"),
                    UInt8(ascii: "\r"), UInt8(ascii: "\t"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["),
                    UInt8(ascii: ":"):
                    return index > start ? index : nil
                default:
                    index += 1
                }
            }
            return index > start ? index : nil
        }
    }

    /// The index just past the object or array that opens at `start`, counting brackets outside
    /// strings; `nil` when they do not balance.
    ///
    /// A `]` closing a `{` is not caught here: the element's bytes then fail to decode and the
    /// caller falls back to the ordinary decoder, so the check would only cost time.
    private func containerEnd(from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { bytes -> Int? in
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    // Inlined string skip: this loop runs over every byte of the snapshot.
                    index += 1
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                        index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                    }
                    guard index < bytes.count else { return nil }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default:
                    break
                }
                index += 1
            }
            return nil
        }
    }
}
