import Foundation
import ProfileKit
import Testing

/// Who may do what: anonymous callers get 401 on every protected use case, a caller acting on
/// another user's data gets 403 and the victim's data is unchanged.
@Suite("Authorization")
struct AuthorizationTests {
    /// Every protected use case, called by `caller` against `target`.
    enum ProtectedUseCase: String, CaseIterable, CustomStringConvertible {
        case upsertProfile, ownProfile, changeUsername, updateUser, updateUserWithAvatar, deleteUser
        case uploadMedia, follow, unfollow, block, unblock

        var description: String { rawValue }

        func run(_ service: ProfileService, target: UserID, caller: Caller) async throws {
            switch self {
            case .upsertProfile: _ = try await service.upsertProfile(ProfileUpdate(), for: caller)
            case .ownProfile: _ = try await service.ownProfile(for: caller)
            case .changeUsername: _ = try await service.changeUsername(to: "new_name", for: caller)
            case .updateUser:
                _ = try await service.updateUser(
                    target, with: ProfileUpdate(profile: ProfilePatch(firstName: .value("Mallory"))), for: caller)
            case .updateUserWithAvatar:
                _ = try await service.updateUser(target, with: ProfileUpdate(), avatar: TestImages.png, for: caller)
            case .deleteUser: _ = try await service.deleteUser(target, for: caller)
            case .uploadMedia: _ = try await service.uploadMedia(TestImages.png, for: caller)
            case .follow: _ = try await service.follow(target, for: caller)
            case .unfollow: _ = try await service.unfollow(target, for: caller)
            case .block: _ = try await service.block(target, for: caller)
            case .unblock: _ = try await service.unblock(target, for: caller)
            }
        }

        /// Whether the use case acts on another user's data (so a stranger gets 403).
        var actsOnTarget: Bool { self == .updateUser || self == .updateUserWithAvatar || self == .deleteUser }
    }

    @Test(
        "an anonymous caller gets 401 on every protected use case",
        arguments: StoreKind.allCases, ProtectedUseCase.allCases)
    func anonymousIsUnauthorized(kind: StoreKind, useCase: ProtectedUseCase) async throws {
        let harness = try ServiceHarness(kind, policy: .social)
        defer { harness.cleanUp() }
        let victim = try await harness.registerUser("victim")
        let error = await profileError { try await useCase.run(harness.service, target: victim, caller: .anonymous) }
        #expect(error?.status == .unauthorized)
        #expect(error?.code == .unauthenticated)
    }

    @Test(
        "another user's update or delete is 403 and the victim's data is unchanged",
        arguments: StoreKind.allCases, ProtectedUseCase.allCases.filter(\.actsOnTarget))
    func strangerIsForbidden(kind: StoreKind, useCase: ProtectedUseCase) async throws {
        let harness = try ServiceHarness(kind, policy: .django)
        defer { harness.cleanUp() }
        let victim = try await harness.registerUser("victim")
        _ = try await harness.service.upsertProfile(
            ProfileUpdate(profile: ProfilePatch(firstName: .value("Victoria"))), for: .user(victim))
        let attacker = try await harness.registerUser("attacker")
        let before = try await harness.store.record(for: victim)

        let error = await profileError {
            try await useCase.run(harness.service, target: victim, caller: .user(attacker))
        }

        #expect(error?.status == .forbidden)
        #expect(try await harness.store.record(for: victim) == before)
        #expect(harness.media.keys.count == 0)
    }

    @Test("a stranger gets 403, not 404, for an id that does not exist, so ids cannot be enumerated")
    func strangerCannotProbeIDs() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .django)
        let attacker = try await harness.registerUser("attacker")
        let nobody = try #require(UserID("nobody"))
        let error = await profileError { try await harness.service.deleteUser(nobody, for: .user(attacker)) }
        #expect(error?.status == .forbidden)
    }

    @Test("the owner deleting an account that does not exist gets 404")
    func ownerOfMissingAccountGetsNotFound() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .django)
        let ghost = try #require(UserID("ghost"))
        let error = await profileError { try await harness.service.deleteUser(ghost, for: .user(ghost)) }
        #expect(error?.status == .notFound)
    }

    @Test("public profiles need no authentication", arguments: StoreKind.allCases)
    func publicProfilesAreOpen(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .creator)
        defer { harness.cleanUp() }
        let owner = try await harness.registerUser("owner")
        try await harness.createProfile(for: owner)

        let byID = try await harness.service.publicProfile(userID: owner.rawValue, for: .anonymous)
        let byName = try await harness.service.publicProfile(username: "@John_Doe", for: .anonymous)
        #expect(byID == byName)
        #expect(byID.relationship == nil)
        #expect(byID.isOwnProfile == false)
    }

    @Test("a user who blocked the caller is invisible to the caller: 404", arguments: StoreKind.allCases)
    func blockerIsInvisible(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .creator)
        defer { harness.cleanUp() }
        let blocker = try await harness.registerUser("blocker")
        try await harness.createProfile(for: blocker)
        let blocked = try await harness.registerUser("blocked")
        try await harness.createProfile(for: blocked, username: "blocked_user")
        try await harness.service.block(blocked, for: .user(blocker))

        let byID = await profileError {
            _ = try await harness.service.publicProfile(userID: blocker.rawValue, for: .user(blocked))
        }
        let byName = await profileError {
            _ = try await harness.service.publicProfile(username: "john_doe", for: .user(blocked))
        }
        #expect(byID == .userNotFound)
        #expect(byName == .userNotFound)
        // The blocker still sees the blocked user, with isBlocked set.
        let seen = try await harness.service.publicProfile(userID: blocked.rawValue, for: .user(blocker))
        #expect(seen.relationship?.isBlocked == true)
        // Anonymous callers still see the blocker.
        _ = try await harness.service.publicProfile(userID: blocker.rawValue, for: .anonymous)
    }
}
