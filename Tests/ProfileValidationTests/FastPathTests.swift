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

    @Test(
        "a control character or non-ASCII byte anywhere in a bio, in the tail of its bytes too, is still found",
        arguments: [
            "Content creator\u{1}", "Content creator and\u{7F}", "Content\u{0} creator", "Creator\u{1}x",
            "Content creator and influencer\u{1}!",
        ])
    func textTailBytes(bio: String) {
        #expect(codes(ProfilePatch(bio: .value(bio)), Self.creatorParts)["bio"] == [.forbiddenCharacters])
    }

    @Test(
        "text of every length up to two words comes back as sent",
        arguments: Array(1...17))
    func textLengths(length: Int) {
        let patch = ProfilePatch(bio: .value(String("abcdefghijklmnopq".prefix(length))))
        #expect(cleaned(patch, Self.creatorParts) == patch)
    }

    @Test(
        "niches of every allowed character come back as sent",
        arguments: ["rock & roll", "k-pop", "80's", "c++", "web3.0", "fitness"])
    func canonicalNiches(niche: String) {
        let patch = ProfilePatch(niches: .value([niche]))
        #expect(cleaned(patch, Self.creatorParts) == patch)
    }

    @Test(
        "niches with a byte outside the allowed set are invalid_characters",
        arguments: ["fit_ness", "fit/ness", "fit@ness", "fit!ness", "fit,ness", "fit*ness", "fit{ness"])
    func nicheCharacters(niche: String) {
        let patch = ProfilePatch(niches: .value([niche]))
        #expect(codes(patch, Self.creatorParts)["niche[0]"] == [.invalidCharacters])
    }

    @Test(
        "avatar extensions match in any case, and only whole",
        arguments: [
            ("https://cdn.example.com/a.jpeg", true), ("https://cdn.example.com/a.WebP", true),
            ("https://cdn.example.com/a.jpgx", false), ("https://cdn.example.com/a.jp", false),
            ("https://cdn.example.com/a.pngg", false),
        ])
    func avatarExtensionCases(raw: String, isValid: Bool) {
        let patch = ProfilePatch(avatar: .value(raw))
        #expect(codes(patch, Self.creatorParts).isEmpty == isValid)
    }

    @Test("reserved names stay reserved after the set changes, in any case")
    func reservedAfterChange() {
        var policy = Self.creatorParts
        policy.reservedUsernames.insert("john_doe")
        #expect(codes(ProfilePatch(username: .value("john_doe")), policy)["username"] == [.reserved])
        #expect(codes(ProfilePatch(username: .value("JOHN_DOE")), policy)["username"] == [.reserved])
        #expect(codes(ProfilePatch(username: .value("admin")), policy)["username"] == [.reserved])
    }

    @Test(
        "every default reserved name of a valid length is refused: the pre-filter lets none through",
        arguments: ValidationPolicy.defaultReservedUsernames.filter { $0.utf8.count >= 3 }.sorted())
    func everyReservedNameRefused(name: String) {
        #expect(codes(ProfilePatch(username: .value(name)), Self.creatorParts)["username"] == [.reserved])
    }

    @Test("a reserved set holding a non-ASCII name still refuses its ASCII names and accepts others")
    func nonASCIIReservedSet() {
        var policy = Self.creatorParts
        policy.reservedUsernames = ["caf\u{E9}", "brand_name"]
        #expect(codes(ProfilePatch(username: .value("brand_name")), policy)["username"] == [.reserved])
        #expect(codes(ProfilePatch(username: .value("john_doe")), policy).isEmpty)
        #expect(codes(ProfilePatch(username: .value("admin")), policy).isEmpty)
    }

    @Test(
        "a link on any of a platform's hosts, with a query or fragment, comes back as sent",
        arguments: SocialPlatform.allCases.flatMap { platform in
            platform.hosts.flatMap { host in
                ["https://\(host)/johndoe", "https://\(host)/johndoe?ref=1", "https://\(host)/johndoe#top"].map {
                    (platform, $0)
                }
            }
        })
    func linkOnEveryHost(platform: SocialPlatform, url: String) {
        let patch = ProfilePatch(socialLinks: .value([platform.rawValue: .value(url)]))
        #expect(cleaned(patch, Self.creatorParts) == patch)
    }

    @Test(
        "a host that only starts or ends like a platform's host is forbidden_host",
        arguments: [
            "https://instagram.comx/johndoe", "https://instagram.co/johndoe", "https://xinstagram.com/johndoe",
            "https://instagram.com.evil.io/johndoe", "https://www.instagram.co/johndoe",
            "https://instagram.con/johndoe", "https://jnstagram.com/johndoe", "https://www.instagram.cox/johndoe",
        ])
    func hostNearMisses(url: String) {
        let patch = ProfilePatch(socialLinks: .value(["instagram": .value(url)]))
        #expect(codes(patch, Self.creatorParts)["socialLinks.instagram"] == [.forbiddenHost])
    }

    @Test("platform keys match exactly: a near miss is unknown_field")
    func platformKeys() {
        for key in ["instagra", "Instagram", "twitchh", "tiktok ", "linkedin\u{0}"] {
            let patch = ProfilePatch(socialLinks: .value([key: .value("https://instagram.com/johndoe")]))
            #expect(codes(patch, Self.creatorParts).values.flatMap { $0 } == [.unknownField], "\(key)")
        }
    }
}
