import Foundation
import ProfileDomain
import ProfileValidation
import Testing

@Suite("Each error has one wording, made where it is raised, with the field's wire name")
struct ErrorWordingTests {
    static let stored = storedProfile

    @Test(
        "validation words an unknown platform once; the validated patch holds platforms, so a merge never meets one",
        arguments: ["myspace", "Instagram", "\u{202E}evil", String(repeating: "k", count: 80)])
    func unknownPlatform(key: String) throws {
        let patch = ProfilePatch(socialLinks: .value([key: .value("https://example.com/x")]))
        let report = try #require(
            throws: ValidationReport.self,
            performing: { try ValidationPolicy.creator.validate(patch, against: Self.stored) })
        #expect(report.errors == [FieldError.unknownPlatform(key)])
    }

    @Test("an unknown platform's message shows a hostile key as printable ASCII, at most 64 characters")
    func hostileKey() {
        let error = FieldError.unknownPlatform("\u{202E}x\n" + String(repeating: "k", count: 100))
        #expect(error.field.hasPrefix("socialLinks.?x?kkk"))
        #expect(error.field.hasSuffix("..."))
        #expect(error.field.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) })
        #expect(error.message.hasSuffix("use instagram, tiktok, youtube, twitch, twitter or linkedin"))
        #expect(error.code == .unknownField)
    }

    @Test(
        "a preset with wire names words every field error with them, path and message alike",
        arguments: [
            (
                ValidationPolicy.mobile, ProfilePatch(displayName: .value(String(repeating: "d", count: 101))),
                "display_name"
            ),
            (ValidationPolicy.django, ProfilePatch(firstName: .value("a\u{202E}b")), "first_name"),
            (ValidationPolicy.django, ProfilePatch(lastName: .value(String(repeating: "l", count: 201))), "last_name"),
            (ValidationPolicy.django, ProfilePatch(displayName: .value("x")), "displayName"),
        ])
    func wireNames(policy: ValidationPolicy, patch: ProfilePatch, wireName: String) throws {
        let report = try #require(
            throws: ValidationReport.self, performing: { try policy.validate(patch, against: Self.stored) })
        #expect(report.errors.map(\.field) == [wireName])
        #expect(report.errors.allSatisfy { $0.message.hasPrefix(wireName + " ") })
    }
}
