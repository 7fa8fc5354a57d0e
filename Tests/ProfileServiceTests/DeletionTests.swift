import Foundation
import ProfileKit
import Testing

/// Account deletion: owner only, and it cascades to everything the user had.
@Suite("Deletion")
struct DeletionTests {
    @Test(
        "deleting removes account, profile, preferences, edges both ways and media; the name is held",
        arguments: StoreKind.allCases)
    func cascade(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .creator)
        defer { harness.cleanUp() }
        let doomed = try await harness.registerUser("doomed")
        let friend = try await harness.registerUser("friend")
        try await seedProfile(
            ProfilePatch(username: .value("friend")), for: friend, in: harness.store, at: harness.clock.now())
        try await harness.createProfile(for: doomed)
        _ = try await harness.service.uploadMedia(TestImages.png, for: .user(doomed))
        try await harness.service.follow(friend, for: .user(doomed))
        try await harness.service.follow(doomed, for: .user(friend))
        #expect(harness.media.keys.count == 1)

        let removed = try await harness.service.deleteUser(doomed, for: .user(doomed))

        #expect(removed.profile?.username?.rawValue == "john_doe")
        #expect(try await harness.store.record(for: doomed) == nil)
        #expect(try await harness.store.socialCounts(for: friend) == SocialCounts(followers: 0, following: 0))
        #expect(harness.media.keys.count == 0)
        let error = await profileError { _ = try await harness.service.ownProfile(for: .user(doomed)) }
        #expect(error?.status == .notFound)
        let held = await profileError {
            _ = try await harness.service.changeUsername(to: "john_doe", for: .user(friend))
        }
        #expect(held?.code == .usernameHeld, "the creator preset holds a deleted user's name for 90 days")
        harness.clock.advance(by: 90 * 86_400)
        try await harness.createProfile(for: friend)
    }
}
