import ProfileDomain

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Trims, normalises and checks one text value against a ``TextRule``.
///
/// ASCII input takes a single pass over its bytes with no allocation unless trimming is needed:
/// that keeps a typical profile well under a microsecond. Anything else walks Unicode scalars and
/// segments grapheme clusters only around scalars that can join their neighbours.
enum TextChecker {
    /// Checks `raw`; errors go to `errors` under `path`.
    static func check(
        _ raw: String,
        rule: TextRule,
        path: @autoclosure () -> String,
        errors: inout [FieldError]
    ) -> TextOutcome {
        if isAcceptedASCII(raw, rule: rule) { return .value(raw) }
        // The trimmed copy is made inside the closure: the buffer of a small string is a temporary.
        let fast: FastResult?? = raw.utf8.withContiguousStorageIfAvailable { bytes in
            switch asciiFastPath(bytes, rule: rule) {
            case nil: return nil
            case .some(.untouched): return .untouched
            case .some(.empty): return .empty
            case .some(.trimmed(let range)):
                return .trimmed(String(decoding: UnsafeBufferPointer(rebasing: range), as: UTF8.self))
            }
        }
        if case .some(.some(let fast)) = fast {
            let trimmed: String
            switch fast {
            case .untouched: trimmed = raw
            case .empty: return .empty
            case .trimmed(let value): trimmed = value
            }
            // ASCII without `\r`: every byte is one character.
            return checkLengths(trimmed, characters: trimmed.utf8.count, rule: rule, path: path(), errors: &errors)
        }
        return slowPath(raw, rule: rule, path: path(), errors: &errors)
    }

    /// Whether `raw` passes as it is: printable ASCII (and `\n` where allowed) that needs no
    /// trimming and fits the rule's lengths, where every byte is one character. Eight bytes at a
    /// time; `false` means "take the general path", not "invalid".
    static func isAcceptedASCII(_ raw: String, rule: TextRule) -> Bool {
        raw.utf8.withContiguousStorageIfAvailable { bytes in
            let count = bytes.count
            guard count >= max(1, rule.minimumLength), count <= rule.maximumLength, count <= rule.maximumBytes,
                let base = bytes.baseAddress
            else { return false }
            // The ends are neither spaces nor line breaks, so there is nothing to trim.
            guard base[0] &- 0x21 < 0x5E, base[count - 1] &- 0x21 < 0x5E else { return false }
            return isPlain(base, count: count, allowsNewlines: rule.allowsNewlines)
        } ?? false
    }

    /// Whether every byte is printable ASCII (or `\n` where allowed), eight bytes at a time; the
    /// rest of a longer value is its last eight bytes, read again as one word.
    @inline(__always)
    private static func isPlain(_ base: UnsafePointer<UInt8>, count: Int, allowsNewlines: Bool) -> Bool {
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= count {
            if hasNonPrintable(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                for offset in index..<(index + 8) where !isPlainByte(base[offset], allowsNewlines) { return false }
            }
            index += 8
        }
        guard index < count else { return true }
        if count >= 8 {
            guard hasNonPrintable(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) else { return true }
        }
        while index < count {
            guard isPlainByte(base[index], allowsNewlines) else { return false }
            index += 1
        }
        return true
    }

    /// Whether some byte of `word` is below 0x20 or above 0x7E (exact for these bounds).
    @inline(__always)
    private static func hasNonPrintable(_ word: UInt64) -> Bool {
        let below = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
        let above = ((word &+ 0x0101_0101_0101_0101) | word) & 0x8080_8080_8080_8080
        return below | above != 0
    }

    /// Printable ASCII, or `\n` where allowed.
    private static func isPlainByte(_ byte: UInt8, _ allowsNewlines: Bool) -> Bool {
        byte &- 0x20 < 0x5F || (byte == 0x0A && allowsNewlines)
    }

    private enum FastResult {
        case untouched
        case empty
        case trimmed(String)
    }

    private enum FastScan {
        case untouched
        case empty
        case trimmed(Slice<UnsafeBufferPointer<UInt8>>)
    }

    /// The fast result for printable ASCII (plus `\n` where allowed); `nil` sends the value down
    /// the general path (non-ASCII, controls, `\r`). Eight bytes at a time, then the ends trimmed.
    private static func asciiFastPath(_ bytes: UnsafeBufferPointer<UInt8>, rule: TextRule) -> FastScan? {
        guard let base = bytes.baseAddress else { return .empty }
        let count = bytes.count
        guard isPlain(base, count: count, allowsNewlines: rule.allowsNewlines) else { return nil }
        var first = 0
        while first < count && (base[first] == 0x20 || base[first] == 0x0A) { first += 1 }
        if first == count { return .empty }
        var last = count - 1
        while base[last] == 0x20 || base[last] == 0x0A { last -= 1 }
        if first == 0 && last == count - 1 { return .untouched }
        return .trimmed(bytes[first...last])
    }

    // The path is built only when an error is reported: for `niche[1]` it is an interpolation.
    private static func checkLengths(
        _ value: String,
        characters: Int,
        rule: TextRule,
        path makePath: @autoclosure () -> String,
        errors: inout [FieldError]
    ) -> TextOutcome {
        var path: String { makePath() }
        let bytes = value.utf8.count
        if characters > rule.maximumLength {
            errors.append(Messages.tooLong(path, count: characters, limit: rule.maximumLength, unit: "characters"))
            return .invalid
        }
        if bytes > rule.maximumBytes {
            errors.append(Messages.tooLong(path, count: bytes, limit: rule.maximumBytes, unit: "bytes of UTF-8"))
            return .invalid
        }
        if characters < rule.minimumLength {
            errors.append(Messages.tooShort(path, count: characters, limit: rule.minimumLength, unit: "characters"))
            return .invalid
        }
        return .value(value)
    }

    /// The general path over Unicode scalars and graphemes, for any input; internal (not private)
    /// so that `FastPathDifferentialTests` can hold the ASCII paths to it. With `graphemesOnly`
    /// every character is segmented (the reference); otherwise only the stretches around scalars
    /// that are not ``isSingleScalarCharacter(_:allowsNewlines:)`` are.
    static func slowPath(
        _ raw: String, rule: TextRule, path: String, errors: inout [FieldError], graphemesOnly: Bool = false
    )
        -> TextOutcome
    {
        let scalars = raw.unicodeScalars
        // The reference asks the Unicode tables for every scalar; ASCII needs no table look-up.
        let isWhitespace: (Unicode.Scalar) -> Bool =
            graphemesOnly ? { $0.properties.isWhitespace } : { TextChecker.isWhitespace($0) }
        guard let start = scalars.firstIndex(where: { !isWhitespace($0) }) else { return .empty }
        guard let lastIndex = scalars.lastIndex(where: { !isWhitespace($0) }) else { return .empty }
        var value =
            start == scalars.startIndex && scalars.index(after: lastIndex) == scalars.endIndex
            ? raw : String(scalars[start...lastIndex])
        if rule.allowsNewlines && containsCarriageReturn(value) {
            value = unifyLineBreaks(value)
        }
        let bytes = value.utf8.count
        // A value this far over the byte cap is refused without walking its graphemes, so that a
        // 10 MB string costs one byte count, not a Unicode segmentation.
        if bytes / 4 > rule.maximumBytes {
            errors.append(Messages.tooLong(path, count: bytes, limit: rule.maximumBytes, unit: "bytes of UTF-8"))
            return .invalid
        }
        var walk = CharacterWalk()
        if graphemesOnly {
            walk.inspect(value, rule: rule, path: path)
        } else {
            walk.inspectByScalarBytes(value, rule: rule, path: path)
        }
        if let problem = walk.problem {
            errors.append(problem)
            return .invalid
        }
        return checkLengths(value, characters: walk.characters, rule: rule, path: path, errors: &errors)
    }

    /// The characters counted so far and the first problem met.
    private struct CharacterWalk {
        var characters = 0
        var problem: FieldError?

        /// Segments `text` into characters and inspects each one.
        mutating func inspect(_ text: String, rule: TextRule, path: String) {
            for character in text {
                characters += 1
                guard problem == nil else { continue }
                problem = TextChecker.inspect(character, position: characters, rule: rule, path: path)
            }
        }

        /// Counts single-scalar characters one per scalar and segments only the stretches around
        /// other scalars. A stretch starts at the scalar before the first other one (a combining
        /// mark joins it) and ends before a single-scalar character that follows another: UAX #29
        /// never joins two of them, whatever precedes, so each stretch segments as it would in place.
        ///
        /// The scalars are decoded from the value's UTF-8 in place (a `String` is valid UTF-8), so
        /// a plain stretch costs a few instructions a byte instead of a `String.Index` per scalar.
        mutating func inspectByScalarBytes(_ value: String, rule: TextRule, path: String) {
            var value = value
            value.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return }
                let count = bytes.count
                var stretchStart = -1
                var previous = 0
                var previousIsSingle = false
                // Whether a variation selector joined the previous scalar's character (see below).
                var previousHasSelector = false
                let selectorsJoin = rule.scalarCap >= 2
                var index = 0
                while index < count {
                    // Outside a stretch, printable ASCII goes eight bytes at a time: each byte is a
                    // character of its own, as the scalar step below would count it.
                    if stretchStart < 0 {
                        while index + 8 <= count,
                            !TextChecker.hasNonPrintable(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                        {
                            characters += 8
                            index += 8
                            previous = index - 1
                            previousIsSingle = true
                            previousHasSelector = false
                        }
                        guard index < count else { break }
                    }
                    let (scalar, length) = TextChecker.scalar(in: bytes, at: index)
                    // One variation selector (U+FE00-FE0F, as in `❤️`) after a single-scalar character
                    // other than `\n` joins it without segmenting: UAX #29 never breaks before Extend
                    // (GB9) and breaks after LF only (GB4); a selector after a base is allowed, and
                    // the character has two scalars. `previous` stays at the base, so that a second
                    // selector or any other joining scalar starts the stretch there; a single-scalar
                    // character after the selector starts a character of its own (GB999).
                    if stretchStart < 0, previousIsSingle, !previousHasSelector, selectorsJoin, scalar & ~0xF == 0xFE00,
                        base[previous] != 0x0A
                    {
                        previousHasSelector = true
                        index += length
                        continue
                    }
                    previousHasSelector = false
                    let isSingle = TextChecker.isSingleScalarCharacter(scalar, allowsNewlines: rule.allowsNewlines)
                    if stretchStart >= 0 {
                        if isSingle && previousIsSingle {
                            inspect(stretch(bytes, stretchStart..<index), rule: rule, path: path)
                            stretchStart = -1
                            characters += 1
                        }
                    } else if isSingle {
                        characters += 1
                    } else if previousIsSingle {
                        // The previous scalar was counted alone; it is segmented again with its stretch.
                        characters -= 1
                        stretchStart = previous
                    } else {
                        stretchStart = index
                    }
                    previousIsSingle = isSingle
                    previous = index
                    index += length
                }
                if stretchStart >= 0 {
                    inspect(stretch(bytes, stretchStart..<count), rule: rule, path: path)
                }
            }
        }

        private func stretch(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }

    /// The scalar value starting at `index` of valid UTF-8 and its length in bytes.
    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let second = UInt32(bytes[index + 1]) & 0x3F
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | second, 2) }
        let third = UInt32(bytes[index + 2]) & 0x3F
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | second << 6 | third, 3) }
        let fourth = UInt32(bytes[index + 3]) & 0x3F
        return ((lead & 0x07) << 18 | second << 12 | third << 6 | fourth, 4)
    }

    /// `properties.isWhitespace`, answered without the Unicode tables for ASCII (U+0009-000D and
    /// U+0020 are ASCII's whole White_Space set) and above U+3000 (the last White_Space scalar,
    /// an ideographic space; `FastPathDifferentialTests` checks every scalar above it).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x80 else { return value == 0x20 || value &- 0x09 < 5 }
        if value > 0x3000 { return false }
        return scalar.properties.isWhitespace
    }

    /// Whether `value` holds a `\r`, searched in its contiguous UTF-8.
    private static func containsCarriageReturn(_ value: String) -> Bool {
        var value = value
        // `memchr` scans a word or a vector at a time; `contains` took ~12 instructions a byte.
        return value.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x0D, bytes.count) != nil
        }
    }

    /// Whether `scalar` is a character of its own next to any other such scalar and passes
    /// ``forbiddenReason(_:allowsNewline:isFirst:isLast:)`` wherever it stands: printable ASCII,
    /// `\n` where allowed, and letters, punctuation and symbols of blocks with no combining, joining,
    /// prepended, Hangul jamo or regional-indicator scalars (their grapheme break property is
    /// Other; pictographs are also Extended_Pictographic, which joins only after a ZWJ, itself not
    /// such a scalar). `FastPathDifferentialTests` checks every scalar this accepts against the standard
    /// library's segmentation.
    static func isSingleScalarCharacter(_ scalar: Unicode.Scalar, allowsNewlines: Bool) -> Bool {
        isSingleScalarCharacter(scalar.value, allowsNewlines: allowsNewlines)
    }

    /// ``isSingleScalarCharacter(_:allowsNewlines:)-(Unicode.Scalar,_)`` by scalar value.
    @inline(__always)
    private static func isSingleScalarCharacter(_ value: UInt32, allowsNewlines: Bool) -> Bool {
        if value < 0x80 { return value &- 0x20 < 0x5F || (value == 0x0A && allowsNewlines) }
        switch value {
        // Latin-1 and Latin Extended (not U+00AD, an invisible soft hyphen), Greek and Cyrillic
        // (not U+0483-0489, combining), general punctuation (not U+2028-202F, separators and bidi
        // controls), currency signs, letterlike symbols to dingbats and arrows (as `❤`), CJK
        // ideographs, and the emoji and pictograph blocks (not the regional indicators U+1F1E6-1F1FF,
        // which pair into flags, nor the skin-tone modifiers U+1F3FB-1F3FF, which extend).
        case 0xA0...0xAC, 0xAE...0x2FF, 0x370...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E,
            0x20A0...0x20C0, 0x2100...0x2BFF, 0x4E00...0x9FFF, 0x1F000...0x1F1E5, 0x1F200...0x1F3FA,
            0x1F400...0x1FAFF:
            return true
        default:
            return false
        }
    }

    private static func inspect(_ character: Character, position: Int, rule: TextRule, path: String) -> FieldError? {
        let scalars = character.unicodeScalars
        var count = 0
        var isFirst = true
        var iterator = scalars.makeIterator()
        var next = iterator.next()
        while let scalar = next {
            count += 1
            next = iterator.next()
            if let reason = forbiddenReason(
                scalar, allowsNewline: rule.allowsNewlines, isFirst: isFirst, isLast: next == nil)
            {
                return FieldError(
                    field: path, code: .forbiddenCharacters,
                    message: "\(path) holds \(Messages.codePoint(scalar)) (\(reason)) at character \(position); "
                        + "remove it")
            }
            isFirst = false
        }
        if count > rule.scalarCap {
            return FieldError(
                field: path, code: .invalidCharacters,
                message: "\(path) holds a character built from \(count) code points at character \(position); "
                    + "the limit is \(rule.scalarCap)",
                limit: rule.scalarCap)
        }
        return nil
    }

    /// Why `scalar` may not appear in a text field, or `nil` when it may.
    static func forbiddenReason(_ scalar: Unicode.Scalar, allowsNewline: Bool, isFirst: Bool, isLast: Bool) -> String? {
        let value = scalar.value
        if value == 0x0A { return allowsNewline ? nil : "a line break" }
        if value < 0x20 || (0x7F...0x9F).contains(value) { return "a control character" }
        if value < 0xA0 { return nil }
        switch value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return "a bidirectional control"
        case 0x2028, 0x2029: return "a line or paragraph separator"
        default: break
        }
        let properties = scalar.properties
        if properties.isNoncharacterCodePoint { return "a noncharacter" }
        if properties.isDefaultIgnorableCodePoint {
            // Emoji need a joiner between pictographs, variation selectors and tag characters after
            // a base; alone or leading they only hide text.
            let isEmojiExtender =
                (value == 0x200D && !isLast) || (0xFE00...0xFE0F).contains(value)
                || (0xE0100...0xE01EF).contains(value) || (0xE0020...0xE007F).contains(value)
            if !isFirst && isEmojiExtender { return nil }
            return "an invisible character"
        }
        return nil
    }

    private static func unifyLineBreaks(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        var previousWasCarriageReturn = false
        for byte in value.utf8 {
            if byte == 0x0D {
                bytes.append(0x0A)
                previousWasCarriageReturn = true
                continue
            }
            if byte == 0x0A && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
