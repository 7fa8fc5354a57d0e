import Foundation
import ProfileKit
import Testing

/// Every use case that names another user answers a user without a profile, a user who blocks the
/// caller, and a missing user exactly alike, and never says `isBlockedBy`.
@Suite("Invisible users through the service")
struct InvisibleUserServiceTests {
    /// A use case that names a user, with the ways it can be named.
    enum Call: String, CaseIterable, Sendable, CustomStringConvertible {
        case publicProfileByID, publicProfileByUsername, follow, unfollow, block, unblock, updateUser, deleteUser
        var description: String { rawValue }

        /// Runs the call on `spelling` of the target and describes what came back.
        func outcome(_ service: ProfileService, _ spelling: String, for caller: Caller) async -> String {
            do throws(ProfileError) {
                switch self {
                case .publicProfileByID:
                    return Self.describe(try await service.publicProfile(userID: spelling, for: caller))
                case .publicProfileByUsername:
                    return Self.describe(try await service.publicProfile(username: spelling, for: caller))
                case .follow: return "\(try await service.follow(fixtureUserID(spelling), for: caller))"
                case .unfollow: return "\(try await service.unfollow(fixtureUserID(spelling), for: caller))"
                case .block: return "\(try await service.block(fixtureUserID(spelling), for: caller))"
                case .unblock: return "\(try await service.unblock(fixtureUserID(spelling), for: caller))"
                case .updateUser:
                    let update = ProfileUpdate(profile: ProfilePatch(firstName: .value("Mallory")))
                    return "\(try await service.updateUser(fixtureUserID(spelling), with: update, for: caller))"
                case .deleteUser: return "\(try await service.deleteUser(fixtureUserID(spelling), for: caller))"
                }
            } catch {
                return "\(error.status) \(error.code) \(error.message) \(error.fieldErrors)"
            }
        }

        var namesByUsername: Bool { self == .publicProfileByUsername }

        private static func describe(_ view: PublicProfileView) -> String {
            "200 \(view.username?.rawValue ?? "-") relationship \(String(describing: view.relationship))"
        }
    }

    @Test(
        "each call answers a hidden user exactly as a missing one, for the blocked caller and for anyone",
        arguments: Call.allCases, StoreKind.allCases)
    func hiddenAnswersAsMissing(call: Call, kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .default)
        defer { harness.cleanUp() }
        let world = try await InvisibleUsers.populate(harness.service, at: harness.clock.now())
        var compared = 0
        for caller in [Caller.user(world.caller), .anonymous] {
            for target in InvisibleUsers.hidden(from: caller) {
                let pairs = Self.spellings(call, target).enumerated().map { ($1, Self.spellings(call, .missing)[$0]) }
                for (hidden, missing) in pairs {
                    let hiddenAnswer = await call.outcome(harness.service, hidden, for: caller)
                    let missingAnswer = await call.outcome(harness.service, missing, for: caller)
                    #expect(
                        InvisibleUsers.normalized(hiddenAnswer, naming: target.user)
                            == InvisibleUsers.normalized(missingAnswer, naming: InvisibleUsers.Target.missing.user),
                        "\(call) \(hidden) as \(caller) (\(target)) vs \(missing)")
                    #expect(!hiddenAnswer.contains("subjectBlocksViewer: true"), "\(call) \(hidden): \(hiddenAnswer)")
                    compared += 1
                }
            }
        }
        #expect(compared == (3 + 1) * Self.spellings(call, .missing).count)
    }

    @Test("the visible control is found by every spelling, so the comparisons above are not vacuous")
    func visibleControl() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .default)
        let world = try await InvisibleUsers.populate(harness.service, at: harness.clock.now())
        let visible = InvisibleUsers.Target.visible.user
        for spelling in InvisibleUsers.usernameSpellings(visible.username) {
            let view = try await harness.service.publicProfile(username: spelling, for: .user(world.caller))
            #expect(view.userID == visible.id)
        }
        let byID = try await harness.service.publicProfile(userID: visible.id.rawValue, for: .anonymous)
        #expect(byID.userID == visible.id)
        #expect(try await harness.service.follow(visible.id, for: .user(world.caller)).isFollowing)
    }

    @Test("a blocked caller keeps removing their own block of the blocker, answered as for a missing user")
    func ownBlockStaysRemovable() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .default)
        let world = try await InvisibleUsers.populate(harness.service, at: harness.clock.now())
        let mutual = InvisibleUsers.Target.blocksCallerBothWays.user.id

        let answer = try await harness.service.unblock(mutual, for: .user(world.caller))

        #expect(answer == .none)
        let edges = try await harness.store.relationship(between: world.caller, and: mutual)
        #expect(edges == Relationship(subjectBlocksViewer: true))
    }

    @Test("a follow of a hidden user changes nothing")
    func hiddenFollowChangesNothing() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .default)
        let world = try await InvisibleUsers.populate(harness.service, at: harness.clock.now())
        for target in InvisibleUsers.Target.hidden {
            let before = try await harness.store.relationship(between: world.caller, and: target.user.id)
            _ = await Call.follow.outcome(harness.service, target.user.id.rawValue, for: .user(world.caller))
            #expect(try await harness.store.relationship(between: world.caller, and: target.user.id) == before)
        }
    }

    @Test("a block of a hidden user answers 404 yet holds once the blocker lifts theirs")
    func blockOfABlockerIsRecorded() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .default)
        let world = try await InvisibleUsers.populate(harness.service, at: harness.clock.now())
        let blocker = InvisibleUsers.Target.blocksCaller.user.id

        let answer = await profileError { _ = try await harness.service.block(blocker, for: .user(world.caller)) }
        _ = try await harness.service.unblock(world.caller, for: .user(blocker))

        #expect(answer == .userNotFound)
        let seen = try await harness.service.publicProfile(userID: blocker.rawValue, for: .user(world.caller))
        #expect(seen.relationship == Relationship(viewerBlocksSubject: true))
        let reverse = await profileError {
            _ = try await harness.service.publicProfile(userID: world.caller.rawValue, for: .user(blocker))
        }
        #expect(reverse == .userNotFound)
    }

    private static func spellings(_ call: Call, _ target: InvisibleUsers.Target) -> [String] {
        call.namesByUsername
            ? InvisibleUsers.usernameSpellings(target.user.username) : InvisibleUsers.idSpellings(target.user.id)
    }
}
