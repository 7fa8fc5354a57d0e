import Foundation
import ProfileKit
import Testing

/// Account states through the service: every transition, every refused one, and what each
/// state does to public views and to the owner's writes, on both stores.
@Suite("Account states")
struct AccountStateTests {
    static let moderator = Caller.operator(name: "mod", scopes: [.suspendAccounts, .purgeAccounts])
    static let day: TimeInterval = 86_400

    /// A harness with `alice` (profile, username `alice`) and `bob` (profile, username `bob`).
    static func harness(
        _ kind: StoreKind, policy: ValidationPolicy = .social
    ) async throws -> (
        ServiceHarness, alice: UserID, bob: UserID
    ) {
        let harness = try ServiceHarness(kind, policy: policy)
        return (
            harness, try await harness.registerUserWithProfile("alice"),
            try await harness.registerUserWithProfile("bob")
        )
    }

    static func code(_ body: () async throws -> Void) async -> ProfileError.Code? {
        await profileError(body)?.code
    }

    static func publicCodes(
        _ service: ProfileService, _ user: UserID, _ name: String, as caller: Caller
    ) async
        -> [ProfileError.Code?]
    {
        [
            await code { _ = try await service.publicProfile(userID: user.rawValue, for: caller) },
            await code { _ = try await service.publicProfile(username: name, for: caller) },
        ]
    }

    @Test("deactivation hides the account like a missing user; the owner reactivates it", arguments: StoreKind.allCases)
    func deactivateAndReactivate(kind: StoreKind) async throws {
        let (harness, alice, bob) = try await Self.harness(kind)
        defer { harness.cleanUp() }
        let service = harness.service

        #expect(
            try await service.deactivateAccount(alice, for: .user(alice)) == .deactivated(since: harness.clock.now()))
        let missing = try #require(UserID("user-nobody"))
        for caller in [Caller.anonymous, .user(bob), .user(alice)] {
            #expect(await Self.publicCodes(service, alice, "alice", as: caller) == [.notFound, .notFound])
            let hidden = await profileError { _ = try await service.publicProfile(userID: alice.rawValue, for: caller) }
            let absent = await profileError {
                _ = try await service.publicProfile(userID: missing.rawValue, for: caller)
            }
            #expect(hidden == absent, "a deactivated account answers exactly as a missing one")
        }
        #expect(await Self.code { try await service.follow(alice, for: .user(bob)) } == .notFound)
        #expect(try await service.ownProfile(for: .user(alice)).userID == alice, "the owner still reads their own")
        #expect(
            await Self.code { try await service.deactivateAccount(alice, for: .user(alice)) } == .accountStateConflict)

        #expect(try await service.reactivateAccount(alice, for: .user(alice)) == .active)
        #expect(try await service.publicProfile(username: "alice", for: .user(bob)).userID == alice)
        #expect(
            await Self.code { try await service.reactivateAccount(alice, for: .user(alice)) } == .accountStateConflict)
    }

    @Test("only the owner deactivates, reactivates, requests or cancels a deletion", arguments: StoreKind.allCases)
    func ownerOnlyTransitions(kind: StoreKind) async throws {
        let (harness, alice, bob) = try await Self.harness(kind)
        defer { harness.cleanUp() }
        let service = harness.service
        let calls: [(String, (Caller) async throws -> Void)] = [
            ("deactivate", { try await service.deactivateAccount(alice, for: $0) }),
            ("reactivate", { try await service.reactivateAccount(alice, for: $0) }),
            ("request deletion", { try await service.requestDeletion(alice, for: $0) }),
            ("cancel deletion", { try await service.cancelDeletion(alice, for: $0) }),
        ]
        for (name, call) in calls {
            #expect(await Self.code { try await call(.anonymous) } == .unauthenticated, "\(name) anonymous")
            #expect(await Self.code { try await call(.user(bob)) } == .forbidden, "\(name) by a stranger")
            #expect(await Self.code { try await call(Self.moderator) } == .forbidden, "\(name) by an operator")
        }
        #expect(try await harness.store.record(for: alice)?.state == .active, "nothing changed")
        let nobody = try #require(UserID("user-nobody"))
        #expect(await Self.code { try await service.deactivateAccount(nobody, for: .user(nobody)) } == .notFound)
    }

    @Test(
        "a suspension refuses public views and the owner's writes, not the owner's reads", arguments: StoreKind.allCases
    )
    func suspensionRefusesViewsAndWrites(kind: StoreKind) async throws {
        let (harness, alice, bob) = try await Self.harness(kind)
        defer { harness.cleanUp() }
        let service = harness.service
        try await service.suspendAccount(alice, until: nil, for: Self.moderator)

        for caller in [Caller.anonymous, .user(bob)] {
            #expect(
                await Self.publicCodes(service, alice, "alice", as: caller) == [.accountSuspended, .accountSuspended])
        }
        let error = await profileError { _ = try await service.publicProfile(username: "alice", for: .anonymous) }
        #expect(error?.message == "This account is suspended indefinitely")
        let writes: [(String, () async throws -> Void)] = [
            (
                "upsert",
                {
                    _ = try await service.upsertProfile(
                        ProfileUpdate(profile: ProfilePatch(bio: .value("hi"))), for: .user(alice))
                }
            ),
            ("rename", { _ = try await service.changeUsername(to: "alice2", for: .user(alice)) }),
            ("upload", { _ = try await service.uploadMedia(TestImages.png, for: .user(alice)) }),
            ("follow", { _ = try await service.follow(bob, for: .user(alice)) }),
            ("block", { _ = try await service.block(bob, for: .user(alice)) }),
            ("delete", { _ = try await service.deleteUser(alice, for: .user(alice)) }),
            ("reactivate", { try await service.reactivateAccount(alice, for: .user(alice)) }),
            ("deactivate", { try await service.deactivateAccount(alice, for: .user(alice)) }),
            ("request deletion", { try await service.requestDeletion(alice, for: .user(alice)) }),
        ]
        for (name, write) in writes {
            #expect(await Self.code(write) == .accountSuspended, "\(name) while suspended")
        }
        #expect(harness.media.keys.isEmpty, "the refused upload left no file")
        #expect(try await service.ownProfile(for: .user(alice)).profile?.username?.rawValue == "alice")
        #expect(
            try await service.accountState(of: alice, for: .user(alice))
                == .suspended(since: harness.clock.now(), until: nil))
        #expect(await Self.code { try await service.follow(alice, for: .user(bob)) } == .notFound)
    }

    @Test(
        "another user's state: read with accounts:read or accounts:suspend; 403 other scopes and users; 404 unknown",
        arguments: StoreKind.allCases)
    func operatorReadsState(kind: StoreKind) async throws {
        let (harness, alice, bob) = try await Self.harness(kind)
        defer { harness.cleanUp() }
        let service = harness.service
        try await service.suspendAccount(alice, until: nil, for: Self.moderator)
        let suspended = AccountState.suspended(since: harness.clock.now(), until: nil)
        let readers = [
            Caller.operator(name: "support", scopes: [.readAccounts]),
            .operator(name: "suspender", scopes: [.suspendAccounts]), .user(alice),
        ]
        for caller in readers {
            #expect(try await service.accountState(of: alice, for: caller) == suspended, "\(caller)")
        }
        let refused = [
            Caller.operator(name: "other", scopes: [.purgeAccounts, .releaseUsernames]), .user(bob),
        ]
        for caller in refused {
            #expect(await Self.code { _ = try await service.accountState(of: alice, for: caller) } == .forbidden)
        }
        #expect(await Self.code { _ = try await service.accountState(of: alice, for: .anonymous) } == .unauthenticated)
        let nobody = try #require(UserID("user-nobody"))
        #expect(await Self.code { _ = try await service.accountState(of: nobody, for: readers[0]) } == .notFound)
    }

    @Test("only an operator with the suspend scope suspends or reinstates", arguments: StoreKind.allCases)
    func suspensionNeedsTheScope(kind: StoreKind) async throws {
        let (harness, alice, bob) = try await Self.harness(kind)
        defer { harness.cleanUp() }
        let service = harness.service
        let purger = Caller.operator(name: "purger", scopes: [.purgeAccounts])
        for caller in [Caller.user(bob), .user(alice), purger] {
            #expect(await Self.code { try await service.suspendAccount(alice, until: nil, for: caller) } == .forbidden)
        }
        #expect(
            await Self.code { try await service.suspendAccount(alice, until: nil, for: .anonymous) } == .unauthenticated
        )
        #expect(await Self.code { _ = try await service.accountState(of: alice, for: .user(bob)) } == .forbidden)
        try await service.suspendAccount(alice, until: nil, for: Self.moderator)
        for caller in [Caller.user(bob), .user(alice), purger] {
            #expect(await Self.code { try await service.reinstateAccount(alice, for: caller) } == .forbidden)
        }
        #expect(try await service.reinstateAccount(alice, for: Self.moderator) == .active)
        #expect(
            await Self.code { try await service.reinstateAccount(alice, for: Self.moderator) } == .accountStateConflict)
        let nobody = try #require(UserID("user-nobody"))
        #expect(
            await Self.code { try await service.suspendAccount(nobody, until: nil, for: Self.moderator) } == .notFound)
        let past = harness.clock.now()
        #expect(
            await Self.code { try await service.suspendAccount(alice, until: past, for: Self.moderator) }
                == .validationFailed)
    }

    @Test("a suspension until a date lifts itself at that date by the service's clock", arguments: StoreKind.allCases)
    func suspensionExpires(kind: StoreKind) async throws {
        let (harness, alice, bob) = try await Self.harness(kind)
        defer { harness.cleanUp() }
        let service = harness.service
        let until = harness.clock.now() + Self.day
        try await service.suspendAccount(alice, until: until, for: Self.moderator)
        harness.clock.advance(by: Self.day - 1)
        #expect(
            await Self.publicCodes(service, alice, "alice", as: .user(bob)) == [.accountSuspended, .accountSuspended])
        harness.clock.advance(by: 1)
        #expect(try await service.publicProfile(username: "alice", for: .user(bob)).userID == alice)
        #expect(try await service.accountState(of: alice, for: Self.moderator) == .active)
        _ = try await service.upsertProfile(
            ProfileUpdate(profile: ProfilePatch(bio: .value("back"))), for: .user(alice))
        try await service.deactivateAccount(alice, for: .user(alice))
    }

    @Test(
        "a deletion request hides the account; the owner cancels within the grace period, not after",
        arguments: StoreKind.allCases)
    func deletionGracePeriod(kind: StoreKind) async throws {
        var policy = ValidationPolicy.social
        policy.deletionGracePeriod = .seconds(7 * 86_400)
        let (harness, alice, bob) = try await Self.harness(kind, policy: policy)
        defer { harness.cleanUp() }
        let service = harness.service
        let start = harness.clock.now()

        #expect(
            try await service.requestDeletion(alice, for: .user(alice))
                == .pendingDeletion(requestedAt: start, purgeAfter: start + 7 * Self.day))
        #expect(await Self.publicCodes(service, alice, "alice", as: .user(bob)) == [.notFound, .notFound])
        #expect(
            await Self.code { try await service.requestDeletion(alice, for: .user(alice)) } == .accountStateConflict)
        harness.clock.advance(by: 7 * Self.day - 1)
        #expect(try await service.purgeExpiredDeletions() == [], "nothing is due before the grace period ends")
        #expect(try await service.cancelDeletion(alice, for: .user(alice)) == .active)
        #expect(await Self.code { try await service.cancelDeletion(alice, for: .user(alice)) } == .accountStateConflict)

        try await service.requestDeletion(alice, for: .user(alice))
        harness.clock.advance(by: 7 * Self.day)
        let late = await profileError { try await service.cancelDeletion(alice, for: .user(alice)) }
        #expect(late?.code == .accountStateConflict)
        #expect(late?.status == .conflict)
        #expect(try await harness.store.record(for: alice)?.state.name == "pending_deletion")
    }

    @Test(
        "the purge deletes exactly the due accounts with their edges and media; their names are held as after any deletion",
        arguments: StoreKind.allCases)
    func purgeDeletesDueAccounts(kind: StoreKind) async throws {
        let (harness, alice, bob) = try await Self.harness(kind)
        defer { harness.cleanUp() }
        let service = harness.service
        let carol = try await harness.registerUserWithProfile("carol")
        _ = try await service.uploadMedia(TestImages.png, for: .user(alice))
        try await service.follow(bob, for: .user(alice))
        try await service.requestDeletion(alice, for: .user(alice))
        harness.clock.advance(by: Self.day)
        try await service.requestDeletion(carol, for: .user(carol))
        try await service.deactivateAccount(bob, for: .user(bob))
        harness.clock.advance(by: 29 * Self.day)

        #expect(try await service.purgeExpiredDeletions() == [alice])
        #expect(try await harness.store.record(for: alice) == nil)
        #expect(harness.media.keys.isEmpty)
        #expect(try await harness.store.socialCounts(for: bob) == SocialCounts())
        #expect(try await harness.store.record(for: carol)?.state.name == "pending_deletion")
        #expect(try await harness.store.record(for: bob)?.state.name == "deactivated")
        #expect(try await service.purgeExpiredDeletions() == [], "a second run finds nothing")
        try await service.reactivateAccount(bob, for: .user(bob))
        // The social preset holds a deleted user's name forever, a purge included.
        #expect(await Self.code { _ = try await service.changeUsername(to: "alice", for: .user(bob)) } == .usernameHeld)
    }

    @Test(
        "an operator with the purge scope purges a pending deletion early, nothing else", arguments: StoreKind.allCases)
    func operatorPurge(kind: StoreKind) async throws {
        let (harness, alice, bob) = try await Self.harness(kind)
        defer { harness.cleanUp() }
        let service = harness.service
        let suspender = Caller.operator(name: "suspender", scopes: [.suspendAccounts])
        #expect(await Self.code { try await service.purgeAccount(bob, for: Self.moderator) } == .accountStateConflict)
        try await service.requestDeletion(alice, for: .user(alice))
        for caller in [Caller.user(alice), .user(bob), suspender] {
            #expect(await Self.code { try await service.purgeAccount(alice, for: caller) } == .forbidden)
        }
        #expect(await Self.code { try await service.purgeAccount(alice, for: .anonymous) } == .unauthenticated)
        #expect(try await service.purgeAccount(alice, for: Self.moderator).userID == alice)
        #expect(try await harness.store.record(for: alice) == nil)
        #expect(await Self.code { try await service.purgeAccount(alice, for: Self.moderator) } == .notFound)
        #expect(try await harness.store.record(for: bob)?.state == .active)
    }

    @Test(
        "a suspension overrides a pending deletion, and the owner cannot escape it by deleting",
        arguments: StoreKind.allCases)
    func suspensionOverridesDeletion(kind: StoreKind) async throws {
        let (harness, alice, _) = try await Self.harness(kind)
        defer { harness.cleanUp() }
        let service = harness.service
        try await service.requestDeletion(alice, for: .user(alice))
        try await service.suspendAccount(alice, until: nil, for: Self.moderator)
        harness.clock.advance(by: 31 * Self.day)
        #expect(try await service.purgeExpiredDeletions() == [])
        #expect(await Self.code { try await service.cancelDeletion(alice, for: .user(alice)) } == .accountStateConflict)
        #expect(try await harness.store.record(for: alice) != nil)
    }

    @Test(
        "a registered account without a profile answers every public look-up as a missing user",
        arguments: StoreKind.allCases)
    func accountWithoutProfileIsMissing(kind: StoreKind) async throws {
        let (harness, _, bob) = try await Self.harness(kind)
        defer { harness.cleanUp() }
        let service = harness.service
        let bare = try await harness.registerUser("bare")
        let missing = try #require(UserID("user-missing"))
        for caller in [Caller.anonymous, .user(bob)] {
            let registered = await profileError {
                _ = try await service.publicProfile(userID: bare.rawValue, for: caller)
            }
            let absent = await profileError {
                _ = try await service.publicProfile(userID: missing.rawValue, for: caller)
            }
            #expect(registered == absent)
            #expect(registered == .userNotFound)
        }
        try await service.suspendAccount(bare, until: nil, for: Self.moderator)
        let suspendedBare = await profileError {
            _ = try await service.publicProfile(userID: bare.rawValue, for: .anonymous)
        }
        #expect(suspendedBare == .userNotFound, "without a profile, even a suspended account is a missing user")
    }
}
