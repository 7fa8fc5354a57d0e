import Foundation
import ProfileKit
import Testing

/// Follow, unfollow, block, unblock, and the flags the social spec derives from them.
@Suite("Relationships")
struct RelationshipTests {
    @Test(
        "following sets isFollowing for the follower and isFollowedBy for the followed", arguments: StoreKind.allCases)
    func followFlags(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .social)
        defer { harness.cleanUp() }
        let alice = try await harness.registerUserWithProfile("alice")
        let bob = try await harness.registerUserWithProfile("bob")

        let relationship = try await harness.service.follow(bob, for: .user(alice))
        #expect(relationship.isFollowing)

        let aliceSeenByBob = try await harness.service.publicProfile(userID: alice.rawValue, for: .user(bob))
        #expect(aliceSeenByBob.relationship == Relationship(subjectFollowsViewer: true))
        let bobSeenByAlice = try await harness.service.publicProfile(userID: bob.rawValue, for: .user(alice))
        #expect(bobSeenByAlice.relationship?.isFollowing == true)
        #expect(bobSeenByAlice.socialCounts.followers == 1)
        let own = try await harness.service.publicProfile(userID: bob.rawValue, for: .user(bob))
        #expect(own.isOwnProfile)
        #expect(own.relationship == nil)
    }

    @Test("blocking removes follows both ways and forbids following again", arguments: StoreKind.allCases)
    func blockRemovesFollows(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .social)
        defer { harness.cleanUp() }
        let alice = try await harness.registerUserWithProfile("alice")
        let bob = try await harness.registerUserWithProfile("bob")
        try await harness.service.follow(bob, for: .user(alice))
        try await harness.service.follow(alice, for: .user(bob))

        let blocked = try await harness.service.block(bob, for: .user(alice))
        #expect(blocked == Relationship(viewerBlocksSubject: true))

        // Bob cannot tell alice's block from a missing user; alice is told to unblock first.
        let blockedFollower = await profileError { _ = try await harness.service.follow(alice, for: .user(bob)) }
        #expect(blockedFollower == .userNotFound)
        let blocker = await profileError { _ = try await harness.service.follow(bob, for: .user(alice)) }
        #expect(blocker?.status == .badRequest)
        #expect(blocker?.code == .invalidRelationship)
        #expect(blocker?.message.contains(bob.rawValue) == false)
        let unblocked = try await harness.service.unblock(bob, for: .user(alice))
        #expect(unblocked == .none)
    }

    @Test("following oneself is 400 and following an unknown user is 404")
    func invalidFollows() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .social)
        let alice = try await harness.registerUserWithProfile("alice")
        let selfFollow = await profileError { _ = try await harness.service.follow(alice, for: .user(alice)) }
        #expect(selfFollow?.status == .badRequest)
        let ghost = try #require(UserID("ghost"))
        let unknown = await profileError { _ = try await harness.service.follow(ghost, for: .user(alice)) }
        #expect(unknown?.status == .notFound)
    }
}
