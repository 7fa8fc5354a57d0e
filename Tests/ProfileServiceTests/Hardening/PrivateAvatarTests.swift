import Foundation
import ProfileKit
import ProfileKitTestSupport
import Testing

/// Private avatars (issue 14, item 5): an upload through the service or through a spec's endpoint
/// is stored without its location and other metadata, with its orientation and colour profile,
/// and the stored bytes are the ones hashed into the media key.
@Suite("Private avatars: uploads are stored without location and other metadata")
struct PrivateAvatarTests {
    /// The formats that carry an orientation, with a file of each that carries everything.
    static let files: [(String, [UInt8])] = [
        ("jpeg", MetadataImages.jpeg(8, 6)), ("png", MetadataImages.png(8, 6)), ("webp", MetadataImages.webp(8, 6)),
    ]

    static func file(_ name: String) throws -> [UInt8] {
        try #require(files.first { $0.0 == name }?.1)
    }

    /// The findings on what `media` holds under `key`, `original`'s stripped form.
    static func findings(in media: InMemoryMediaStore, key: String, original: [UInt8]) async throws -> [String] {
        let stored = try await media.bytes(for: key)
        return MetadataImages.privacyFindings(stored: stored, original: original, orientation: 6)
    }

    @Test(
        "ProfileService.uploadMedia: no GPS, XMP or comment is stored; orientation and ICC are",
        arguments: StoreKind.allCases, files.map(\.0))
    func service(kind: StoreKind, format: String) async throws {
        let harness = try ServiceHarness(kind, policy: .creator)
        defer { harness.cleanUp() }
        let user = try await harness.registerUser("john")
        let original = try Self.file(format)

        let upload = try await harness.service.uploadMedia(original, purpose: "avatar", for: .user(user))

        #expect(try await Self.findings(in: harness.media, key: upload.reference.key, original: original) == [])
        let stored = try await harness.media.bytes(for: upload.reference.key)
        #expect(stored.count < original.count)
        // The key is the hash of the stored bytes: uploading them as they are finds the same file.
        let again = try await harness.service.uploadMedia(stored, purpose: "avatar", for: .user(user))
        #expect(again.reference.key == upload.reference.key)
        #expect(harness.media.keys.count == 1)
    }

    @Test(
        "ProfileService.updateUser with an avatar (Django's use case) stores the stripped file",
        arguments: StoreKind.allCases)
    func serviceUpdateUser(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .django)
        defer { harness.cleanUp() }
        let user = try await harness.registerUser("john")
        let original = try Self.file("jpeg")

        _ = try await harness.service.updateUser(user, with: ProfileUpdate(), avatar: original, for: .user(user))

        let reference = try #require(try await harness.store.record(for: user)?.media.first)
        #expect(try await Self.findings(in: harness.media, key: reference.key, original: original) == [])
    }

    @Test(
        "creator POST /api/v1/profiles/upload-media: the stored file is private and its size is the stored one",
        arguments: StoreKind.allCases, files.map(\.0))
    func creatorEndpoint(kind: StoreKind, format: String) async throws {
        let client = try await SpecClient.creator(kind)
        defer { client.cleanUp() }
        let original = try Self.file(format)

        let upload = await client.send("POST", "/api/v1/profiles/upload-media", as: client.user, bytes: original)

        #expect(upload.status == 200, "\(upload.text)")
        let reference = try #require(try await client.record()?.media.first)
        #expect(try await Self.findings(in: client.harness.media, key: reference.key, original: original) == [])
        #expect(upload.json["size"] as? Int == reference.byteCount)
        #expect(reference.byteCount < original.count)
    }

    @Test(
        "Django PUT /api/users/update-profile/{pk}/ with an avatar part: the stored file is private",
        arguments: StoreKind.allCases, files.map(\.0))
    func djangoEndpoint(kind: StoreKind, format: String) async throws {
        let client = try await DjangoProfileTests.client(kind)
        defer { client.cleanUp() }
        let original = try Self.file(format)

        let response = await client.send(
            "PUT", "/api/users/update-profile/1/", as: DjangoProfileTests.john, avatar: original)

        #expect(response.status == 200, "\(response.text)")
        let reference = try #require(try await client.record(DjangoProfileTests.john)?.media.first)
        #expect(try await Self.findings(in: client.harness.media, key: reference.key, original: original) == [])
    }

    @Test(
        "a metadata segment that runs past the end is 415 invalid_format through both endpoints; nothing stored",
        arguments: StoreKind.allCases)
    func damagedMetadata(kind: StoreKind) async throws {
        let original = try Self.file("jpeg")
        // The EXIF APP1 segment (after SOI and the 20-byte JFIF APP0) claims 65,535 bytes.
        var damaged = original
        damaged.replaceSubrange(26..<28, with: [0xFF, 0xFF])
        let creator = try await SpecClient.creator(kind)
        defer { creator.cleanUp() }
        let django = try await DjangoProfileTests.client(kind)
        defer { django.cleanUp() }

        let responses = [
            await creator.send("POST", "/api/v1/profiles/upload-media", as: creator.user, bytes: damaged),
            await django.send("PUT", "/api/users/update-profile/1/", as: DjangoProfileTests.john, avatar: damaged),
        ]

        for response in responses {
            #expect(response.status == 415, "\(response.text)")
            #expect(response.text.contains("invalid_format"), "\(response.text)")
        }
        #expect(creator.harness.media.keys.isEmpty && django.harness.media.keys.isEmpty)
    }
}
