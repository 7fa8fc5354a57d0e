import ProfileDomain
import ProfileValidation
import Testing

@Suite("Social links: https only, the platform's hosts, no userinfo, IPs or localhost")
struct SocialLinkTests {
    static func link(
        _ platform: String, _ value: String, _ policy: ValidationPolicy = .creator
    ) -> [String: [FieldErrorCode]] {
        codes(ProfilePatch(socialLinks: .value([platform: .value(value)])), policy, existing: storedProfile)
    }

    @Test(
        "hostile and off-platform links get a precise code",
        arguments: [
            ("https://instagram.com@evil.com/x", FieldErrorCode.userInfoNotAllowed),
            ("https://user:pass@instagram.com/x", .userInfoNotAllowed),
            ("https://evil.com/instagram.com", .forbiddenHost),
            ("https://instagram.com.evil.io/x", .forbiddenHost),
            ("https://127.0.0.1/x", .forbiddenHost), ("https://127.1/x", .forbiddenHost),
            ("https://2130706433/x", .forbiddenHost), ("https://0x7f000001/x", .forbiddenHost),
            ("https://0x7f.0.0.1/x", .forbiddenHost), ("https://[::1]/x", .forbiddenHost),
            ("https://[::ffff:127.0.0.1]/x", .forbiddenHost), ("https://localhost/x", .forbiddenHost),
            ("https://api.localhost/x", .forbiddenHost), ("https://xn--nstagram-9ib.com/x", .forbiddenHost),
            ("javascript:alert(1)", .notHTTPS), ("JAVASCRIPT://instagram.com/%0aalert(1)", .notHTTPS),
            ("data:text/html,<script>", .notHTTPS), ("ftp://instagram.com/x", .notHTTPS),
            ("http://instagram.com/x", .notHTTPS), ("https://instagram.com/x\u{0}", .forbiddenCharacters),
            ("https://instagram.com/\u{202E}x", .invalidURL), ("https://instagrаm.com/x", .invalidURL),
            ("https://instagram.com:443/x", .invalidURL), ("https://instagram.com./x", .invalidURL),
            ("https://evil.com\\@instagram.com/x", .invalidURL), ("https://instagram.com/a b", .invalidURL),
            ("https://instagram.com/%zz", .invalidURL), ("https://instagram.com/", .invalidURL),
            ("https://instagram.com", .invalidURL), ("https:instagram.com/x", .invalidURL),
            ("//instagram.com/x", .invalidURL), ("instagram.com/x", .invalidURL),
        ])
    func hostile(value: String, code: FieldErrorCode) {
        #expect(Self.link("instagram", value) == ["socialLinks.instagram": [code]])
    }

    @Test(
        "platform URLs are accepted with scheme and host lowercased",
        arguments: [
            ("instagram", "https://instagram.com/johndoe", "https://instagram.com/johndoe"),
            ("instagram", "HTTPS://WWW.INSTAGRAM.COM/JohnDoe", "https://www.instagram.com/JohnDoe"),
            ("tiktok", "https://tiktok.com/@johndoe", "https://tiktok.com/@johndoe"),
            ("youtube", "https://youtu.be/abc", "https://youtu.be/abc"),
            ("twitch", "https://twitch.tv/johndoe?x=1", "https://twitch.tv/johndoe?x=1"),
            ("twitter", "https://x.com/johndoe", "https://x.com/johndoe"),
            ("linkedin", "https://www.linkedin.com/in/john-doe", "https://www.linkedin.com/in/john-doe"),
        ])
    func accepted(platform: String, value: String, normalized: String) throws {
        let clean = try ValidationPolicy.creator.validate(
            ProfilePatch(socialLinks: .value([platform: .value(value)])), against: storedProfile)
        #expect(clean.normalized.socialLinks == .value([platform: .value(normalized)]))
    }

    @Test(
        "bare handles become canonical URLs where the policy accepts them",
        arguments: [
            ("instagram", "johndoe", "https://instagram.com/johndoe"),
            ("tiktok", "@johndoe", "https://tiktok.com/@johndoe"),
            ("youtube", "@john.doe", "https://youtube.com/@john.doe"),
            ("twitch", "johndoe", "https://twitch.tv/johndoe"),
            ("twitter", "@jd", "https://x.com/jd"), ("linkedin", "john-doe", "https://linkedin.com/in/john-doe"),
        ])
    func handles(platform: String, handle: String, url: String) throws {
        let clean = try ValidationPolicy.creator.validate(
            ProfilePatch(socialLinks: .value([platform: .value(handle)])), against: storedProfile)
        #expect(clean.normalized.socialLinks == .value([platform: .value(url)]))
        #expect(Self.link(platform, handle, .default) == ["socialLinks.\(platform)": [.invalidURL]])
    }

    @Test("a handle that breaks the platform's rule is invalid_characters")
    func badHandle() {
        #expect(
            Self.link("twitter", "@this_handle_is_too_long", .creator) == ["socialLinks.twitter": [.invalidCharacters]])
        #expect(Self.link("instagram", "jöhn", .creator) == ["socialLinks.instagram": [.invalidCharacters]])
    }

    @Test("http is upgraded to https when the policy allows http links")
    func httpAllowed() throws {
        var policy = ValidationPolicy.creator
        policy.socialLinks.allowsHTTP = true
        let clean = try policy.validate(
            ProfilePatch(socialLinks: .value(["twitch": .value("http://twitch.tv/jd")])), against: storedProfile)
        #expect(clean.normalized.socialLinks == .value(["twitch": .value("https://twitch.tv/jd")]))
    }

    @Test("links are bounded: limit passes, limit + 1 is too_long")
    func length() {
        let prefix = "https://instagram.com/"
        let atLimit = prefix + repeated("a", 500 - prefix.count)
        #expect(Self.link("instagram", atLimit).isEmpty)
        #expect(Self.link("instagram", atLimit + "a") == ["socialLinks.instagram": [.tooLong]])
    }

    @Test("every error at once: two bad links and an unknown platform, in path order")
    func allAtOnce() throws {
        let patch = ProfilePatch(
            socialLinks: .value([
                "tiktok": .value("https://evil.com/x"), "instagram": .value("http://instagram.com/x"),
                "myspace": .value("https://myspace.com/x"), "twitch": .null,
            ]))
        let report = try #require(
            throws: ValidationReport.self,
            performing: { try ValidationPolicy.creator.validate(patch, against: storedProfile) })
        #expect(report.errors.map(\.field) == ["socialLinks.instagram", "socialLinks.myspace", "socialLinks.tiktok"])
        #expect(report.errors.map(\.code) == [.notHTTPS, .unknownField, .forbiddenHost])
    }
}

@Suite("Image URLs: https, a public host, an image extension on the path, bounded")
struct ImageURLTests {
    @Test(
        "avatar and picture URLs",
        arguments: [
            ("https://cdn.example.com/a.jpg", nil), ("https://cdn.example.com/a.JPEG", nil),
            ("https://cdn.example.com/a.webp?size=2", nil),
            ("https://cdn.example.com/dir.png/a", FieldErrorCode.unsupportedType),
            ("https://cdn.example.com/a?f=.png", .unsupportedType), ("https://cdn.example.com/a.svg", .unsupportedType),
            ("https://cdn.example.com/a.bmp", .unsupportedType), ("http://cdn.example.com/a.jpg", .notHTTPS),
            ("data:image/png;base64,AAAA", .notHTTPS), ("https://169.254.169.254/a.jpg", .forbiddenHost),
            ("https://user@cdn.example.com/a.jpg", .userInfoNotAllowed), ("https://localhost/a.png", .forbiddenHost),
        ] as [(String, FieldErrorCode?)])
    func imageURL(value: String, code: FieldErrorCode?) {
        let expectedAvatar: [String: [FieldErrorCode]] = code.map { ["avatar": [$0]] } ?? [:]
        #expect(codes(ProfilePatch(avatar: .value(value)), .creator, existing: storedProfile) == expectedAvatar)
        let expectedPicture: [String: [FieldErrorCode]] = code.map { ["profilePictureUrls[1]": [$0]] } ?? [:]
        let pictures = ProfilePatch(pictureURLs: .value(["https://cdn.example.com/ok.png", value]))
        #expect(codes(pictures, .social, existing: storedProfile) == expectedPicture)
    }

    @Test("picture counts: limit - 1 and limit pass, limit + 1 is too_long", arguments: [4, 5, 6])
    func count(count: Int) {
        let urls = (0..<count).map { "https://cdn.example.com/\($0).jpg" }
        let result = codes(ProfilePatch(pictureURLs: .value(urls)), .social, existing: storedProfile)
        #expect(result == (count > 5 ? ["profilePictureUrls": [.tooLong]] : [:]))
    }

    @Test("URL length: 500 passes, 501 is too_long", arguments: [499, 500, 501])
    func length(length: Int) {
        let prefix = "https://cdn.example.com/"
        let url = prefix + repeated("p", length - prefix.count - 4) + ".jpg"
        let result = codes(ProfilePatch(avatar: .value(url)), .creator, existing: storedProfile)
        #expect(result == (length > 500 ? ["avatar": [.tooLong]] : [:]))
    }

    @Test("a repeated picture is a duplicate at its later index")
    func duplicates() {
        let url = "https://cdn.example.com/a.jpg"
        #expect(
            codes(
                ProfilePatch(pictureURLs: .value([url, "https://CDN.example.com/a.jpg"])), .social,
                existing: storedProfile)
                == ["profilePictureUrls[1]": [.duplicate]])
    }

    @Test("an empty avatar clears it")
    func emptyAvatar() {
        #expect(cleaned(ProfilePatch(avatar: .value("  ")), .creator, existing: storedProfile)?.avatar == .null)
    }
}
