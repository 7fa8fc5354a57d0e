import Foundation
import ProfileKit
import Testing

/// The policy's media quota refuses the upload that would exceed it, with a 413 naming the limit,
/// and leaves the record and the files as they were.
@Suite("Media quota")
struct MediaQuotaTests {
    static func policy(files: Int, bytes: Int) -> ValidationPolicy {
        var policy = ValidationPolicy.creator
        policy.mediaQuota = MediaQuota(maximumFiles: files, maximumBytes: bytes)
        return policy
    }

    @Test("the (N+1)th file is refused with 413 naming the count limit", arguments: [1, 2, 3, 5], MediaKind.allCases)
    func countLimit(limit: Int, mediaKind: MediaKind) async throws {
        let harness = try MediaHarness(.inMemory, mediaKind, policy: Self.policy(files: limit, bytes: 1 << 30))
        defer { harness.cleanUp() }
        let user = try await harness.registerWithProfile("collector")
        for index in 0..<limit {
            _ = try await harness.service.uploadMedia(
                TestImages.distinctPNG(index), purpose: "kind-\(index)", for: .user(user))
        }
        let before = try await harness.store.record(for: user)
        let filesBefore = try harness.files()

        let error = await profileError {
            _ = try await harness.service.uploadMedia(
                TestImages.distinctPNG(limit), purpose: "kind-\(limit)", for: .user(user))
        }

        #expect(error?.status == .payloadTooLarge)
        #expect(error?.fieldErrors.first?.field == "media")
        #expect(error?.fieldErrors.first?.limit == limit)
        #expect(error?.message.contains("the limit is \(limit) per user") == true, "\(String(describing: error))")
        #expect(try await harness.store.record(for: user) == before)
        #expect(try harness.files() == filesBefore)
        #expect(filesBefore.count == limit)
    }

    @Test("the upload that would pass the byte budget is refused with 413 naming it", arguments: MediaKind.allCases)
    func byteLimit(mediaKind: MediaKind) async throws {
        let size = TestImages.distinctPNG(0, padding: 1000).count
        let budget = 3 * size + size / 2
        let harness = try MediaHarness(.inMemory, mediaKind, policy: Self.policy(files: 100, bytes: budget))
        defer { harness.cleanUp() }
        let user = try await harness.registerWithProfile("hoarder")
        for index in 0..<3 {
            _ = try await harness.service.uploadMedia(
                TestImages.distinctPNG(index, padding: 1000), purpose: "kind-\(index)", for: .user(user))
        }
        let before = try await harness.store.record(for: user)

        let error = await profileError {
            _ = try await harness.service.uploadMedia(
                TestImages.distinctPNG(3, padding: 1000), purpose: "kind-3", for: .user(user))
        }

        #expect(error?.status == .payloadTooLarge)
        #expect(error?.fieldErrors.first?.limit == budget)
        #expect(error?.message.contains("\(4 * size) bytes in total; the limit is \(budget)") == true)
        #expect(try await harness.store.record(for: user) == before)
        #expect(try harness.files().count == 3)
    }

    @Test("through upload-media: a pending upload replaces, so only a user at the limit with an avatar is refused")
    func endpointRefusal() async throws {
        let harness = try MediaHarness(.inMemory, .inMemory, policy: Self.policy(files: 1, bytes: 1 << 30))
        let user = try await harness.registerWithProfile("limited")
        let first = try MediaLifecycleTests.url(await harness.upload(TestImages.distinctPNG(1), for: user))
        let replacing = await harness.upload(TestImages.distinctPNG(2), for: user)
        let avatar = try MediaLifecycleTests.url(replacing)
        _ = await harness.setAvatar("\"\(avatar)\"", for: user)
        let before = try await harness.store.record(for: user)

        let refused = await harness.upload(TestImages.distinctPNG(3), for: user)

        #expect(first != avatar)
        #expect(replacing.status == .ok)
        #expect(refused.status == .payloadTooLarge)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(refused.body)) as? [String: Any])
        #expect(body["error"] as? String == "payload_too_large")
        #expect((body["message"] as? String)?.contains("the limit is 1 per user") == true, "\(refused.bodyText)")
        #expect(try await harness.store.record(for: user) == before)
        #expect(try harness.files().count == 1)
    }

    @Test("the presets: an avatar and a pending upload (creator and default), one attached avatar (Django)")
    func presets() {
        #expect(ValidationPolicy.creator.mediaQuota == MediaQuota(maximumFiles: 2, maximumBytes: 10 * 1024 * 1024))
        #expect(ValidationPolicy.default.mediaQuota == ValidationPolicy.creator.mediaQuota)
        #expect(ValidationPolicy.django.mediaQuota.maximumFiles == 1)
        #expect(ValidationPolicy.django.mediaQuota.maximumBytes == ValidationPolicy.django.imageUpload.maximumBytes)
    }
}
