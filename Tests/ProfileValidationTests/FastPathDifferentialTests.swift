import ProfileDomain
import ProfileKitTestSupport
import Testing

@testable import ProfileValidation

/// Every fast path of validation against the full path it short-cuts, over generated inputs
/// drawn from alphabets full of near misses (case, spaces, controls, non-ASCII, URL syntax).
/// A fast path may only accept, and what it accepts the full path must accept unchanged.
@Suite("Fast paths agree with the full paths on generated inputs")
struct FastPathDifferentialTests {
    static let seed: UInt64 = 0x5EED_F457_9A7B
    static let cases = 4_000

    static let textPieces = [
        "a", "Z", "0", " ", "  ", "\t", "\n", "\r\n", "~", "!", "é", "e\u{301}", "\u{202E}", "\u{200B}", "😀", "_",
        "-", ".", "\u{7F}", "\u{0}", "ab", "hello world", "x",
    ]
    static let schemes = ["https://", "http://", "HTTPS://", "https:/", "", " https://", "https://user@"]
    static let hosts = [
        "instagram.com", "www.instagram.com", "tiktok.com", "youtube.com", "twitch.tv", "x.com", "linkedin.com",
        "cdn.example.com", "Cdn.Example.com", "localhost", "127.0.0.1", "0x7f.1", "xn--nxasmq6b.com", "a..b.com",
        "example.com:8080", "exa mple.com", "é.com", "com",
    ]
    static let pathPieces = [
        "/", "/@johndoe", "/johndoe", "/in/jo", "/avatar", ".jpg", ".png", ".JPG", "?q=1", "#f", "%20", "%2e", " ",
        "\\", "é", "\u{0}", "..", "a",
    ]

    /// Half the URLs start canonical (`https://` and a platform or CDN host), so that the fast
    /// paths are reached often; the rest draw every part from the near misses.
    static func url(_ random: inout SeededGenerator) -> String {
        let canonical = Bool.random(using: &random)
        let scheme = canonical ? "https://" : schemes.randomElement(using: &random) ?? ""
        let host =
            (canonical ? hosts.prefix(8).randomElement(using: &random) : hosts.randomElement(using: &random)) ?? ""
        let tail =
            canonical && Bool.random(using: &random)
            ? (["/a.jpg", "/b.png", "/c"].randomElement(using: &random) ?? "") : ""
        return scheme + host + generated(pathPieces, count: canonical ? 2 : 4, &random) + tail
    }

    static func generated(_ pieces: [String], count: Int, _ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...count, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }
            .joined()
    }

    @Test("an ASCII text the fast path accepts, the general path returns as it came, error-free")
    func text() {
        var random = SeededGenerator(seed: Self.seed)
        let rules: [TextRule] = [.singleLine(1...12), .optionalLine(maximum: 20), .multiLine(maximum: 30)]
        var accepted = 0
        for index in 0..<Self.cases {
            let value = Self.generated(Self.textPieces, count: 8, &random)
            let rule = rules[index % rules.count]
            guard TextChecker.isAcceptedASCII(value, rule: rule) else { continue }
            accepted += 1
            var errors: [FieldError] = []
            let full = TextChecker.slowPath(value, rule: rule, path: "p", errors: &errors)
            #expect(
                full == .value(value) && errors.isEmpty, "seed \(Self.seed) case \(index): \(value.debugDescription)")
        }
        #expect(accepted > Self.cases / 20, "the generator must reach the fast path (seed \(Self.seed))")
    }

    @Test("a niche the fast path accepts is lowercase, and the general text path returns it as it came")
    func niche() {
        var random = SeededGenerator(seed: Self.seed &+ 6)
        let policy = ValidationPolicy.creator
        let pieces = ["fit", "ness", "a", "Z", "-", "_", " ", "&", "1", "é", "\t", "life style", "x"]
        var accepted = 0
        for index in 0..<Self.cases {
            let value = Self.generated(pieces, count: 4, &random)
            guard ValidationPolicy.isCanonicalNiche(value, rule: policy.niches.item) else { continue }
            accepted += 1
            var errors: [FieldError] = []
            let full = TextChecker.slowPath(value, rule: policy.niches.item, path: "niche", errors: &errors)
            let checked = policy.checkNiches([value], required: false, errors: &errors)
            #expect(
                full == .value(value) && value.lowercased() == value && checked == nil && errors.isEmpty,
                "seed \(Self.seed + 6) case \(index): \(value.debugDescription) \(errors)")
        }
        #expect(accepted > Self.cases / 20, "the generator must reach the fast path (seed \(Self.seed + 6))")
    }

    @Test("a username the fast path accepts is a lowercase Username within the lengths and not reserved")
    func username() {
        var random = SeededGenerator(seed: Self.seed &+ 1)
        var policy = ValidationPolicy.creator
        policy.reservedUsernames.formUnion(["abc", "a_1", "zz"])
        let pieces = ["a", "b", "c", "z", "1", "_", "A", " ", "@", "é", "-", "admin", "abc", "zz"]
        var accepted = 0
        for index in 0..<Self.cases {
            let value = Self.generated(pieces, count: 8, &random)
            let reference =
                Username(value) != nil && Username.canonicalKey(for: value) == value
                && policy.usernameLength.contains(value.count) && !policy.reservedUsernames.contains(value)
            #expect(policy.isCanonicalUsername(value) == reference, "seed \(Self.seed + 1) case \(index): \(value)")
            var errors: [FieldError] = []
            if reference {
                accepted += 1
                #expect(policy.checkUsername(value, path: "username", errors: &errors) == value && errors.isEmpty)
            }
        }
        #expect(accepted > Self.cases / 20)
    }

    @Test("a platform key matched by length and bytes is exactly the platform its raw value names")
    func platformKey() {
        var random = SeededGenerator(seed: Self.seed &+ 2)
        let pieces = SocialPlatform.allCases.map(\.rawValue) + ["x", "I", "k", "ok", "\u{0}", "é", ""]
        for index in 0..<Self.cases {
            let key = Self.generated(pieces, count: 2, &random)
            #expect(
                SocialPlatform(key: key) == SocialPlatform(rawValue: key), "seed \(Self.seed + 2) case \(index): \(key)"
            )
        }
    }

    @Test("the reserved-name filter never rules out a reserved name")
    func reservedFilter() {
        var random = SeededGenerator(seed: Self.seed &+ 3)
        let pieces = ["a", "d", "m", "i", "n", "_", "1", "Z", "é", "root", "admin"]
        for index in 0..<Self.cases / 20 {
            let reserved = Set(
                (0..<Int.random(in: 0...30, using: &random)).map { _ in Self.generated(pieces, count: 4, &random) })
            let filter = ReservedNameFilter(reserved)
            for name in reserved.union((0..<20).map { _ in Self.generated(pieces, count: 4, &random) }) {
                let mayContain = Array(name.utf8).withUnsafeBufferPointer { filter.mayContain($0) }
                #expect(mayContain || !reserved.contains(name), "seed \(Self.seed + 3) set \(index): \(name)")
            }
        }
    }

    @Test("a social link or image URL the one-pass scan accepts, the full URL check returns as it came")
    func urls() {
        var random = SeededGenerator(seed: Self.seed &+ 4)
        let policy = ValidationPolicy.creator
        var accepted = 0
        for index in 0..<Self.cases {
            let value = Self.url(&random)
            let platform = SocialPlatform.allCases[index % SocialPlatform.allCases.count]
            var errors: [FieldError] = []
            if policy.isCanonicalSocialLink(value, platform: platform) {
                accepted += 1
                let full = policy.checkSocialLink(value, platform: platform, path: "link", errors: &errors)
                #expect(full == value && errors.isEmpty, "seed \(Self.seed + 4) case \(index): \(value) \(errors)")
            }
            if policy.isCanonicalImageURL(value) {
                accepted += 1
                let full = policy.checkImageURL(value, path: "avatar", errors: &errors)
                #expect(full == value && errors.isEmpty, "seed \(Self.seed + 4) case \(index): \(value) \(errors)")
            }
        }
        #expect(accepted > Self.cases / 20, "the generator must reach the URL fast paths (seed \(Self.seed + 4))")
    }

    @Test("a field mask answers membership as the set it was built from")
    func fieldMask() {
        var random = SeededGenerator(seed: Self.seed &+ 5)
        for _ in 0..<Self.cases / 10 {
            let fields = Set(ProfileField.allCases.filter { _ in Bool.random(using: &random) })
            let mask = FieldMask(fields)
            for field in ProfileField.allCases { #expect(mask.contains(field) == fields.contains(field)) }
        }
    }
}
