import ProfileDomain
import ProfileKitTestSupport
import ProfileValidation
import Testing

/// The one-pass acceptance paths only ever accept what the full checks accept, unchanged; near
/// misses fall through to the full checks, which still normalise or report them.
@Suite("Fast paths: stored-form values come back as sent, near misses still normalise or fail")
struct FastPathTests {
    /// The creator preset with nothing required, so that one field can be checked alone.
    static let creatorParts: ValidationPolicy = {
        var policy = ValidationPolicy.creator
        policy.requiredOnCreate = []
        return policy
    }()

    @Test("a valid patch already in stored form is returned equal to the input")
    func unchangedPatch() {
        let sample = SpecSamplePatches.creator()
        #expect(cleaned(sample, .creator) == sample)
    }

    @Test(
        "social links beside the stored form are normalised or refused by the full check",
        arguments: [
            ("https://Instagram.com/johndoe", "https://instagram.com/johndoe"),
            ("HTTPS://instagram.com/johndoe", "https://instagram.com/johndoe"),
            (" https://instagram.com/johndoe ", "https://instagram.com/johndoe"),
            ("https://instagram.com/john%20doe", "https://instagram.com/john%20doe"),
            ("@johndoe", "https://instagram.com/johndoe"),
        ])
    func linkNormalisation(raw: String, stored: String) {
        let patch = ProfilePatch(socialLinks: .value(["instagram": .value(raw)]))
        #expect(cleaned(patch, Self.creatorParts)?.socialLinks == .value(["instagram": .value(stored)]))
    }

    @Test(
        "URLs the one-pass scan leaves to the full parser keep their codes",
        arguments: [
            ("https://instagram.com", FieldErrorCode.invalidURL),
            ("https://instagram.com/", .invalidURL),
            ("https://instagram.com./johndoe", .invalidURL),
            ("https://instagram.com:443/johndoe", .invalidURL),
            ("https://instagram.com@evil.com/johndoe", .userInfoNotAllowed),
            ("https://evil.localhost/johndoe", .forbiddenHost),
            ("https://127.0.0.1/johndoe", .forbiddenHost),
            ("https://0x7f.0.0.1/johndoe", .forbiddenHost),
            ("https://instagram.com.evil.io/johndoe", .forbiddenHost),
            ("https://instagram.com/john%2", .invalidURL),
            ("https://instagram.com/john doe", .invalidURL),
            ("https://instagram.com/john\u{7F}", .forbiddenCharacters),
            ("http://instagram.com/johndoe", .notHTTPS),
        ])
    func linkRefusals(raw: String, code: FieldErrorCode) {
        let patch = ProfilePatch(socialLinks: .value(["instagram": .value(raw)]))
        #expect(codes(patch, .default)["socialLinks.instagram"] == [code])
    }

    @Test(
        "avatar URLs: the extension is matched on the path, case-insensitively, either way",
        arguments: [
            ("https://cdn.example.com/a.JPG", true),
            ("https://cdn.example.com/a.jpg?size=2", true),
            ("https://cdn.example.com/a.jpg/", false),
            ("https://cdn.example.com/a?x=.jpg", false),
            ("https://cdn.example.com/a.bmp", false),
        ])
    func avatarExtensions(raw: String, isValid: Bool) {
        let patch = ProfilePatch(avatar: .value(raw))
        #expect(codes(patch, Self.creatorParts).isEmpty == isValid)
    }

    @Test(
        "text, niches and usernames beside the stored form still normalise or fail",
        arguments: [
            (ProfilePatch(displayName: .value(" John ")), ProfilePatch(displayName: .value("John"))),
            (ProfilePatch(bio: .value("a\r\nb")), ProfilePatch(bio: .value("a\nb"))),
            (ProfilePatch(niches: .value(["Fitness"])), ProfilePatch(niches: .value(["fitness"]))),
            (ProfilePatch(username: .value(" john_doe")), ProfilePatch(username: .value("john_doe"))),
            (ProfilePatch(username: .value("John_Doe")), ProfilePatch(username: .value("John_Doe"))),
        ])
    func textNormalisation(patch: ProfilePatch, stored: ProfilePatch) {
        #expect(cleaned(patch, Self.creatorParts) == stored)
    }

    @Test("reserved names stay reserved after the set changes, in any case")
    func reservedAfterChange() {
        var policy = Self.creatorParts
        policy.reservedUsernames.insert("john_doe")
        #expect(codes(ProfilePatch(username: .value("john_doe")), policy)["username"] == [.reserved])
        #expect(codes(ProfilePatch(username: .value("JOHN_DOE")), policy)["username"] == [.reserved])
        #expect(codes(ProfilePatch(username: .value("admin")), policy)["username"] == [.reserved])
    }

    @Test("platform keys match exactly: a near miss is unknown_field")
    func platformKeys() {
        for key in ["instagra", "Instagram", "twitchh", "tiktok ", "linkedin\u{0}"] {
            let patch = ProfilePatch(socialLinks: .value([key: .value("https://instagram.com/johndoe")]))
            #expect(codes(patch, Self.creatorParts).values.flatMap { $0 } == [.unknownField], "\(key)")
        }
    }
}
