import ProfileDomain
import ProfileStore
import Testing

@Suite("MediaKey")
struct MediaKeyTests {
    static let digest = String(repeating: "ab", count: 32)
    static let tag = String(repeating: "0f", count: 16)

    /// Strings a caller might pass to escape the media directory or confuse the file system.
    static let hostileKeys: [String] = [
        "",
        ".",
        "..",
        "../etc/passwd",
        "/etc/passwd",
        "sha256-\(digest)-\(tag).png/../../x",
        "../sha256-\(digest)-\(tag).png",
        "sha256-\(digest)-\(tag)/png",
        "sha256-\(digest)-\(tag)..png",
        "sha256-\(digest)-\(tag).png\u{0}",
        "sha256-\(digest)-\(tag).p\u{0}g",
        "sha256-\(digest)-\(tag).PNG",
        "SHA256-\(digest)-\(tag).png",
        "sha256-\(digest.uppercased())-\(tag).png",
        "sha256-\(digest)-\(tag).",
        "sha256-\(digest)-\(tag)",
        "sha256-\(digest).png",
        "sha256-\(digest)-\(tag).png.exe",
        "sha256-\(digest)-\(tag).\(String(repeating: "a", count: 17))",
        "sha256-\(digest)0-\(tag).png",
        "sha256-\(digest.dropLast())-\(tag).png",
        "sha256-\(digest)-\(tag).pn g",
        "sha256-\(digest)-\(tag).pñg",
        "%2e%2e%2fetc%2fpasswd",
        "sha256-\(digest)-\(tag).png%2f..",
        ".upload-0123",
        "sha256-\(digest)-\(tag)\\.png",
    ]

    @Test("a key outside the strict grammar is refused", arguments: hostileKeys)
    func hostileKeyIsRefused(_ key: String) {
        #expect(MediaKey(key) == nil)
    }

    @Test("a well-formed key parses into its digest, owner tag and extension")
    func wellFormedKeyParses() throws {
        let key = try #require(MediaKey("sha256-\(Self.digest)-\(Self.tag).webp"))
        #expect(key.contentDigest == Self.digest)
        #expect(key.ownerTag == Self.tag)
        #expect(key.fileExtension == "webp")
        #expect(key.description == "sha256-\(Self.digest)-\(Self.tag).webp")
    }

    @Test("a key made from content round-trips through parsing and names its owner")
    func madeKeyRoundTrips() throws {
        let owner = UserID.random()
        let key = try MediaKey(content: Array("avatar".utf8), fileExtension: "png", owner: owner)
        #expect(MediaKey(key.rawValue) == key)
        #expect(key.isOwned(by: owner))
        #expect(!key.isOwned(by: .random()))
        #expect(key.ownerTag == MediaKey.ownerTag(for: owner))
    }

    @Test("owner tags are stable per user and differ between users, even ids with path characters")
    func ownerTags() throws {
        let slashy = try #require(UserID("../../etc"))
        let plain = try #require(UserID("etc"))
        #expect(MediaKey.ownerTag(for: slashy) == MediaKey.ownerTag(for: slashy))
        #expect(MediaKey.ownerTag(for: slashy) != MediaKey.ownerTag(for: plain))
        let key = try MediaKey(content: [1, 2, 3], fileExtension: "png", owner: slashy)
        #expect(!key.rawValue.contains("/"))
    }

    @Test(
        "an extension is normalized: one leading dot dropped, ASCII letters lowercased",
        arguments: [
            ("png", "png"), (".png", "png"), ("PNG", "png"), (".JpEg", "jpeg"), ("mp4", "mp4"),
        ])
    func extensionNormalization(input: String, normalized: String) throws {
        let key = try MediaKey(content: [0], fileExtension: input, owner: .random())
        #expect(key.fileExtension == normalized)
    }

    @Test(
        "a bad extension is an invalidFileExtension error",
        arguments: [
            "", ".", "..png", "p/g", "png\u{0}", "tar.gz", "pñg", String(repeating: "x", count: 17), " png",
        ])
    func badExtension(_ fileExtension: String) {
        #expect(throws: MediaStoreError.invalidFileExtension(fileExtension)) {
            try MediaKey(content: [0], fileExtension: fileExtension, owner: .random())
        }
    }
}
