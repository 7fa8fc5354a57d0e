import Testing

@testable import ProfileDomain

/// A deterministic generator (SplitMix64), so the generated set is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Usernames: validity, look-up syntax and an idempotent canonical key")
struct UsernameTests {
    /// Scalars a hostile or careless client may send: ASCII, Latin-1, full-width, Cyrillic,
    /// combining marks, emoji with ZWJ, Turkish dotted and dotless I, German sharp s, Kelvin sign.
    static let alphabet: [String] = [
        "a", "Z", "0", "9", "_", "-", ".", " ", "@", "é", "É", "ß", "ẞ", "İ", "ı", "i", "I", "K", "\u{212A}",
        "ｊ", "Ｊ", "ｏ", "ј", "о", "А", "\u{0301}", "\u{0308}", "👩", "\u{200D}", "💻", "🏳️‍🌈", "ﬁ", "Σ", "ς",
        "\u{00A0}", "\u{202E}", "\u{0000}",
    ]

    static func generated(count: Int) -> [String] {
        var generator = SeededGenerator(state: 2013)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...12, using: &generator)
            return (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
        }
    }

    @Test(
        "valid handles",
        arguments: ["a", "john_doe", "John_Doe", "___", "x1", "A" + String(repeating: "b", count: 63)])
    func valid(handle: String) throws {
        let username = try #require(Username(handle))
        #expect(username.rawValue == handle)
        #expect(username.canonicalKey == handle.lowercased())
    }

    @Test(
        "invalid handles",
        arguments: [
            "", "@john", "john doe", "john-doe", "john.doe", "jöhn", "ｊｏｈｎ", "јohn", "İstanbul", "straße",
            "john\u{200D}", "👩‍💻", String(repeating: "a", count: 65), "john\n", "\u{202E}nhoj",
        ])
    func invalid(handle: String) {
        #expect(Username(handle) == nil)
    }

    @Test("@name is accepted on look-up only, and only one @", arguments: ["@john_doe", "john_doe"])
    func lookup(text: String) throws {
        #expect(try #require(Username(lookup: text)).rawValue == "john_doe")
    }

    @Test("look-up refuses @ alone, @@name and a bad handle", arguments: ["@", "@@john", "@jo hn", "@ｊｏｈｎ"])
    func lookupInvalid(text: String) {
        #expect(Username(lookup: text) == nil)
    }

    @Test("handles differing only in ASCII case are the same handle")
    func caseInsensitive() throws {
        let upper = try #require(Username("JOHN_Doe"))
        let lower = try #require(Username("john_doe"))
        #expect(upper.isSameHandle(as: lower))
        #expect(upper != lower)
    }

    @Test("canonicalKey(canonicalKey(s)) == canonicalKey(s) over 20,000 generated strings, non-ASCII included")
    func idempotent() {
        let strings = Self.generated(count: 20_000)
        #expect(strings.count >= 10_000)
        for string in strings {
            let once = Username.canonicalKey(for: string)
            #expect(Username.canonicalKey(for: once) == once, "\(string.unicodeScalars.map(\.value))")
        }
    }

    @Test("the canonical key only lowercases ASCII letters; every other scalar is left as it is")
    func onlyASCIIChanges() {
        for string in Self.generated(count: 10_000) {
            let key = Username.canonicalKey(for: string)
            #expect(key.unicodeScalars.count == string.unicodeScalars.count)
            for (original, canonical) in zip(string.unicodeScalars, key.unicodeScalars) {
                let expected = ("A"..."Z").contains(original) ? Unicode.Scalar(original.value + 32) : original
                #expect(canonical == expected)
            }
        }
    }

    @Test("a generated string parses into a Username only when it is pure [A-Za-z0-9_]")
    func nonASCIINeverParses() {
        for string in Self.generated(count: 10_000) {
            let allowed = string.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
            }
            let expectedValid = allowed && !string.isEmpty && string.utf8.count <= Username.maximumLength
            #expect((Username(string) != nil) == expectedValid, "\(string.unicodeScalars.map(\.value))")
        }
    }

    @Test("Kelvin sign, Turkish İ and ß do not fold onto ASCII keys")
    func noUnicodeFolding() {
        #expect(Username.canonicalKey(for: "\u{212A}ELVIN") == "\u{212A}elvin")
        #expect(Username.canonicalKey(for: "İSTANBUL") == "İstanbul")
        #expect(Username.canonicalKey(for: "STRAßE") == "straße")
    }

    @Test("a username is a JSON string; a malformed one fails to decode")
    func codable() throws {
        let username = try #require(Username("Jane"))
        #expect(String(decoding: try JSONComparison.encode(username), as: UTF8.self) == "\"Jane\"")
        #expect(try JSONComparison.decode(Username.self, from: "\"Jane\"") == username)
        #expect(throws: DecodingError.self) { try JSONComparison.decode(Username.self, from: "\"@jane\"") }
    }
}
