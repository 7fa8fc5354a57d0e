import ProfileDomain

extension JSONBodyReader {
    /// A string's content in the body, between its quotes.
    struct StringToken {
        var content: UnsafeBufferPointer<UInt8>
        var hasEscapes: Bool
        var isASCII: Bool
        /// The offset in `content` of the first byte of a multi-byte sequence (`content.count` when
        /// there is none): everything before it is ASCII.
        var asciiPrefix: Int
    }

    /// Reads and checks the string at the current position (`"`): UTF-8, escapes, no raw control
    /// characters.
    @inline(__always)
    mutating func scanString() throws(ProfileError) -> StringToken {
        index += 1
        let start = index
        var hasEscapes = false
        var isASCII = true
        var firstNonASCII = 0
        var unused: [UInt8] = []
        while index < bytes.count {
            skipPlainWords()
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return StringToken(
                    content: content, hasEscapes: hasEscapes, isASCII: isASCII,
                    asciiPrefix: isASCII ? content.count : firstNonASCII - start)
            } else if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                do {
                    index = try JSONSyntax.readEscape(in: bytes, at: index, into: &unused, decoding: false)
                } catch {
                    throw malformed(error.message)
                }
            } else if byte < 0x20 {
                throw malformed("a string holds an unescaped control character at byte \(index)")
            } else if byte >= 0x80 {
                if isASCII { firstNonASCII = index }
                isASCII = false
                guard let length = JSONSyntax.utf8SequenceLength(in: bytes, at: index) else {
                    throw failure { .invalidUTF8(at: $0, byte: index) }
                }
                index += length
            } else {
                index += 1
            }
        }
        throw malformed("a string is not closed")
    }

    /// Skips plain bytes eight at a time and stops at the first byte that is a quote, a
    /// backslash, a control character or part of a multi-byte sequence (those need their own
    /// check), or where fewer than eight bytes remain.
    @inline(__always)
    mutating func skipPlainWords() {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            // Each term's high bit is set in a byte below 0x20, equal to `"`, equal to `\`, or 0x80 or
            // above (the classic "has a byte less than n" and "has a zero byte" tests). A borrow can
            // set a bit above a true match, never below one, so the lowest set bit is the first.
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special =
                (((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                    | word) & highs
            guard special == 0 else {
                index += special.trailingZeroBitCount >> 3
                return
            }
            index += 8
        }
    }

    /// The UTF-8 of a checked string's content with its escapes decoded.
    private func decodedBytes(of content: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(content.count)
        var offset = 0
        while offset < content.count {
            if content[offset] == UInt8(ascii: "\\") {
                // Already checked by `scanString`, so this cannot throw.
                offset =
                    (try? JSONSyntax.readEscape(in: content, at: offset, into: &decoded, decoding: true))
                    ?? content.count
            } else {
                decoded.append(content[offset])
                offset += 1
            }
        }
        return decoded
    }

    /// Reads the string at the current position (`"`) into a `String`.
    package mutating func readString() throws(ProfileError) -> String {
        let token = try scanString()
        guard token.hasEscapes else { return Self.string(checkedUTF8: token.content, asciiPrefix: token.asciiPrefix) }
        return String(decoding: decodedBytes(of: token.content), as: UTF8.self)
    }

    /// The `String` of UTF-8 that `scanString` checked, whose first `asciiPrefix` bytes are ASCII.
    ///
    /// `String(decoding:as:)` checks UTF-8 again, eight bytes at a time while they are ASCII but one
    /// at a time from the start once any byte is not (~11 instructions a byte): a long ASCII
    /// prefix (a bio with an emoji at its end) is made a `String` on its own and the rest appended,
    /// so that only the rest is checked byte by byte. The split is at a scalar boundary (the bytes
    /// before are ASCII), so the result is the same string; `FastPathDifferentialTests` compares
    /// it with `String(decoding:as:)` on generated text.
    static func string(checkedUTF8 content: UnsafeBufferPointer<UInt8>, asciiPrefix: Int) -> String {
        guard asciiPrefix >= 32, asciiPrefix < content.count else { return String(decoding: content, as: UTF8.self) }
        var value = String(decoding: UnsafeBufferPointer(rebasing: content[..<asciiPrefix]), as: UTF8.self)
        value.append(String(decoding: UnsafeBufferPointer(rebasing: content[asciiPrefix...]), as: UTF8.self))
        return value
    }

    /// Reads an object key at the current position (`"`).
    mutating func readKey() throws(ProfileError) -> JSONKey {
        let token = try scanString()
        guard token.hasEscapes else { return JSONKey(bytes: token.content, isASCII: token.isASCII) }
        // Rare: the decoded key lives in a buffer the reader frees when it is done.
        let decoded = decodedBytes(of: token.content)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, decoded.count))
        _ = buffer.initialize(from: decoded)
        decodedKeyBuffers.append(buffer)
        return JSONKey(
            bytes: UnsafeBufferPointer(rebasing: buffer[0..<decoded.count]), isASCII: decoded.allSatisfy { $0 < 0x80 })
    }
}
