import Foundation
import ProfileKit
import Testing

/// Avatar uploads: checked by their bytes, stored, attached atomically, replaced cleanly.
@Suite("Avatar uploads")
struct AvatarUploadTests {
    @Test(
        "an update with an avatar file stores it and sets the avatar path in the same step",
        arguments: StoreKind.allCases)
    func avatarIsStoredAndSet(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .django)
        defer { harness.cleanUp() }
        let user = try await harness.registerUser("john")

        let result = try await harness.service.updateUser(
            user, with: ProfileUpdate(profile: ProfilePatch(firstName: .value("Jonathan"))), avatar: TestImages.png,
            for: .user(user))

        let record = try #require(try await harness.store.record(for: user))
        let reference = try #require(record.media.first)
        #expect(reference.contentType == "image/png")
        #expect(result.view.profile?.avatar == "/media/avatars/\(reference.key)")
        #expect(result.view.profile?.firstName == "Jonathan")
        #expect(try await harness.media.bytes(for: reference.key) == TestImages.png)
    }

    @Test("a replaced uploaded avatar is deleted from the media store")
    func replacedAvatarIsDeleted() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .django)
        let user = try await harness.registerUser("john")
        _ = try await harness.service.updateUser(user, with: ProfileUpdate(), avatar: TestImages.png, for: .user(user))
        _ = try await harness.service.updateUser(user, with: ProfileUpdate(), avatar: TestImages.gif, for: .user(user))

        let record = try #require(try await harness.store.record(for: user))
        #expect(record.media.count == 1)
        #expect(record.media.first?.contentType == "image/gif")
        #expect(harness.media.keys.count == 1)
    }

    @Test("a file that is not an image is 415 whatever its name, and nothing is stored")
    func notAnImage() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .django)
        let user = try await harness.registerUser("john")
        let error = await profileError {
            _ = try await harness.service.updateUser(
                user, with: ProfileUpdate(), avatar: TestImages.notAnImage, for: .user(user))
        }
        #expect(error?.status == .unsupportedMediaType)
        #expect(harness.media.keys.count == 0)
        #expect(try await harness.store.record(for: user)?.media == [])
    }

    @Test("a validation error in the same request stores neither the fields nor the file")
    func invalidFieldsDiscardTheUpload() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .django)
        let user = try await harness.registerUser("john")
        let before = try await harness.store.record(for: user)
        let error = await profileError {
            _ = try await harness.service.updateUser(
                user, with: ProfileUpdate(account: AccountPatch(phoneNumber: .value("not a phone"))),
                avatar: TestImages.png, for: .user(user))
        }
        #expect(error?.status == .unprocessableEntity)
        #expect(try await harness.store.record(for: user) == before)
        #expect(harness.media.keys.count == 0)
    }

    @Test("an upload without a media store is a 500 that leaks no internals")
    func noMediaStore() async throws {
        let service = ProfileService(store: InMemoryProfileStore(), policy: .creator)
        let user = try #require(UserID("u1"))
        try await service.registerAccount(Account(userID: user, createdAt: Date()))
        let error = await profileError { _ = try await service.uploadMedia(TestImages.png, for: .user(user)) }
        #expect(error?.status == .internalServerError)
        #expect(error?.message.contains("media") == false)
    }
}
