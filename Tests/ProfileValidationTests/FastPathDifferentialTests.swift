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

    /// Pieces of hostile Unicode: combining marks and floods of them, ZWJ emoji sequences,
    /// modifiers, flags, tags, bidi and invisible controls, Hangul jamo and syllables, Indic
    /// conjuncts, prepended marks, NFC/NFD pairs, separators, noncharacters, line breaks.
    static let unicodePieces = [
        "a", "Z", " ", "\n", "\r", "\r\n", "\t", "é", "e\u{301}", "\u{301}",
        "\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}",
        "Å", "A\u{30A}", "\u{212B}", "ñ", "·", "€", "—", "‼", "©", "\u{AD}", "\u{A0}", "\u{3000}", "中", "文", "Ω",
        "Ж", "\u{483}", "❤", "❤\u{FE0F}", "\u{FE0F}", "\u{200D}", "👩\u{200D}💻", "👨\u{200D}👩\u{200D}👧\u{200D}👦",
        "👍\u{1F3FD}", "\u{1F3FD}", "🇵🇹", "\u{1F1F5}", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
        "\u{E0067}", "\u{202E}", "\u{2066}", "\u{200E}", "\u{061C}", "\u{200B}", "\u{2060}", "\u{2028}", "\u{2029}",
        Self.text(0xFDD0), Self.text(0xFFFE), "\u{1100}", "\u{1161}", "\u{11A8}", "한", "\u{1100}\u{1161}\u{11A8}",
        "\u{0915}\u{094D}",
        "\u{0915}", "\u{0600}", "\u{0E33}", "\u{FFFD}", "\u{7F}", "\u{85}", "\u{0}", "😀", "x",
    ]

    /// The scalar `value` as a string; noncharacters cannot be written as literals.
    static func text(_ value: UInt32) -> String {
        Unicode.Scalar(value).map { String(Character($0)) } ?? ""
    }

    /// The pieces joined, often padded with plain letters so that lengths land around each limit.
    static func hostileText(_ random: inout SeededGenerator) -> String {
        let pieces = generated(unicodePieces, count: 6, &random)
        let padding = String(repeating: "ab", count: Int.random(in: 0...9, using: &random))
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return pieces
        case 1: return padding + pieces
        default: return pieces + padding + pieces
        }
    }

    /// Rules around the generated lengths: short and long, single and multi-line, a byte cap below
    /// four bytes a character, a cap on code points per character (and none).
    static let textRules: [TextRule] = [
        .singleLine(1...3), .singleLine(2...12), .optionalLine(maximum: 20), .multiLine(maximum: 8),
        .multiLine(maximum: 30), TextRule(maximumLength: 16, maximumBytes: 20, allowsNewlines: true),
        TextRule(maximumLength: 12, maximumScalarsPerCharacter: 2),
        TextRule(maximumLength: 12, maximumScalarsPerCharacter: 0),
    ]

    @Test("the scalar walk gives the verdict, error and value of the grapheme walk on hostile Unicode")
    func unicodeText() {
        var random = SeededGenerator(seed: Self.seed &+ 7)
        let rules = Self.textRules
        let cases = Self.cases * 8
        var invalid = 0
        var valid = 0
        for index in 0..<cases {
            let value = Self.hostileText(&random)
            let rule = rules[index % rules.count]
            var fastErrors: [FieldError] = []
            var fullErrors: [FieldError] = []
            let fast = TextChecker.slowPath(value, rule: rule, path: "bio", errors: &fastErrors)
            let full = TextChecker.slowPath(value, rule: rule, path: "bio", errors: &fullErrors, graphemesOnly: true)
            if case .value = full { valid += 1 } else { invalid += 1 }
            #expect(
                fast == full && fastErrors == fullErrors,
                "seed \(Self.seed + 7) case \(index): \(value.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(
            valid > cases / 20 && invalid > cases / 20, "the generator must reach both verdicts (seed \(Self.seed + 7))"
        )
    }

    /// Bases a variation selector may follow (single-scalar characters, `\n`, joining and
    /// invisible scalars) and the selectors themselves, alone and twice.
    static let selectorPieces = [
        "a", " ", "\n", "é", "·", "❤", "☀", "✔", "©", "😀", "🏃", "中", "Ж", "\u{301}", "\u{200D}", "\u{200B}",
        "\u{1F3FD}", "\u{1F1F5}", "e\u{301}", "\u{FE0F}", "\u{FE0F}", "\u{FE0E}", "\u{FE00}", "\u{FE0F}\u{FE0F}",
        "❤\u{FE0F}", "❤\u{FE0F}\u{200D}🔥", "abcdefghij",
    ]

    @Test("a variation selector joined to the character before it counts and checks as the grapheme walk")
    func variationSelectors() {
        var random = SeededGenerator(seed: Self.seed &+ 11)
        let rules = Self.textRules
        let cases = Self.cases * 2
        var verdicts: [Bool: Int] = [:]
        for index in 0..<cases {
            let value = Self.generated(Self.selectorPieces, count: 8, &random)
            let rule = rules[index % rules.count]
            var fastErrors: [FieldError] = []
            var fullErrors: [FieldError] = []
            let fast = TextChecker.check(value, rule: rule, path: "bio", errors: &fastErrors)
            let full = TextChecker.slowPath(value, rule: rule, path: "bio", errors: &fullErrors, graphemesOnly: true)
            verdicts[fullErrors.isEmpty, default: 0] += 1
            #expect(
                fast == full && fastErrors == fullErrors,
                "seed \(Self.seed + 11) case \(index): \(value.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(
            (verdicts[true] ?? 0) > cases / 20 && (verdicts[false] ?? 0) > cases / 20,
            "the generator must reach both verdicts (seed \(Self.seed + 11))")
    }

    @Test("a checked string made from its ASCII prefix and the rest is the string of all its bytes")
    func asciiPrefixSplit() {
        var random = SeededGenerator(seed: Self.seed &+ 12)
        var split = 0
        for index in 0..<Self.cases {
            let prefix = String(repeating: "a b.", count: Int.random(in: 0...24, using: &random))
            let value = prefix + Self.hostileText(&random) + Self.generated(Self.textPieces, count: 4, &random)
            let bytes = Array(value.utf8)
            let asciiPrefix = bytes.firstIndex { $0 >= 0x80 } ?? bytes.count
            if asciiPrefix >= 32 && asciiPrefix < bytes.count { split += 1 }
            let made = bytes.withUnsafeBufferPointer {
                JSONBodyReader.string(checkedUTF8: $0, asciiPrefix: asciiPrefix)
            }
            #expect(
                Array(made.utf8) == bytes && made == value && made.count == value.count,
                "seed \(Self.seed + 12) case \(index): \(value.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(split > Self.cases / 4, "the generator must reach the split (seed \(Self.seed + 12))")
    }

    @Test("white space is answered without the Unicode tables as the tables answer, for every scalar")
    func whitespaceShortcut() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            checked += 1
            if TextChecker.isWhitespace(scalar) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16)): \(TextChecker.isWhitespace(scalar))")
            }
        }
        #expect(checked == 0x110000 - 0x800)
    }

    @Test("the whole text check (ASCII word scans, scalar byte walk) answers as the grapheme walk on any text")
    func wholeTextCheck() {
        var random = SeededGenerator(seed: Self.seed &+ 8)
        // The 0-scalars rule is in: it acts as 1 (a character is at least one scalar) on every path.
        let rules = Self.textRules
        let cases = Self.cases * 2
        var verdicts: [Bool: Int] = [:]
        for index in 0..<cases {
            // Half plain ASCII with spaces and line breaks around (the word scans), half hostile Unicode.
            let value =
                index % 2 == 0
                ? Self.generated(Self.textPieces, count: 12, &random) : Self.hostileText(&random)
            let rule = rules[index % rules.count]
            var fastErrors: [FieldError] = []
            var fullErrors: [FieldError] = []
            let fast = TextChecker.check(value, rule: rule, path: "bio", errors: &fastErrors)
            let full = TextChecker.slowPath(value, rule: rule, path: "bio", errors: &fullErrors, graphemesOnly: true)
            verdicts[fullErrors.isEmpty, default: 0] += 1
            #expect(
                fast == full && fastErrors == fullErrors,
                "seed \(Self.seed + 8) case \(index): \(value.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(
            (verdicts[true] ?? 0) > cases / 20 && (verdicts[false] ?? 0) > cases / 20,
            "the generator must reach both verdicts (seed \(Self.seed + 8))")
    }

    @Test("a username's first refused character is found by bytes where the character walk finds it")
    func usernameRefusedCharacter() {
        var random = SeededGenerator(seed: Self.seed &+ 9)
        let pieces = [
            "a", "Z", "0", "_", "john", ".", "-", " ", "@", "\r", "\n", "\r\n", "\t", "\u{0}", "é", "e\u{301}",
            "\u{301}", "\u{200B}", "\u{202E}", "а", "ｊ", "👩\u{200D}💻", "🇵🇹",
        ]
        var found = 0
        for index in 0..<Self.cases {
            let value = Self.generated(pieces, count: 8, &random)
            let fast = ValidationPolicy.firstNonUsernameScalar(in: value)
            let reference = ValidationPolicy.firstNonUsernameScalarByCharacters(in: value)
            if reference != nil { found += 1 }
            #expect(
                fast?.position == reference?.position && fast?.scalar == reference?.scalar,
                "seed \(Self.seed + 9) case \(index): \(value.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(found > Self.cases / 2 && found < Self.cases, "the generator must reach both answers")
    }

    @Test("a name counted one character per byte has as many characters as bytes")
    func usernameLengthByBytes() {
        var random = SeededGenerator(seed: Self.seed &+ 10)
        let pieces = [
            "a", "Z", "_", ".", " ", "\r", "\n", "\r\n", "\t", "\u{0}", "\u{7F}", "é", "e\u{301}", "\u{301}", "😀",
        ]
        var byBytes = 0
        for index in 0..<Self.cases {
            let value = Self.generated(pieces, count: 8, &random)
            guard ValidationPolicy.isOneCharacterPerByte(value.utf8) else { continue }
            byBytes += 1
            #expect(
                value.count == value.utf8.count,
                "seed \(Self.seed + 10) case \(index): \(value.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(byBytes > Self.cases / 20 && byBytes < Self.cases, "the generator must reach both answers")
    }

    @Test("a code point is written as Unicode charts write it, as the radix conversion writes it")
    func codePoint() {
        var checked = 0
        for value in stride(from: UInt32(0), through: 0x10FFFF, by: 37) + [0x0, 0xF, 0xFFFF, 0x10000, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let hex = String(value, radix: 16, uppercase: true)
            let reference = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            checked += 1
            #expect(Messages.codePoint(scalar) == reference, "U+\(hex)")
        }
        #expect(checked > 29_000)
    }

    @Test("every scalar counted as a character of its own is one next to plain letters and to itself, and allowed")
    func singleScalarCharacters() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), TextChecker.isSingleScalarCharacter(scalar, allowsNewlines: true)
            else { continue }
            checked += 1
            var between = String.UnicodeScalarView()
            between.append(contentsOf: ["a", scalar, "a"] as [Unicode.Scalar])
            var twice = String.UnicodeScalarView()
            twice.append(contentsOf: [scalar, scalar])
            let allowed = [true, false].allSatisfy { edge in
                TextChecker.forbiddenReason(scalar, allowsNewline: true, isFirst: edge, isLast: edge) == nil
                    && TextChecker.forbiddenReason(scalar, allowsNewline: true, isFirst: edge, isLast: !edge) == nil
            }
            #expect(
                String(between).count == 3 && String(twice).count == 2 && allowed && value != 0x0D,
                "U+\(String(value, radix: 16))")
        }
        #expect(checked > 20_000)
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
