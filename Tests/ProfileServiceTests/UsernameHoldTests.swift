import Foundation
import ProfileKit
import Testing

/// Username holds and history through `ProfileService`: renames and deletions hold the left
/// name for the policy's durations, the owner reclaims, an operator releases, a lookup of a held
/// old handle names the new one.
@Suite("Username holds and history")
struct UsernameHoldTests {
    /// The social preset with a 10-day hold after a rename and no cooldown, so that tests can
    /// rename freely.
    static let policy: ValidationPolicy = {
        var policy = ValidationPolicy.social
        policy.usernameChangeCooldown = nil
        policy.usernameHoldAfterRename = .lasting(.seconds(10 * 86_400))
        policy.usernameHoldAfterDeletion = .lasting(.seconds(20 * 86_400))
        return policy
    }()

    static let releaser = Caller.operator(name: "support", scopes: [.releaseUsernames])

    @Test(
        "the owner sees every handle left, oldest first, and the holds in their favour", arguments: StoreKind.allCases)
    func history(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: Self.policy)
        defer { harness.cleanUp() }
        let alice = try await harness.registerUser("alice")
        let start = harness.clock.now()
        for (day, name) in ["alice", "alice_two", "alice_three"].enumerated() {
            harness.clock.advance(by: Double(day) * 86_400)
            _ = try await harness.service.changeUsername(to: name, for: .user(alice))
        }

        let view = try await harness.service.usernameHistory(for: .user(alice))

        #expect(view.username?.rawValue == "alice_three")
        #expect(view.history.map(\.username.rawValue) == ["alice", "alice_two"])
        #expect(view.history.map(\.leftAt) == [start.addingTimeInterval(86_400), start.addingTimeInterval(3 * 86_400)])
        #expect(view.holds.map(\.username.rawValue) == ["alice", "alice_two"])
        #expect(view.holds.first?.until == start.addingTimeInterval(11 * 86_400))
    }

    @Test("history: anonymous is 401, an operator 403 (not a user), a caller without a record 404")
    func historyErrors() async throws {
        let harness = try ServiceHarness(.inMemory, policy: Self.policy)
        let anonymous = await profileError { _ = try await harness.service.usernameHistory(for: .anonymous) }
        #expect(anonymous?.code == .unauthenticated)
        let byOperator = await profileError { _ = try await harness.service.usernameHistory(for: Self.releaser) }
        #expect(byOperator?.code == .forbidden)
        let error = await profileError { _ = try await harness.service.usernameHistory(for: .user(.random())) }
        #expect(error?.code == .notFound)
    }

    @Test(
        "an operator with accounts:read reads another user's history, the same view the owner reads",
        arguments: StoreKind.allCases)
    func operatorReadsHistory(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: Self.policy)
        defer { harness.cleanUp() }
        let alice = try await harness.registerUser("alice")
        for name in ["alice", "alice_two"] {
            _ = try await harness.service.changeUsername(to: name, for: .user(alice))
        }
        let reader = Caller.operator(name: "support", scopes: [.readAccounts])

        let view = try await harness.service.usernameHistory(of: alice, for: reader)

        #expect(view == (try await harness.service.usernameHistory(for: .user(alice))))
        #expect(view.history.map(\.username.rawValue) == ["alice"])
        #expect(view.holds.map(\.username.rawValue) == ["alice"])
        #expect(try await harness.service.usernameHistory(of: alice, for: .user(alice)) == view)
    }

    @Test(
        "another user's history: 401 anonymous, 403 a user or an operator without accounts:read, before the look-up",
        arguments: [
            (Caller.anonymous, ProfileError.Code.unauthenticated),
            (Caller.user(UserID("someone")!), .forbidden),
            (Caller.operator(name: "mod", scopes: [.suspendAccounts, .purgeAccounts, .releaseUsernames]), .forbidden),
        ])
    func operatorHistoryRefused(caller: Caller, code: ProfileError.Code) async throws {
        let harness = try ServiceHarness(.inMemory, policy: Self.policy)
        let alice = try await harness.registerUser("alice")
        for target in [alice, UserID.random()] {
            let error = await profileError { _ = try await harness.service.usernameHistory(of: target, for: caller) }
            #expect(error?.code == code, "\(target)")
        }
    }

    @Test("another user's history: 404 without a record; a record without a profile has no username")
    func operatorHistoryTargets() async throws {
        let harness = try ServiceHarness(.inMemory, policy: Self.policy)
        let reader = Caller.operator(name: "support", scopes: [.readAccounts])
        let missing = await profileError { _ = try await harness.service.usernameHistory(of: .random(), for: reader) }
        #expect(missing?.code == .notFound)
        let bare = UserID.random()
        try await harness.service.registerAccount(Account(userID: bare, createdAt: harness.clock.now()))
        let view = try await harness.service.usernameHistory(of: bare, for: reader)
        #expect(view.username == nil && view.history.isEmpty && view.holds.isEmpty)
    }

    @Test("the owner reclaims a held name; everyone else gets 409 username_held until the hold ends")
    func reclaim() async throws {
        let harness = try ServiceHarness(.inMemory, policy: Self.policy)
        let alice = try await harness.registerUser("alice")
        let bob = try await harness.registerUser("bob")
        _ = try await harness.service.changeUsername(to: "alice", for: .user(alice))
        _ = try await harness.service.changeUsername(to: "alice_new", for: .user(alice))

        let error = await profileError { _ = try await harness.service.changeUsername(to: "ALICE", for: .user(bob)) }
        #expect(error?.code == .usernameHeld)
        #expect(error?.fieldErrors.first?.message.contains("held for its previous owner until") == true)

        let back = try await harness.service.changeUsername(to: "Alice", for: .user(alice))
        #expect(back.view.profile?.username?.rawValue == "Alice")
        let taken = await profileError { _ = try await harness.service.changeUsername(to: "alice", for: .user(bob)) }
        #expect(taken?.code == .usernameTaken, "once reclaimed, the name is simply taken")
    }

    @Test("an operator with usernames:release frees a held name at once", arguments: StoreKind.allCases)
    func operatorRelease(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: Self.policy)
        defer { harness.cleanUp() }
        let alice = try await harness.registerUser("alice")
        let bob = try await harness.registerUser("bob")
        _ = try await harness.service.changeUsername(to: "brand", for: .user(alice))
        _ = try await harness.service.changeUsername(to: "alice", for: .user(alice))

        let released = try await harness.service.releaseUsernameHold("@Brand", for: Self.releaser)

        #expect(released.holder == alice)
        _ = try await harness.service.changeUsername(to: "brand", for: .user(bob))
        let again = await profileError { try await harness.service.releaseUsernameHold("brand", for: Self.releaser) }
        #expect(again?.code == .notFound)
    }

    @Test(
        "releasing: 401 anonymous, 403 a user or an operator without the scope, 404 a bad handle",
        arguments: [
            (Caller.anonymous, ProfileError.Code.unauthenticated),
            (Caller.user(UserID("someone")!), .forbidden),
            (Caller.operator(name: "mod", scopes: [.suspendAccounts]), .forbidden),
        ])
    func releaseRefused(caller: Caller, code: ProfileError.Code) async throws {
        let harness = try ServiceHarness(.inMemory, policy: Self.policy)
        let alice = try await harness.registerUser("alice")
        _ = try await harness.service.changeUsername(to: "kept", for: .user(alice))
        _ = try await harness.service.changeUsername(to: "alice", for: .user(alice))
        let error = await profileError { try await harness.service.releaseUsernameHold("kept", for: caller) }
        #expect(error?.code == code)
        let bad = await profileError { try await harness.service.releaseUsernameHold("not a name", for: Self.releaser) }
        #expect(bad?.code == .notFound)
    }

    @Test("looking up a held old handle names the new one; after deletion or expiry it is a plain 404")
    func movedLookup() async throws {
        let harness = try ServiceHarness(.inMemory, policy: Self.policy)
        let alice = try await harness.registerUser("alice")
        let bob = try await harness.registerUserWithProfile("bob")
        _ = try await harness.service.changeUsername(to: "old_alice", for: .user(alice))
        _ = try await harness.service.changeUsername(to: "new_alice", for: .user(alice))

        let moved = await profileError {
            _ = try await harness.service.publicProfile(username: "Old_Alice", for: .anonymous)
        }
        #expect(moved?.code == .profileMoved)
        #expect(moved?.message == "This profile is now @new_alice")
        #expect(moved?.fieldErrors.map(\.code) == [.moved])

        try await harness.service.block(bob, for: .user(alice))
        let blocked = await profileError {
            _ = try await harness.service.publicProfile(username: "old_alice", for: .user(bob))
        }
        #expect(blocked == .userNotFound, "a blocked caller cannot tell a block from a missing user")

        harness.clock.advance(by: 10 * 86_400)
        let expired = await profileError {
            _ = try await harness.service.publicProfile(username: "old_alice", for: .anonymous)
        }
        #expect(expired == .userNotFound)
    }

    @Test("a deleted user's name stays held, but its old handles are a plain 404", arguments: StoreKind.allCases)
    func deletionHold(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: Self.policy)
        defer { harness.cleanUp() }
        let alice = try await harness.registerUser("alice")
        let bob = try await harness.registerUser("bob")
        _ = try await harness.service.changeUsername(to: "first_alice", for: .user(alice))
        _ = try await harness.service.changeUsername(to: "last_alice", for: .user(alice))
        try await harness.service.deleteUser(alice, for: .user(alice))

        for handle in ["first_alice", "last_alice"] {
            let lookup = await profileError {
                _ = try await harness.service.publicProfile(username: handle, for: .anonymous)
            }
            #expect(lookup == .userNotFound, "\(handle)")
            let claim = await profileError { _ = try await harness.service.changeUsername(to: handle, for: .user(bob)) }
            #expect(claim?.code == .usernameHeld, "\(handle)")
        }
        harness.clock.advance(by: 20 * 86_400)
        _ = try await harness.service.changeUsername(to: "last_alice", for: .user(bob))
    }
}
