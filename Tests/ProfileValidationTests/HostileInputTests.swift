import ProfileDomain
import ProfileHTTP
import ProfileValidation
import Testing

@Suite("Request bodies: size, depth, duplicate keys, UTF-8 and types, each a clear field error")
struct RequestBodyDecoderTests {
    let decoder = RequestBodyDecoder()

    func failure(_ json: String) throws -> ProfileError {
        try #require(
            throws: ProfileError.self, performing: { try decoder.decode(ProfilePatch.self, from: Array(json.utf8)) })
    }

    @Test("a valid body decodes with absent, null and values told apart")
    func valid() throws {
        let patch = try decoder.decode(
            ProfilePatch.self, from: Array(#"{"bio":null,"displayName":"Jo","niche":["a"]}"#.utf8))
        #expect(patch == ProfilePatch(displayName: .value("Jo"), bio: .null, niches: .value(["a"])))
    }

    @Test(
        "wrong JSON types name the path and the expected type",
        arguments: [
            (#"{"bio":42}"#, "bio", "bio must be a string"),
            (#"{"niche":"fitness"}"#, "niche", "niche must be an array"),
            (#"{"niche":["a",7]}"#, "niche[1]", "niche[1] must be a string"),
            (#"{"socialLinks":{"instagram":true}}"#, "socialLinks.instagram", "socialLinks.instagram must be a string"),
            (#"{"location":{"city":[]}}"#, "location.city", "location.city must be a string"),
            (#"{"niche":[null]}"#, "niche[0]", "niche[0] must be a string, not null"),
        ])
    func wrongTypes(json: String, path: String, message: String) throws {
        let error = try failure(json)
        #expect(error.status == .badRequest)
        #expect(error.fieldErrors.map(\.field) == [path])
        #expect(
            error.fieldErrors.map(\.code).first == .wrongType || error.fieldErrors.map(\.code).first == .invalidFormat)
        #expect(error.fieldErrors.first?.message == message)
    }

    @Test("a duplicate key is refused at its path, even nested")
    func duplicateKeys() throws {
        let error = try failure(#"{"socialLinks":{"instagram":"https://a.com/x","instagram":"https://b.com/y"}}"#)
        #expect(error.fieldErrors.map(\.code) == [.duplicateKey])
        #expect(error.fieldErrors.map(\.field) == ["socialLinks.instagram"])
        let escaped = try failure(#"{"bio":"a","b\u0069o":"b"}"#)
        #expect(escaped.fieldErrors.map(\.code) == [.duplicateKey])
    }

    @Test(
        "nesting deeper than the cap is too_deep; at the cap it is only a type error", arguments: [31, 32, 33, 10_000])
    func depth(levels: Int) throws {
        let json =
            #"{"bio":"# + String(repeating: "[", count: levels - 1) + String(repeating: "]", count: levels - 1) + "}"
        let error = try failure(json)
        #expect(error.fieldErrors.first?.code == (levels > 32 ? .tooDeep : .wrongType))
    }

    @Test(
        "invalid UTF-8 is refused with its path",
        arguments: [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF]]
            as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) throws {
        let body = Array(#"{"bio":""#.utf8) + bytes + Array(#""}"#.utf8)
        let error = try #require(
            throws: ProfileError.self, performing: { try decoder.decode(ProfilePatch.self, from: body) })
        #expect(error.fieldErrors.map(\.code) == [.invalidCharacters])
        #expect(error.fieldErrors.map(\.field) == ["bio"])
    }

    @Test(
        "malformed JSON is malformed, never a crash",
        arguments: [
            "", "{", #"{"bio":}"#, #"{"bio":"x",}"#, "[1,]", #"{"bio":"\ud800"}"#, #"{"bio":"\udc00x"}"#, "{} {}", "01",
            "nul", #"{"a":1e}"#, "\u{FEFF}\u{FEFF}{}",
        ])
    func malformed(json: String) throws {
        let error = try #require(
            throws: ProfileError.self, performing: { try decoder.decode(JSONValue.self, from: Array(json.utf8)) })
        #expect(error.status == .badRequest)
        #expect(error.fieldErrors.first?.code == .malformed)
    }

    @Test("a body over the size cap is 413 before it is parsed")
    func size() throws {
        let small = RequestBodyDecoder(maximumBytes: 16)
        let error = try #require(
            throws: ProfileError.self,
            performing: { try small.decode(JSONValue.self, from: Array(repeating: UInt8(ascii: " "), count: 17)) })
        #expect(error.status == .payloadTooLarge)
        #expect(error.fieldErrors.first?.limit == 16)
    }

    @Test("escaped surrogate pairs decode")
    func surrogatePairs() throws {
        let patch = try decoder.decode(ProfilePatch.self, from: Array(#"{"bio":"\ud83d\ude00"}"#.utf8))
        #expect(patch.bio == .value("😀"))
    }
}

@Suite("Hostile values: each gets a clear field error and nothing crashes")
struct HostileValueTests {
    @Test("a 10 MB string is too_long in every text field", arguments: TextFieldCase.all)
    func hugeStrings(field: TextFieldCase) {
        let huge = String(repeating: "a", count: 10_000_000)
        #expect(codes(field.patch(.value(huge)), field.policy, existing: storedProfile) == [field.path: [.tooLong]])
    }

    @Test("a 10 MB non-ASCII string, username, link and niche are refused quickly")
    func hugeOther() {
        let huge = String(repeating: "é", count: 5_000_000)
        #expect(codes(ProfilePatch(bio: .value(huge)), .creator, existing: storedProfile) == ["bio": [.tooLong]])
        #expect(
            codes(ProfilePatch(username: .value(huge)), .creator, existing: storedProfile)["username"]?.contains(
                .tooLong) == true)
        #expect(
            codes(ProfilePatch(niches: .value([huge])), .creator, existing: storedProfile) == ["niche[0]": [.tooLong]])
        #expect(
            codes(
                ProfilePatch(socialLinks: .value(["instagram": .value("https://instagram.com/" + huge)])), .creator,
                existing: storedProfile)
                == ["socialLinks.instagram": [.tooLong]])
        #expect(codes(ProfilePatch(avatar: .value(huge)), .creator, existing: storedProfile) == ["avatar": [.tooLong]])
    }

    @Test("a combining-character flood inside one character is invalid_characters", arguments: [11, 100, 10_000])
    func combiningFlood(marks: Int) {
        let flood = "Z" + String(repeating: "\u{0336}", count: marks)
        let result = codes(ProfilePatch(displayName: .value(flood)), .creator, existing: storedProfile)
        #expect(result["displayName"]?.first == (marks * 2 + 1 > 200 * 4 ? .tooLong : .invalidCharacters))
    }

    @Test(
        "bidi, zero-width and control characters are forbidden in every single-line field of the creator",
        arguments: [
            "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
            "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{1}", "\u{9}", "\u{9F}",
        ])
    func invisible(character: String) {
        let patch = ProfilePatch(
            displayName: .value("A\(character)B"), niches: .value(["a\(character)b"]),
            location: .value(LocationPatch(city: .value("N\(character)Y"))))
        #expect(
            codes(patch, .creator, existing: storedProfile) == [
                "displayName": [.forbiddenCharacters], "niche[0]": [.forbiddenCharacters],
                "location.city": [.forbiddenCharacters],
            ])
    }

    @Test("a leading invisible character is not hidden by trimming")
    func leadingInvisible() {
        #expect(
            codes(ProfilePatch(displayName: .value("\u{200B}John")), .creator, existing: storedProfile) == [
                "displayName": [.forbiddenCharacters]
            ])
    }

    @Test("a hostile social-links key is reported with a safe path")
    func hostileKey() throws {
        let key = "insta\u{202E}gram" + String(repeating: "x", count: 1000)
        let report = try #require(
            throws: ValidationReport.self,
            performing: {
                try ValidationPolicy.creator.validate(
                    ProfilePatch(socialLinks: .value([key: .value("x")])), against: storedProfile)
            })
        let field = try #require(report.errors.first?.field)
        #expect(field.count < 100)
        #expect(field.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
    }

    @Test("every error of a thoroughly bad body is reported at once")
    func everything() throws {
        let patch = ProfilePatch(
            username: .value("ａｄｍｉｎ"), displayName: .value(repeated("d", 51)), bio: .null,
            niches: .value(["a", "A", repeated("n", 31), "x", "y", "z"]),
            socialLinks: .value([
                "instagram": .value("https://instagram.com@evil.com/"), "tiktok": .value("javascript:alert(1)"),
            ]),
            avatar: .value("https://127.0.0.1/a.jpg"))
        let report = try #require(
            throws: ValidationReport.self, performing: { try ValidationPolicy.creator.validate(patch, against: nil) })
        #expect(
            report.codesByField == [
                "username": [.invalidCharacters], "displayName": [.tooLong], "bio": [.required], "niche": [.tooLong],
                "niche[1]": [.duplicate], "niche[2]": [.tooLong], "socialLinks.instagram": [.userInfoNotAllowed],
                "socialLinks.tiktok": [.notHTTPS], "avatar": [.forbiddenHost],
            ])
        #expect(report.profileError.message == "Validation failed: 9 fields need attention")
    }
}
