import Foundation
import ProfileKit
import Testing

/// `POST /api/v1/account/username/change`: validated, unique, atomic, with a cooldown.
@Suite("Username change")
struct UsernameChangeTests {
    @Test(
        "a valid free name is taken at once; the old one is held for 90 days (social), then free for others",
        arguments: StoreKind.allCases)
    func changeHoldsOldName(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .social)
        defer { harness.cleanUp() }
        let alice = try await harness.registerUser("alice")
        let bob = try await harness.registerUser("bob")
        _ = try await harness.service.changeUsername(to: "alice", for: .user(alice))

        let renamed = try await harness.service.changeUsername(to: "alice_new", for: .user(alice))
        #expect(renamed.view.profile?.username?.rawValue == "alice_new")
        #expect(renamed.changedFields == [.username])

        let held = await profileError { _ = try await harness.service.changeUsername(to: "Alice", for: .user(bob)) }
        #expect(held?.code == .usernameHeld)
        #expect(held?.status == .conflict)
        #expect(held?.fieldErrors.map(\.code) == [.held])
        harness.clock.advance(by: 90 * 86_400)
        let claimed = try await harness.service.changeUsername(to: "Alice", for: .user(bob))
        #expect(claimed.view.profile?.username?.rawValue == "Alice")
    }

    @Test("a name held by another user, in any case, is 409")
    func takenName() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .social)
        let alice = try await harness.registerUser("alice")
        let bob = try await harness.registerUser("bob")
        _ = try await harness.service.changeUsername(to: "alice", for: .user(alice))
        let error = await profileError { _ = try await harness.service.changeUsername(to: "ALICE", for: .user(bob)) }
        #expect(error?.status == .conflict)
    }

    @Test("reserved, malformed and look-alike names are 422", arguments: ["admin", "Root", "a b", "ｊｏｈｎ", "јohn", "x"])
    func invalidNames(name: String) async throws {
        let harness = try ServiceHarness(.inMemory, policy: .social)
        let user = try await harness.registerUser()
        let error = await profileError { _ = try await harness.service.changeUsername(to: name, for: .user(user)) }
        #expect(error?.status == .unprocessableEntity)
        #expect(error?.fieldErrors.first?.field == "username")
    }

    @Test("a second rename inside the cooldown is 422 too_soon; after it, it succeeds")
    func cooldown() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .social)
        let cooldown = try #require(ValidationPolicy.social.usernameChangeCooldown)
        let user = try await harness.registerUser()
        _ = try await harness.service.changeUsername(to: "first_name", for: .user(user))
        _ = try await harness.service.changeUsername(to: "second_name", for: .user(user))

        let error = await profileError {
            _ = try await harness.service.changeUsername(to: "third_name", for: .user(user))
        }
        #expect(error?.status == .unprocessableEntity)
        #expect(error?.fieldErrors.map(\.code) == [.tooSoon])
        #expect(error?.fieldErrors.first?.field == "username")

        harness.clock.advance(by: Double(cooldown.components.seconds) + 1)
        let later = try await harness.service.changeUsername(to: "third_name", for: .user(user))
        #expect(later.view.profile?.username?.rawValue == "third_name")
    }

    @Test("asking for the name one already has is a no-op")
    func sameNameIsNoOp() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .social)
        let user = try await harness.registerUser()
        let first = try await harness.service.changeUsername(to: "steady", for: .user(user))
        let again = try await harness.service.changeUsername(to: "steady", for: .user(user))
        #expect(again.changedFields.isEmpty)
        #expect(again.view.profile == first.view.profile)
    }
}
