import ProfileDomain

extension SocialPlatform {
    /// The hosts a link to this platform may point at, lowercase. Exact matches only: a look-alike
    /// (`instagram.com.evil.io`), another subdomain or an IDN (`xn--` form) is a `forbidden_host`.
    public var hosts: [String] {
        switch self {
        case .instagram: Self.instagramHosts
        case .tiktok: Self.tiktokHosts
        case .youtube: Self.youtubeHosts
        case .twitch: Self.twitchHosts
        case .twitter: Self.twitterHosts
        case .linkedin: Self.linkedinHosts
        }
    }

    // Stored once: an array literal in `hosts` would allocate on every validation. The static
    // strings are the source; `canonicalHostEnd` compares bytes against them without a String.
    private static let instagramHostNames: [StaticString] = ["instagram.com", "www.instagram.com"]
    private static let tiktokHostNames: [StaticString] = [
        "tiktok.com", "www.tiktok.com", "m.tiktok.com", "vm.tiktok.com",
    ]
    private static let youtubeHostNames: [StaticString] = [
        "youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be",
    ]
    private static let twitchHostNames: [StaticString] = ["twitch.tv", "www.twitch.tv", "m.twitch.tv"]
    private static let twitterHostNames: [StaticString] = [
        "twitter.com", "www.twitter.com", "mobile.twitter.com", "x.com", "www.x.com",
    ]
    private static let linkedinHostNames: [StaticString] = ["linkedin.com", "www.linkedin.com"]
    private static let instagramHosts = instagramHostNames.map(\.description)
    private static let tiktokHosts = tiktokHostNames.map(\.description)
    private static let youtubeHosts = youtubeHostNames.map(\.description)
    private static let twitchHosts = twitchHostNames.map(\.description)
    private static let twitterHosts = twitterHostNames.map(\.description)
    private static let linkedinHosts = linkedinHostNames.map(\.description)

    private var hostNames: [StaticString] {
        switch self {
        case .instagram: Self.instagramHostNames
        case .tiktok: Self.tiktokHostNames
        case .youtube: Self.youtubeHostNames
        case .twitch: Self.twitchHostNames
        case .twitter: Self.twitterHostNames
        case .linkedin: Self.linkedinHostNames
        }
    }

    /// The end of the host in `url` (bytes after an `https://` already checked) when the host is
    /// exactly one of ``hosts`` followed by the end, `/`, `?` or `#`; `nil` otherwise. Every host of
    /// every platform is a canonical host, so this stands in for the host scan and the host match.
    func canonicalHostEnd(_ url: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = url.baseAddress else { return nil }
        for name in hostNames {
            let end = 8 + name.utf8CodeUnitCount
            guard end <= url.count else { continue }
            if end < url.count {
                let next = url[end]
                guard next == UInt8(ascii: "/") || next == UInt8(ascii: "?") || next == UInt8(ascii: "#") else {
                    continue
                }
            }
            if Self.bytesEqual(base + 8, name.utf8Start, name.utf8CodeUnitCount) { return end }
        }
        return nil
    }

    /// Whether the `count` bytes at `left` and `right` are equal: eight at a time, the last eight
    /// read again as one word, so that no byte beyond `count` is read.
    private static func bytesEqual(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard count >= 8 else {
            for index in 0..<count where left[index] != right[index] { return false }
            return true
        }
        let leftWords = UnsafeRawPointer(left)
        let rightWords = UnsafeRawPointer(right)
        var offset = 0
        while offset + 8 <= count {
            guard
                leftWords.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == rightWords.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        return leftWords.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == rightWords.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }

    /// The platform whose raw value is `key`, as `init(rawValue:)` finds it, by its bytes rather
    /// than by comparing `key` with every case. Byte equality is the same test here: no other
    /// string is canonically equivalent to these lowercase ASCII names.
    init?(key: String) {
        let found = key.utf8.withContiguousStorageIfAvailable { bytes -> SocialPlatform? in
            // By length first, then by a distinguishing byte: one comparison per key.
            let candidate: SocialPlatform
            switch bytes.count {
            case 9: candidate = .instagram
            case 8: candidate = .linkedin
            case 7: candidate = bytes[6] == UInt8(ascii: "r") ? .twitter : .youtube
            case 6: candidate = bytes[5] == UInt8(ascii: "h") ? .twitch : .tiktok
            default: return nil
            }
            return Self.equals(bytes, candidate.keyName) ? candidate : nil
        }
        guard let platform = found ?? SocialPlatform(rawValue: key) else { return nil }
        self = platform
    }

    private var keyName: StaticString {
        switch self {
        case .instagram: "instagram"
        case .tiktok: "tiktok"
        case .youtube: "youtube"
        case .twitch: "twitch"
        case .twitter: "twitter"
        case .linkedin: "linkedin"
        }
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        guard bytes.count == name.utf8CodeUnitCount else { return false }
        let pointer = name.utf8Start
        for index in 0..<bytes.count where bytes[index] != pointer[index] { return false }
        return true
    }

    /// The handles this platform allows: the characters (besides ASCII letters and digits) and
    /// the length range, per the platform's own sign-up rules.
    public var handleRule: (extraCharacters: String, length: ClosedRange<Int>) {
        switch self {
        case .instagram: ("._", 1...30)
        case .tiktok: ("._", 2...24)
        case .youtube: ("._-", 3...30)
        case .twitch: ("_", 4...25)
        case .twitter: ("_", 1...15)
        case .linkedin: ("-", 3...100)
        }
    }

    /// The canonical profile URL for a bare handle (a leading `@` is dropped), or `nil` when the
    /// handle breaks ``handleRule``.
    ///
    /// instagram.com/h, tiktok.com/@h, youtube.com/@h, twitch.tv/h, x.com/h, linkedin.com/in/h,
    /// all with `https://`.
    public func canonicalURL(forHandle handle: String) -> String? {
        let bare = handle.utf8.first == UInt8(ascii: "@") ? Substring(handle.dropFirst()) : Substring(handle)
        let rule = handleRule
        let extras = rule.extraCharacters.utf8
        guard rule.length.contains(bare.utf8.count),
            bare.utf8.allSatisfy({ byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || extras.contains(byte)
            })
        else { return nil }
        switch self {
        case .instagram: return "https://instagram.com/\(bare)"
        case .tiktok: return "https://tiktok.com/@\(bare)"
        case .youtube: return "https://youtube.com/@\(bare)"
        case .twitch: return "https://twitch.tv/\(bare)"
        case .twitter: return "https://x.com/\(bare)"
        case .linkedin: return "https://linkedin.com/in/\(bare)"
        }
    }
}
