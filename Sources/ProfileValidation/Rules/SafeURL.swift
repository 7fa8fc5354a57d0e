import ProfileDomain

/// An absolute `https` (or allowed `http`) URL parsed by the library itself over UTF-8 bytes, so
/// that the verdict is the same on every platform and never depends on Foundation's leniency.
///
/// Accepted: `scheme://host[/path][?query][#fragment]` where the scheme is `https` (or `http`
/// where allowed), the host is an ASCII DNS name of at least two labels (IDNs in their `xn--`
/// form), and every other character is printable ASCII other than space, `"`, `<`, `>`, `\`, `^`,
/// backtick, `{`, `|`, `}`, with `%` followed by two hex digits. Refused: user information (`@` in
/// the authority), ports, IP literals in any notation (`[::1]`, `127.0.0.1`, `127.1`,
/// `2130706433`, `0x7f000001`, `foo.0x10`: a last label a WHATWG parser reads as a number),
/// `localhost` and `*.localhost`, single-label hosts, a trailing dot, and `xn--` labels that are
/// not Punycode of letters the library can check as a WHATWG parser would (see
/// `checkInternationalLabel`). Every URL accepted has, under WHATWG parsing, the scheme,
/// host and (default) port the library believes.
struct SafeURL: Equatable {
    /// Whether the scheme is `http` (only where allowed).
    var isHTTP: Bool
    /// Whether the host is one of the hosts asked for (always `true` when none were named).
    var hostMatches: Bool
    /// The host, lowercase, when it did not match the hosts asked for; empty otherwise, so that
    /// the common case builds no string for it.
    var unmatchedHost: String
    /// The length of the path in bytes (0 for `https://host`).
    var pathLength: Int
    /// Whether the path ends in one of the extensions asked for (always `true` when none were).
    var extensionMatches: Bool
    /// The URL with scheme and host lowercased.
    var normalized: String

    /// A reason a URL was refused.
    struct Failure: Error, Equatable {
        var code: FieldErrorCode
        var reason: String
    }

    /// Parses `string`; `hosts` (lowercase) and `extensions` (lowercase, without the dot) are
    /// matched against the host and the path's extension when given.
    static func parse(
        _ string: String, allowsHTTP: Bool, hosts: [String]? = nil, extensions: [String]? = nil
    )
        -> Result<SafeURL, Failure>
    {
        if let result = string.utf8.withContiguousStorageIfAvailable({
            parse($0, original: string, allowsHTTP: allowsHTTP, hosts: hosts, extensions: extensions)
        }) {
            return result
        }
        let bytes = Array(string.utf8)
        return bytes.withUnsafeBufferPointer {
            parse($0, original: string, allowsHTTP: allowsHTTP, hosts: hosts, extensions: extensions)
        }
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        original: String,
        allowsHTTP: Bool,
        hosts: [String]?,
        extensions: [String]?
    ) -> Result<SafeURL, Failure> {
        let count = bytes.count
        var colon = -1
        for index in 0..<count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F {
                return .failure(Failure(code: .forbiddenCharacters, reason: "holds a control character"))
            }
            if byte >= 0x80 {
                return .failure(
                    Failure(
                        code: .invalidURL,
                        reason: "holds non-ASCII characters; percent-encode the path and write the host in its "
                            + "punycode (xn--) form"))
            }
            if byte == UInt8(ascii: "\\") {
                return .failure(Failure(code: .invalidURL, reason: "holds a backslash"))
            }
            if byte == UInt8(ascii: ":") && colon == -1 { colon = index }
        }
        guard colon > 0, (0..<colon).allSatisfy({ isSchemeByte(bytes[$0]) }) else {
            return .failure(Failure(code: .invalidURL, reason: "is not an absolute URL; it must start with https://"))
        }
        let isHTTPS = matches(bytes, 0, colon, "https")
        let isHTTP = !isHTTPS && allowsHTTP && matches(bytes, 0, colon, "http")
        guard isHTTPS || isHTTP else {
            let shown = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[0..<min(colon, 20)]).map(lowercase), as: UTF8.self)
            return .failure(Failure(code: .notHTTPS, reason: "uses \(shown):; only https:// URLs are accepted"))
        }
        guard colon + 2 < count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else {
            return .failure(Failure(code: .invalidURL, reason: "must start with \(isHTTP ? "http" : "https")://"))
        }
        let hostStart = colon + 3
        var hostEnd = hostStart
        while hostEnd < count {
            let byte = bytes[hostEnd]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            if byte == UInt8(ascii: "@") {
                return .failure(
                    Failure(code: .userInfoNotAllowed, reason: "carries user information (an @ before the host)"))
            }
            hostEnd += 1
        }
        if hostStart < hostEnd && bytes[hostStart] == UInt8(ascii: "[") {
            return .failure(Failure(code: .forbiddenHost, reason: "names an IP address, not a host name"))
        }
        if (hostStart..<hostEnd).contains(where: { bytes[$0] == UInt8(ascii: ":") }) {
            return .failure(Failure(code: .invalidURL, reason: "names a port; use the default https port"))
        }
        let hostBytes = UnsafeBufferPointer(rebasing: bytes[hostStart..<hostEnd])
        if let failure = validateHost(hostBytes) { return .failure(failure) }
        let hostMatches = hosts.map { $0.contains { equalsLowercased($0, hostBytes) } } ?? true
        var queryStart = -1
        var lastDot = -1
        var index = hostEnd
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "^"),
                UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
                return .failure(
                    Failure(
                        code: .invalidURL,
                        reason: "holds \"\(Character(Unicode.Scalar(byte)))\", which must be percent-encoded"))
            case UInt8(ascii: "%"):
                guard index + 2 < count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else {
                    return .failure(
                        Failure(code: .invalidURL, reason: "holds a % that is not followed by two hex digits"))
                }
                index += 2
            case UInt8(ascii: "?"), UInt8(ascii: "#"):
                if queryStart == -1 { queryStart = index }
            case UInt8(ascii: "."):
                if queryStart == -1 { lastDot = index }
            case UInt8(ascii: "/"):
                if queryStart == -1 { lastDot = -1 }
            default:
                break
            }
            index += 1
        }
        let pathStop = queryStart == -1 ? count : queryStart
        let extensionMatches =
            extensions.map { candidates in
                guard lastDot >= 0 && lastDot < pathStop else { return false }
                let suffix = UnsafeBufferPointer(rebasing: bytes[(lastDot + 1)..<pathStop])
                return candidates.contains { equalsLowercased($0, suffix) }
            } ?? true
        let isLowercase =
            !(0..<colon).contains(where: { isUppercase(bytes[$0]) })
            && !(hostStart..<hostEnd).contains(where: { isUppercase(bytes[$0]) })
        let normalized =
            isLowercase
            ? original
            : (isHTTP ? "http://" : "https://") + lowercased(hostBytes)
                + String(decoding: UnsafeBufferPointer(rebasing: bytes[hostEnd..<count]), as: UTF8.self)
        return .success(
            SafeURL(
                isHTTP: isHTTP, hostMatches: hostMatches, unmatchedHost: hostMatches ? "" : lowercased(hostBytes),
                pathLength: pathStop - hostEnd, extensionMatches: extensionMatches, normalized: normalized))
    }

    /// Checks a DNS host name and returns it lowercased.
    static func checkHost(_ name: Substring) -> Result<String, Failure> {
        var copy = String(name)
        return copy.withUTF8 { bytes in
            if let failure = validateHost(bytes) { return .failure(failure) }
            return .success(lowercased(bytes))
        }
    }

    /// Why `bytes` is not an acceptable host, or `nil` when it is.
    private static func validateHost(_ bytes: UnsafeBufferPointer<UInt8>) -> Failure? {
        let count = bytes.count
        guard count > 0 else { return Failure(code: .invalidURL, reason: "has no host") }
        guard count <= 253 else {
            return Failure(code: .invalidURL, reason: "has a host longer than 253 characters")
        }
        if bytes[count - 1] == UInt8(ascii: ".") {
            return Failure(code: .invalidURL, reason: "has a host that ends with a dot")
        }
        var labels = 0
        var labelStart = 0
        var lastLabelStart = 0
        for index in 0...count {
            guard index == count || bytes[index] == UInt8(ascii: ".") else {
                guard isHostByte(lowercase(bytes[index])) else {
                    return Failure(
                        code: .invalidURL, reason: "has a host that is not a DNS name of letters, digits and -")
                }
                continue
            }
            let length = index - labelStart
            guard length > 0, length <= 63, bytes[labelStart] != UInt8(ascii: "-"),
                bytes[index - 1] != UInt8(ascii: "-")
            else {
                return Failure(code: .invalidURL, reason: "has a host that is not a DNS name of letters, digits and -")
            }
            if length >= 4 && matches(bytes, labelStart, labelStart + 4, "xn--"),
                let failure = checkInternationalLabel(UnsafeBufferPointer(rebasing: bytes[(labelStart + 4)..<index]))
            {
                return failure
            }
            labels += 1
            lastLabelStart = labelStart
            labelStart = index + 1
        }
        if matches(bytes, 0, count, "localhost") || (count > 10 && matches(bytes, count - 10, count, ".localhost")) {
            return Failure(code: .forbiddenHost, reason: "points at localhost")
        }
        guard labels >= 2 else {
            return Failure(code: .forbiddenHost, reason: "names a single-label host or an integer IP address")
        }
        let lastLabel = UnsafeBufferPointer(rebasing: bytes[lastLabelStart..<count])
        // The WHATWG "ends in a number" rule: a last label of digits, or `0x` and anything (WHATWG
        // needs hex digits after it, or nothing: `foo.0x` is an IPv4 address there), makes the
        // whole host an IPv4 address, or a URL a browser refuses.
        let isNumeric =
            lastLabel.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            || (lastLabel.count >= 2 && lastLabel[0] == UInt8(ascii: "0")
                && lowercase(lastLabel[1]) == UInt8(ascii: "x"))
        if isNumeric {
            return Failure(code: .forbiddenHost, reason: "names an IP address, not a host name")
        }
        return nil
    }

    /// Why the Punycode after an `xn--` prefix is not a label a WHATWG parser keeps as it is, or
    /// `nil` when it is one: some non-ASCII, and only lowercase ASCII letters, digits, `-` and
    /// lowercase letters of scripts whose UTS 46 status is plainly "valid", already in NFC, never
    /// right-to-left and never combining. Anything else (marks, symbols, mapped or disallowed code
    /// points, bidi) needs the full UTS 46 tables, which the library does not carry, so it is
    /// refused: `invalid_url` when it is no Punycode, `forbidden_host` for other letters (a
    /// look-alike such as `xn--nstagram-9ib`, with a dotless i, among them).
    private static func checkInternationalLabel(_ encoded: UnsafeBufferPointer<UInt8>) -> Failure? {
        let lowered = encoded.map(lowercase)
        guard let decoded = lowered.withUnsafeBufferPointer(Punycode.decode), decoded.contains(where: { $0 >= 0x80 })
        else {
            return Failure(code: .invalidURL, reason: "has an xn-- label that is not Punycode of a non-ASCII label")
        }
        for code in decoded {
            if code < 0x80, let byte = UInt8(exactly: code), isHostByte(byte) { continue }
            switch code {
            case 0xDF...0xF6, 0xF8...0xFF,  // Latin-1 lowercase letters (with ß, valid in WHATWG's UTS 46)
                0x3AC...0x3CE,  // Greek lowercase, with the tonos and dialytika letters
                0x430...0x45F,  // Cyrillic lowercase
                0x3041...0x3096, 0x30A1...0x30FA,  // hiragana, katakana
                0x4E00...0x9FA5,  // CJK unified ideographs of Unicode 1.1: in every UTS 46 table
                0xAC00...0xD7A3:  // Hangul syllables
                continue
            default:
                return Failure(
                    code: .forbiddenHost,
                    reason: "has an xn-- label with characters other than lowercase Latin-1, Greek, Cyrillic, "
                        + "CJK, kana or Hangul letters, which this library does not accept in hosts")
            }
        }
        return nil
    }

    /// The bytes as a string with ASCII letters lowercased; no intermediate array when there is
    /// nothing to lowercase.
    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(where: isUppercase) else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for index in 0..<bytes.count { buffer[index] = lowercase(bytes[index]) }
            return bytes.count
        }
    }

    /// Whether `bytes`, lowercased, equal `candidate` (already lowercase).
    static func equalsLowercased(_ candidate: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = candidate.utf8
        guard utf8.count == bytes.count else { return false }
        // Over the candidate's bytes in place: iterating the view costs more than the comparison.
        if let isEqual = utf8.withContiguousStorageIfAvailable({ expected in
            for index in 0..<expected.count where lowercase(bytes[index]) != expected[index] { return false }
            return true
        }) {
            return isEqual
        }
        var index = 0
        for byte in utf8 {
            guard lowercase(bytes[index]) == byte else { return false }
            index += 1
        }
        return true
    }

    private static func matches(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ expected: StaticString
    )
        -> Bool
    {
        guard end - start == expected.utf8CodeUnitCount else { return false }
        let pointer = expected.utf8Start
        for offset in 0..<(end - start) where lowercase(bytes[start + offset]) != pointer[offset] { return false }
        return true
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isHostByte(lowercase(byte)) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    static func isHostByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-")
    }

    private static func isUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        let lower = lowercase(byte)
        return (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9"))
            || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f"))
    }

    static func lowercase(_ byte: UInt8) -> UInt8 {
        isUppercase(byte) ? byte + 0x20 : byte
    }
}
