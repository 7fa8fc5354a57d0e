extension SafeURL {
    /// Where the parts of a URL already in its stored form lie: the host is `8..<hostEnd` (after
    /// `https://`), the path `hostEnd..<pathStop`, and `lastDot` is the last `.` of the path's last
    /// segment, or -1.
    struct CanonicalLayout {
        var hostEnd: Int
        var pathStop: Int
        var lastDot: Int

        /// The length of the path in bytes, as ``SafeURL/pathLength`` counts it.
        var pathLength: Int { pathStop - hostEnd }
    }

    /// The layout of `bytes` when ``parse(_:allowsHTTP:hosts:extensions:)`` would accept them as
    /// they are, in one forward pass; `nil` sends the URL to the full parser, which finds the
    /// reason or the normalised form.
    ///
    /// Accepted here: `https://` in lowercase; a lowercase host of two or more DNS labels whose
    /// last label starts with a letter and is not `localhost`, no `??--` label (so no IP literal, port, user
    /// information or trailing dot can pass); then only printable ASCII that needs no escaping,
    /// with `%` followed by two hex digits. Every URL accepted here is accepted by the full parser
    /// with `normalized` equal to the input; anything else (upper case, `http`, a numeric last
    /// label, a stray character) simply takes the full parser's path.
    static func scanCanonical(_ bytes: UnsafeBufferPointer<UInt8>) -> CanonicalLayout? {
        guard hasCanonicalScheme(bytes), let hostEnd = scanCanonicalHost(bytes) else { return nil }
        return scanCanonicalPath(bytes, from: hostEnd)
    }

    /// Whether `bytes` start with a lowercase `https://` and go on past it.
    static func hasCanonicalScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count > 8 && bytes[0] == UInt8(ascii: "h") && bytes[1] == UInt8(ascii: "t")
            && bytes[2] == UInt8(ascii: "t") && bytes[3] == UInt8(ascii: "p") && bytes[4] == UInt8(ascii: "s")
            && bytes[5] == UInt8(ascii: ":") && bytes[6] == UInt8(ascii: "/") && bytes[7] == UInt8(ascii: "/")
    }

    /// The layout of a URL whose scheme and canonical host end at `hostEnd`, when its path, query
    /// and fragment are in their stored form (see ``scanCanonical(_:)``); `nil` otherwise.
    static func scanCanonicalPath(_ bytes: UnsafeBufferPointer<UInt8>, from hostEnd: Int) -> CanonicalLayout? {
        let count = bytes.count
        var queryStart = -1
        var lastDot = -1
        var index = hostEnd
        while index < count {
            let byte = bytes[index]
            // Lowercase letters, most of a path, before the masks; wrapping steps: `index < count`.
            if byte &- UInt8(ascii: "a") < 26 || isPlainPathByte(byte) {
                index &+= 1
                continue
            }
            switch byte {
            case UInt8(ascii: "."):
                if queryStart == -1 { lastDot = index }
            case UInt8(ascii: "/"):
                if queryStart == -1 { lastDot = -1 }
            case UInt8(ascii: "?"), UInt8(ascii: "#"):
                if queryStart == -1 { queryStart = index }
            case UInt8(ascii: "%"):
                guard index + 2 < count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
                    return nil
                }
                index += 2
            // The bytes the full parser refuses anywhere (controls, DEL, non-ASCII, space) or in the
            // path (backslash and the characters that must be percent-encoded).
            case 0...0x20, 0x7F..., UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"),
                UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
                return nil
            default:
                break
            }
            index += 1
        }
        return CanonicalLayout(hostEnd: hostEnd, pathStop: queryStart == -1 ? count : queryStart, lastDot: lastDot)
    }

    /// The end of a canonical host starting at byte 8, or `nil` when the host is not one.
    private static func scanCanonicalHost(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var labels = 0
        var labelStart = 8
        var index = 8
        while index < count {
            let byte = bytes[index]
            // Letters first, alone: they are most of a host. Wrapping steps: `index < count`.
            if byte &- UInt8(ascii: "a") < 26 {
                index &+= 1
                continue
            }
            if byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "-") {
                index &+= 1
                continue
            }
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            if byte == UInt8(ascii: ".") {
                guard isCanonicalLabel(bytes, labelStart, index) else { return nil }
                labels += 1
                labelStart = index + 1
            } else {
                return nil
            }
            index += 1
        }
        guard isCanonicalLabel(bytes, labelStart, index), labels >= 1, index - 8 <= 253 else { return nil }
        // The last label starts with a letter: no numeric or `0x` IP form, and it is not `localhost`.
        let first = bytes[labelStart]
        guard first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") else { return nil }
        if index - labelStart == 9 && isLocalhost(bytes, labelStart) { return nil }
        return index
    }

    /// Whether `byte` needs no attention in a path, query or fragment: printable ASCII other than
    /// the double quote, `#`, `%`, `.`, `/`, `<`, `>`, `?`, backslash, `^`, backtick, `{`, `|` and `}`.
    /// Two 64-bit masks, one bit per ASCII code, so that the common
    /// byte costs a shift and a test instead of a chain of comparisons.
    private static func isPlainPathByte(_ byte: UInt8) -> Bool {
        let low: UInt64 = 0x2fff_3fd2_0000_0000
        let high: UInt64 = 0x47ff_fffe_afff_ffff
        if byte < 64 { return low >> byte & 1 != 0 }
        return byte < 128 && high >> (byte &- 64) & 1 != 0
    }

    /// Whether a label is 1-63 bytes without a leading or trailing `-`, and no `??--` label
    /// (`xn--` among them): those go to the full parser, which decodes Punycode.
    @inline(__always)
    private static func isCanonicalLabel(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        return length > 0 && length <= 63 && bytes[start] != UInt8(ascii: "-") && bytes[end - 1] != UInt8(ascii: "-")
            && !(length >= 4 && bytes[start + 2] == UInt8(ascii: "-") && bytes[start + 3] == UInt8(ascii: "-"))
    }

    private static func isLocalhost(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        let expected: StaticString = "localhost"
        let pointer = expected.utf8Start
        for offset in 0..<9 where bytes[start + offset] != pointer[offset] { return false }
        return true
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    /// Whether the path of a canonical URL ends in one of `extensions` (lowercase, without the
    /// dot), compared case-insensitively as the full parser compares them.
    static func extensionMatches(
        _ bytes: UnsafeBufferPointer<UInt8>, _ layout: CanonicalLayout, _ extensions: [String]
    ) -> Bool {
        guard layout.lastDot >= 0 && layout.lastDot < layout.pathStop else { return false }
        let suffix = UnsafeBufferPointer(rebasing: bytes[(layout.lastDot + 1)..<layout.pathStop])
        return extensions.contains { equalsLowercased($0, suffix) }
    }
}
