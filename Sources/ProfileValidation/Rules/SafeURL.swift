import ProfileDomain

/// An absolute `https` (or allowed `http`) URL parsed by the library itself over UTF-8, so that
/// the verdict is the same on every platform and never depends on Foundation's leniency.
///
/// Accepted: `scheme://host[/path][?query][#fragment]` where the scheme is `https` (or `http`
/// where allowed), the host is an ASCII DNS name of at least two labels (IDNs in their `xn--`
/// form), and every other character is printable ASCII other than space, `"`, `<`, `>`, `\`, `^`,
/// backtick, `{`, `|`, `}`, with `%` followed by two hex digits. Refused: user information (`@` in
/// the authority), ports, IP literals in any notation (`[::1]`, `127.0.0.1`, `127.1`,
/// `2130706433`, `0x7f000001`), `localhost` and `*.localhost`, single-label hosts, a trailing dot.
struct SafeURL: Equatable {
    /// `https` or `http`, lowercase.
    var scheme: String
    /// The host, lowercase.
    var host: String
    /// The path, without query or fragment; may be empty.
    var path: Substring
    /// The URL with scheme and host lowercased.
    var normalized: String

    /// A reason a URL was refused.
    struct Failure: Error, Equatable {
        var code: FieldErrorCode
        var reason: String
    }

    static func parse(_ string: String, allowsHTTP: Bool) -> Result<SafeURL, Failure> {
        let bytes = string.utf8
        for byte in bytes {
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
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex else {
            return .failure(Failure(code: .invalidURL, reason: "is not an absolute URL; it must start with https://"))
        }
        let schemeBytes = bytes[bytes.startIndex..<colon]
        guard schemeBytes.allSatisfy(isSchemeByte) else {
            return .failure(Failure(code: .invalidURL, reason: "is not an absolute URL; it must start with https://"))
        }
        let scheme: String
        if equalsIgnoringCase(schemeBytes, "https") {
            scheme = "https"
        } else if allowsHTTP && equalsIgnoringCase(schemeBytes, "http") {
            scheme = "http"
        } else {
            let shown = String(decoding: schemeBytes.prefix(20).map(lowercase), as: UTF8.self)
            return .failure(Failure(code: .notHTTPS, reason: "uses \(shown):; only https:// URLs are accepted"))
        }
        let schemeWasLowercase = schemeBytes.elementsEqual(scheme.utf8)
        let afterScheme = string.utf8[bytes.index(after: colon)...]
        guard afterScheme.starts(with: "//".utf8) else {
            return .failure(Failure(code: .invalidURL, reason: "must start with \(scheme)://"))
        }
        if afterScheme.contains(UInt8(ascii: "\\")) {
            return .failure(Failure(code: .invalidURL, reason: "holds a backslash"))
        }
        let authorityStart = afterScheme.index(afterScheme.startIndex, offsetBy: 2)
        let rest = afterScheme[authorityStart...]
        let authorityEnd =
            rest.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
            ?? rest.endIndex
        let authority = rest[rest.startIndex..<authorityEnd]
        if authority.contains(UInt8(ascii: "@")) {
            return .failure(
                Failure(code: .userInfoNotAllowed, reason: "carries user information (an @ before the host)"))
        }
        if authority.first == UInt8(ascii: "[") {
            return .failure(Failure(code: .forbiddenHost, reason: "names an IP address, not a host name"))
        }
        if authority.contains(UInt8(ascii: ":")) {
            return .failure(Failure(code: .invalidURL, reason: "names a port; use the default https port"))
        }
        let host: String
        switch checkHost(Substring(authority)) {
        case .success(let checked): host = checked
        case .failure(let failure): return .failure(failure)
        }
        let tail = rest[authorityEnd...]
        if let problem = checkTail(tail) { return .failure(problem) }
        let tailString = Substring(tail)
        let pathEnd = tailString.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? tailString.endIndex
        let hostWasLowercase = host.utf8.elementsEqual(authority)
        let normalized =
            schemeWasLowercase && hostWasLowercase ? string : "\(scheme)://\(host)\(tailString)"
        return .success(
            SafeURL(scheme: scheme, host: host, path: tailString[..<pathEnd], normalized: normalized))
    }

    /// Checks a DNS host name and returns it lowercased.
    static func checkHost(_ authority: Substring) -> Result<String, Failure> {
        guard !authority.isEmpty else { return .failure(Failure(code: .invalidURL, reason: "has no host")) }
        guard authority.utf8.count <= 253 else {
            return .failure(Failure(code: .invalidURL, reason: "has a host longer than 253 characters"))
        }
        let hasUppercase = authority.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        let host = hasUppercase ? String(decoding: authority.utf8.map(lowercase), as: UTF8.self) : String(authority)
        if host.utf8.last == UInt8(ascii: ".") {
            return .failure(Failure(code: .invalidURL, reason: "has a host that ends with a dot"))
        }
        var labelCount = 0
        var lastLabel = host.utf8[...]
        var rest = host.utf8[...]
        while true {
            let end = rest.firstIndex(of: UInt8(ascii: ".")) ?? rest.endIndex
            let label = rest[rest.startIndex..<end]
            guard !label.isEmpty, label.count <= 63, label.allSatisfy(isHostByte),
                label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else {
                return .failure(
                    Failure(code: .invalidURL, reason: "has a host that is not a DNS name of letters, digits and -"))
            }
            labelCount += 1
            lastLabel = label
            guard end < rest.endIndex else { break }
            rest = rest[rest.index(after: end)...]
        }
        if host == "localhost" || host.hasSuffix(".localhost") {
            return .failure(Failure(code: .forbiddenHost, reason: "points at localhost"))
        }
        guard labelCount >= 2 else {
            return .failure(
                Failure(code: .forbiddenHost, reason: "names a single-label host or an integer IP address"))
        }
        let isNumeric =
            lastLabel.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            || lastLabel.starts(with: "0x".utf8)
        if isNumeric {
            return .failure(Failure(code: .forbiddenHost, reason: "names an IP address, not a host name"))
        }
        return .success(host)
    }

    private static func checkTail(_ tail: Substring.UTF8View.SubSequence) -> Failure? {
        var iterator = tail.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "^"),
                UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
                return Failure(
                    code: .invalidURL, reason: "holds \"\(Character(Unicode.Scalar(byte)))\", which must be percent-encoded")
            case UInt8(ascii: "%"):
                guard let high = iterator.next(), let low = iterator.next(), isHex(high), isHex(low) else {
                    return Failure(code: .invalidURL, reason: "holds a % that is not followed by two hex digits")
                }
            default:
                continue
            }
        }
        return nil
    }

    private static func equalsIgnoringCase(_ bytes: Substring.UTF8View.SubSequence, _ expected: StaticString)
        -> Bool
    {
        guard bytes.count == expected.utf8CodeUnitCount else { return false }
        return expected.withUTF8Buffer { buffer in
            zip(bytes, buffer).allSatisfy { lowercase($0) == $1 }
        }
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isHostByte(lowercase(byte)) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    static func isHostByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-")
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        let lower = lowercase(byte)
        return (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f"))
    }

    static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
    }
}
