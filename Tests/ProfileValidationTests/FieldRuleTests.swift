import Foundation
import ProfileDomain
import ProfileValidation
import Testing

@Suite("Niches: 1-5 items of 1-30 letters, lowercased, no duplicates")
struct NicheTests {
    @Test(
        "item counts around the limits",
        arguments: [(0, FieldErrorCode.required), (1, nil), (4, nil), (5, nil), (6, .tooLong)]
            as [(Int, FieldErrorCode?)])
    func counts(count: Int, code: FieldErrorCode?) {
        let items = (0..<count).map { "topic\($0)" }
        let result = codes(ProfilePatch(niches: .value(items)), .creator, existing: storedProfile)
        #expect(result == (code.map { ["niche": [$0]] } ?? [:]))
    }

    @Test("item lengths: 29 and 30 pass, 31 is too_long", arguments: [29, 30, 31])
    func itemLength(length: Int) {
        let result = codes(ProfilePatch(niches: .value([repeated("n", length)])), .creator, existing: storedProfile)
        #expect(result == (length > 30 ? ["niche[0]": [.tooLong]] : [:]))
    }

    @Test("niches are trimmed and lowercased; any script's letters are accepted")
    func normalised() {
        let patch = ProfilePatch(niches: .value([" Fitness ", "Música", "ΜΟΥΣΙΚΗ", "arts & crafts"]))
        #expect(codes(patch, .creator, existing: storedProfile) == [:])
        let clean = cleaned(patch, .creator, existing: storedProfile)
        #expect(clean?.niches == .value(["fitness", "música", "μουσικη", "arts & crafts"]))
    }

    @Test("duplicates in another case are reported at the later index")
    func duplicates() throws {
        let report = try #require(
            throws: ValidationReport.self,
            performing: {
                try ValidationPolicy.creator.validate(
                    ProfilePatch(niches: .value(["Fitness", "food", "FITNESS"])), against: storedProfile)
            })
        #expect(report.errors.map(\.field) == ["niche[2]"])
        #expect(report.errors.map(\.code) == [.duplicate])
    }

    @Test("symbols and emoji are invalid_characters", arguments: ["fit<ness>", "a/b", "tech 🚀", "c#"])
    func symbols(value: String) {
        #expect(
            codes(ProfilePatch(niches: .value([value])), .creator, existing: storedProfile) == [
                "niche[0]": [.invalidCharacters]
            ])
    }
}

@Suite("Location: parts and free text, each bounded")
struct LocationTests {
    @Test("part lengths: 100 passes, 101 is too_long at its own path", arguments: ["city", "state", "country"])
    func parts(part: String) {
        var location = LocationPatch()
        let long = PatchField.value(repeated("c", 101))
        switch part {
        case "city": location.city = long
        case "state": location.state = long
        default: location.country = long
        }
        #expect(
            codes(ProfilePatch(location: .value(location)), .creator, existing: storedProfile) == [
                "location.\(part)": [.tooLong]
            ])
        #expect(
            codes(ProfilePatch(location: .value(LocationPatch(city: .value(repeated("c", 100))))), .creator).count == 4)
    }

    @Test("free text: 200 passes, 201 is too_long at location", arguments: [199, 200, 201])
    func text(length: Int) {
        let patch = ProfilePatch(location: .value(LocationPatch(text: .value(repeated("l", length)))))
        #expect(codes(patch, .social, existing: storedProfile) == (length > 200 ? ["location": [.tooLong]] : [:]))
    }

    @Test("an empty part clears it")
    func emptyPart() {
        let clean = cleaned(
            ProfilePatch(location: .value(LocationPatch(city: .value(" ")))), .creator, existing: storedProfile)
        #expect(clean?.location == .value(LocationPatch(city: .null)))
    }
}

@Suite("Account: email shape and length, phone format per preset")
struct AccountTests {
    @Test(
        "emails",
        arguments: [
            ("john@example.com", nil), ("John.Doe+tag@Example.COM", nil), ("john", FieldErrorCode.invalidFormat),
            ("@example.com", .invalidFormat), ("john@", .invalidFormat), ("john@localhost", .invalidFormat),
            ("john@127.0.0.1", .invalidFormat), ("john@[127.0.0.1]", .invalidFormat),
            ("jo..hn@example.com", .invalidFormat),
            (".john@example.com", .invalidFormat), ("jöhn@example.com", .invalidFormat),
            ("john@exa_mple.com", .invalidFormat),
            ("john doe@example.com", .invalidFormat), ("john@example.c0m", .invalidFormat),
        ] as [(String, FieldErrorCode?)])
    func emails(value: String, code: FieldErrorCode?) {
        let result: [String: [FieldErrorCode]]
        do {
            _ = try ValidationPolicy.django.validate(AccountPatch(email: .value(value)), against: nil)
            result = [:]
        } catch { result = error.codesByField }
        #expect(result == (code.map { ["email": [$0]] } ?? [:]))
    }

    @Test("the email domain is lowercased, the local part kept")
    func emailCase() throws {
        let clean = try ValidationPolicy.django.validate(
            AccountPatch(email: .value(" John@Example.COM ")), against: nil)
        #expect(clean.email == .value("John@example.com"))
    }

    @Test("email length: 200 passes, 201 is too_long under django", arguments: [199, 200, 201])
    func emailLength(length: Int) {
        // Labels of nine letters keep the domain a valid DNS name at any length.
        let domain = String(repeated("ddddddddd.", 20).prefix(length - 66)) + "d.com"
        let email = repeated("a", 60) + "@" + domain
        let result = (try? ValidationPolicy.django.validate(AccountPatch(email: .value(email)), against: nil)) == nil
        #expect(result == (length > 200))
    }

    @Test("django requires an email: null and empty are required")
    func emailRequired() throws {
        for value in [PatchField<String>.null, .value("  ")] {
            let report = try #require(
                throws: ValidationReport.self,
                performing: { try ValidationPolicy.django.validate(AccountPatch(email: value), against: nil) })
            #expect(report.errors.map(\.code) == [.required])
        }
    }

    @Test(
        "django phones: 7 to 10 national digits, separators stripped",
        arguments: [
            ("0987654321", "0987654321", nil), ("(555) 123-4567", "5551234567", nil), ("1234567", "1234567", nil),
            ("123456", nil, FieldErrorCode.tooShort), ("09876543210", nil, .tooLong),
            ("+254712345678", nil, .invalidFormat),
            ("555-CALL-NOW", nil, .invalidFormat),
        ] as [(String, String?, FieldErrorCode?)])
    func djangoPhones(value: String, normalized: String?, code: FieldErrorCode?) {
        do {
            let clean = try ValidationPolicy.django.validate(AccountPatch(phoneNumber: .value(value)), against: nil)
            #expect(clean.phoneNumber == normalized.map(PatchField.value))
            #expect(code == nil)
        } catch {
            #expect(error.errors.map(\.code) == [code].compactMap { $0 })
            #expect(error.errors.map(\.field) == ["number_phone"])
        }
    }

    @Test(
        "E.164 phones under the default policy",
        arguments: [
            ("+254712345678", true), ("+1 (555) 123-4567", true), ("0712345678", false), ("+0712345678", false),
            ("+1234567", false), ("+1234567890123456", false),
        ])
    func e164(value: String, accepted: Bool) {
        let result = try? ValidationPolicy.default.validate(AccountPatch(phoneNumber: .value(value)), against: nil)
        #expect((result != nil) == accepted)
    }
}

@Suite("Preferences: allowed voices, bounded scenarios and extra keys")
struct PreferencesTests {
    @Test(
        "voices from the default set pass; others are not_allowed",
        arguments: [("alloy", true), ("Nova", true), ("shimmer", true), ("robot", false), ("", false)])
    func voices(voice: String, accepted: Bool) {
        let result = try? ValidationPolicy.mobile.validate(PreferencesPatch(voicePreference: .value(voice)))
        #expect((result != nil) == accepted)
    }

    @Test("the voice list is configurable; without a list voices are bounded identifiers")
    func configurableVoices() {
        var policy = ValidationPolicy.mobile
        policy.preferences.allowedVoices = ["robot"]
        #expect((try? policy.validate(PreferencesPatch(voicePreference: .value("robot")))) != nil)
        policy.preferences.allowedVoices = nil
        #expect((try? policy.validate(PreferencesPatch(voicePreference: .value(repeated("v", 20))))) != nil)
        #expect((try? policy.validate(PreferencesPatch(voicePreference: .value(repeated("v", 21))))) == nil)
        #expect((try? policy.validate(PreferencesPatch(voicePreference: .value("a voice")))) == nil)
    }

    @Test("scenario lengths: 50 passes, 51 is too_long", arguments: [49, 50, 51])
    func scenarios(length: Int) {
        let result = try? ValidationPolicy.mobile.validate(
            PreferencesPatch(defaultScenario: .value(repeated("s", length))))
        #expect((result != nil) == (length <= 50))
    }

    @Test("extra keys: scalars pass, containers are wrong_type, bad keys invalid_characters")
    func extraKeys() throws {
        let patch = PreferencesPatch(additional: [
            "theme": .value(.string("dark")), "volume": .value(.number(3)), "nested": .value(.object([:])),
            "Bad-Key": .value(.bool(true)),
        ])
        let report = try #require(
            throws: ValidationReport.self, performing: { try ValidationPolicy.mobile.validate(patch) })
        #expect(
            report.codesByField == ["preferences.Bad-Key": [.invalidCharacters], "preferences.nested": [.wrongType]])
    }

    @Test("more extra keys than allowed is too_long")
    func tooManyKeys() {
        var policy = ValidationPolicy.mobile
        policy.preferences.maximumAdditionalKeys = 2
        let patch = PreferencesPatch(additional: [
            "a": .value(.bool(true)), "b": .value(.bool(true)), "c": .value(.bool(true)),
        ])
        #expect((try? policy.validate(patch)) == nil)
    }
}
