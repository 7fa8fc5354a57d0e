import Foundation
import ProfileKit
import Testing

/// Uploaded media stays bounded: a new upload replaces the pending one, a replaced or cleared
/// avatar's file is deleted after the record stops naming it, and deleting a user deletes every
/// file of theirs.
@Suite("Media lifecycle")
struct MediaLifecycleTests {
    static let combinations: [(StoreKind, MediaKind)] = [
        (.inMemory, .inMemory), (.inMemory, .fileSystem), (.jsonFile, .fileSystem),
    ]

    @Test("repeated uploads leave one file: each replaces the pending one", arguments: combinations)
    func repeatedUploadsReplace(storeKind: StoreKind, mediaKind: MediaKind) async throws {
        let harness = try MediaHarness(storeKind, mediaKind)
        defer { harness.cleanUp() }
        let user = try await harness.registerWithProfile("uploader")

        for index in 0..<6 {
            let reply = await harness.upload(TestImages.distinctPNG(index), for: user)
            #expect(reply.status == .ok, "\(reply.bodyText)")
        }

        let record = try #require(try await harness.store.record(for: user))
        #expect(record.media.count == 1)
        #expect(try harness.files() == Set(record.media.map(\.key)))
        #expect(try await harness.violations(of: [user]) == [])
    }

    @Test(
        "an avatar replaced by another upload, by a URL, or cleared with null or empty deletes its file",
        arguments: combinations)
    func replacedAndClearedAvatars(storeKind: StoreKind, mediaKind: MediaKind) async throws {
        let harness = try MediaHarness(storeKind, mediaKind)
        defer { harness.cleanUp() }
        let user = try await harness.registerWithProfile("avatarist")
        var counts: [Int] = []
        func check() async throws {
            counts.append(try harness.files().count)
            #expect(try await harness.violations(of: [user]) == [])
        }

        let first = try Self.url(await harness.upload(TestImages.distinctPNG(1), for: user))
        _ = await harness.setAvatar("\"\(first)\"", for: user)
        try await check()  // the avatar: 1
        let second = try Self.url(await harness.upload(TestImages.distinctPNG(2), for: user))
        try await check()  // the avatar and one pending: 2
        _ = await harness.setAvatar("\"\(second)\"", for: user)
        try await check()  // the first is replaced: 1
        _ = await harness.setAvatar("\"https://cdn.example.com/a.png\"", for: user)
        try await check()  // replaced by a URL: 0
        let third = try Self.url(await harness.upload(TestImages.distinctPNG(3), for: user))
        _ = await harness.setAvatar("\"\(third)\"", for: user)
        _ = await harness.setAvatar("null", for: user)
        try await check()  // cleared with null: 0
        let fourth = try Self.url(await harness.upload(TestImages.distinctPNG(4), for: user))
        _ = await harness.setAvatar("\"\(fourth)\"", for: user)
        _ = await harness.setAvatar("\"\"", for: user)
        try await check()  // cleared with an empty string: 0

        #expect(counts == [1, 2, 1, 0, 0, 0])
        #expect(try await harness.store.record(for: user)?.media == [])
    }

    @Test("uploading the avatar's bytes again keeps its file; replacing it later deletes it once")
    func reuploadOfTheAvatar() async throws {
        let harness = try MediaHarness(.inMemory, .fileSystem)
        defer { harness.cleanUp() }
        let user = try await harness.registerWithProfile("repeater")
        let url = try Self.url(await harness.upload(TestImages.png, for: user))
        _ = await harness.setAvatar("\"\(url)\"", for: user)

        let again = try Self.url(await harness.upload(TestImages.png, for: user))
        _ = await harness.upload(TestImages.gif, for: user)

        #expect(again == url)
        #expect(try await harness.store.record(for: user)?.profile?.avatar == url)
        #expect(try harness.files().count == 2)
        #expect(try await harness.violations(of: [user]) == [])
    }

    @Test(
        "a Django avatar upload replaces the previous avatar and its file in one request", arguments: MediaKind.allCases
    )
    func djangoAvatarReplaces(mediaKind: MediaKind) async throws {
        let harness = try MediaHarness(.inMemory, mediaKind, policy: .django)
        defer { harness.cleanUp() }
        let user = try await harness.registerWithProfile("django_user")
        for index in 0..<4 {
            _ = try await harness.service.updateUser(
                user, with: ProfileUpdate(), avatar: TestImages.distinctPNG(index), for: .user(user))
        }
        #expect(try harness.files().count == 1)
        #expect(try await harness.violations(of: [user]) == [])
    }

    @Test(
        "deleting a user deletes every file of theirs, orphans included, and no one else's",
        arguments: combinations)
    func deletionCascades(storeKind: StoreKind, mediaKind: MediaKind) async throws {
        let harness = try MediaHarness(storeKind, mediaKind)
        defer { harness.cleanUp() }
        let doomed = try await harness.registerWithProfile("doomed")
        let bystander = try await harness.registerWithProfile("bystander")
        let avatar = try Self.url(await harness.upload(TestImages.distinctPNG(1), for: doomed))
        _ = await harness.setAvatar("\"\(avatar)\"", for: doomed)
        _ = await harness.upload(TestImages.distinctPNG(2), for: doomed)
        _ = await harness.upload(TestImages.distinctPNG(1), for: bystander)
        // A file a crash left between the write and the store step: on disk, in no record.
        let orphan = try await harness.deletions.put(
            TestImages.distinctPNG(3), contentType: "image/png", fileExtension: "png", purpose: "avatar", owner: doomed)
        #expect(try harness.files().count == 4)

        try await harness.service.deleteUser(doomed, for: .user(doomed))

        let remaining = try harness.files()
        #expect(remaining.count == 1)
        #expect(remaining.allSatisfy { MediaKey($0)?.isOwned(by: bystander) == true })
        #expect(!remaining.contains(orphan.key))
        #expect(harness.deletions.violations == [])
    }

    static func url(_ response: EndpointResponse) throws -> String {
        let body = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        return try #require(body["url"] as? String, "\(response.bodyText)")
    }
}
