import ProfileDomain
import ProfileValidation
import Testing

/// One text field of one preset, for boundary tables.
struct TextFieldCase: CustomTestStringConvertible, Sendable {
    var policy: ValidationPolicy
    var field: ProfileField
    var rule: TextRule
    var testDescription: String { "\(policy.name).\(field.rawValue)" }

    func patch(_ value: PatchField<String>) -> ProfilePatch {
        var patch = ProfilePatch()
        switch field {
        case .displayName: patch.displayName = value
        case .firstName: patch.firstName = value
        case .middleName: patch.middleName = value
        case .lastName: patch.lastName = value
        default: patch.bio = value
        }
        return patch
    }

    var path: String { policy.wirePath(field.rawValue) }

    static let all: [TextFieldCase] = ValidationPolicy.presets.flatMap { policy in
        [
            (ProfileField.displayName, policy.displayName), (.firstName, policy.firstName),
            (.middleName, policy.middleName), (.lastName, policy.lastName), (.bio, policy.bio),
        ]
        .filter { policy.updatableFields.contains($0.0) }
        .map { TextFieldCase(policy: policy, field: $0.0, rule: $0.1) }
    }
}

@Suite("Text fields: lengths in grapheme clusters, a byte cap, trimming and forbidden characters")
struct TextRuleTests {
    @Test("limit - 1 and limit characters pass, limit + 1 is too_long with the limit", arguments: TextFieldCase.all)
    func boundaries(field: TextFieldCase) throws {
        let limit = field.rule.maximumLength
        #expect(codes(field.patch(.value(repeated("a", limit - 1))), field.policy, existing: storedProfile).isEmpty)
        #expect(codes(field.patch(.value(repeated("a", limit))), field.policy, existing: storedProfile).isEmpty)
        let report = try #require(
            throws: ValidationReport.self,
            performing: {
                try field.policy.validate(field.patch(.value(repeated("a", limit + 1))), against: storedProfile)
            })
        let error = try #require(report.errors.first)
        #expect(error.field == field.path)
        #expect(error.code == .tooLong)
        #expect(error.limit == limit)
        #expect(error.message == "\(field.path) is \(limit + 1) characters; the limit is \(limit)")
    }

    @Test("a combining sequence counts as one character", arguments: TextFieldCase.all)
    func graphemes(field: TextFieldCase) {
        let limit = field.rule.maximumLength
        #expect(codes(field.patch(.value(repeated("e\u{301}", limit))), field.policy, existing: storedProfile).isEmpty)
        #expect(
            codes(field.patch(.value(repeated("e\u{301}", limit + 1))), field.policy, existing: storedProfile)
                == [field.path: [.tooLong]])
    }

    @Test("values are trimmed before they are checked and stored", arguments: TextFieldCase.all)
    func trimming(field: TextFieldCase) throws {
        let clean = try #require(
            cleaned(field.patch(.value("  \t Jane Doe \u{00A0} ")), field.policy, existing: storedProfile))
        #expect(clean == field.patch(.value("Jane Doe")))
    }

    @Test(
        "control, bidi-override and invisible characters are forbidden_characters",
        arguments: TextFieldCase.all,
        [
            "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{2060}",
            "\u{00AD}", "\u{2028}",
        ])
    func forbidden(field: TextFieldCase, character: String) {
        #expect(
            codes(field.patch(.value("Ja\(character)ne")), field.policy, existing: storedProfile)
                == [field.path: [.forbiddenCharacters]])
    }

    @Test("a line break is allowed only where the rule allows it", arguments: TextFieldCase.all)
    func newlines(field: TextFieldCase) {
        let result = codes(field.patch(.value("line one\nline two")), field.policy, existing: storedProfile)
        #expect(result == (field.rule.allowsNewlines ? [:] : [field.path: [.forbiddenCharacters]]))
    }

    @Test("empty is required, cleared or too_short per the rule", arguments: TextFieldCase.all)
    func empty(field: TextFieldCase) {
        let result = codes(field.patch(.value("   ")), field.policy, existing: storedProfile)
        if field.policy.requiredOnCreate.contains(field.field) {
            #expect(result == [field.path: [.required]])
        } else if field.rule.allowsEmpty {
            #expect(result.isEmpty)
            #expect(cleaned(field.patch(.value(" ")), field.policy, existing: storedProfile) == field.patch(.null))
        } else {
            #expect(result == [field.path: [.tooShort]])
        }
    }

    @Test("emoji sequences with joiners and variation selectors are kept", arguments: ["👩‍💻", "❤️", "🇰🇪", "👍🏽", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"])
    func emoji(value: String) {
        #expect(codes(ProfilePatch(bio: .value("Hi \(value)")), .creator, existing: storedProfile).isEmpty)
    }

    @Test("a value over the byte cap is too_long in bytes even when its characters fit")
    func byteCap() throws {
        var policy = ValidationPolicy.creator
        policy.bio = TextRule(maximumLength: 10, maximumBytes: 12, allowsNewlines: true)
        let report = try #require(
            throws: ValidationReport.self,
            performing: { try policy.validate(ProfilePatch(bio: .value("ééééééé")), against: storedProfile) })
        #expect(report.errors.map(\.code) == [.tooLong])
        #expect(report.errors.first?.limit == 12)
        #expect(report.errors.first?.message == "bio is 14 bytes of UTF-8; the limit is 12")
    }

    @Test("carriage returns in a bio become line feeds")
    func carriageReturns() {
        let clean = cleaned(ProfilePatch(bio: .value("one\r\ntwo\rthree")), .creator, existing: storedProfile)
        #expect(clean?.bio == .value("one\ntwo\nthree"))
    }
}

@Suite("Text rules")
struct TextRuleValueTests {
    @Test("the byte cap defaults to four bytes a character and never overflows")
    func defaultByteCap() {
        #expect(TextRule(maximumLength: 50).maximumBytes == 200)
        #expect(TextRule(maximumLength: .max).maximumBytes == .max)
    }

    @Test("combining two rules keeps the stricter of each limit")
    func combined() {
        let loose = TextRule(minimumLength: 0, maximumLength: 100, allowsNewlines: true, allowsEmpty: true)
        let strict = TextRule(minimumLength: 1, maximumLength: 50)
        #expect(loose.combined(with: strict) == strict)
    }

    @Test("an unbounded rule still refuses a huge value without overflowing")
    func unbounded() {
        var policy = ValidationPolicy.creator
        policy.bio = TextRule(maximumLength: .max, allowsNewlines: true)
        #expect(codes(ProfilePatch(bio: .value(repeated("é", 1000))), policy, existing: storedProfile).isEmpty)
    }
}
