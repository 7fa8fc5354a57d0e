import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

/// `StoreState.inverse(of:)` is what group commit takes failed writes back with, so it is checked
/// against the state itself: undoing must give back exactly the value before, on generated states
/// and mutations.
@Suite("StoreState: undoing applied mutations")
struct StoreStateUndoTests {
    /// Users, usernames and emails drawn from small pools, so that mutations collide.
    private struct Pools {
        let users: [UserID]
        let usernames = ["ann", "bob", "cat", "dan"]
        let emails = ["a@example.com", "b@example.com", "c@example.com"]

        init() throws {
            users = try (0..<6).map { try StoreFixtures.user("undo-\($0)") }
        }

        func mutation(using generator: inout SeededGenerator) throws -> StoreMutation {
            let user = users.randomElement(using: &generator) ?? users[0]
            let other = users.randomElement(using: &generator) ?? users[1]
            switch Int.random(in: 0..<14, using: &generator) {
            case 0..<4:
                return .put(record: try record(of: user, using: &generator))
            case 4, 5: return .follow(follower: user, followee: other)
            case 6: return .unfollow(follower: user, followee: other)
            case 7: return .block(blocker: user, blocked: other)
            case 8: return .unblock(blocker: user, blocked: other)
            case 9: return .delete(user: user)
            case 10:
                let left = try change(using: &generator)
                return .rename(
                    record: try record(of: user, using: &generator), left: left,
                    hold: Bool.random(using: &generator) ? try hold(of: user, using: &generator) : nil)
            case 11: return .deleteHolding(user: user, hold: try hold(of: user, using: &generator))
            case 12:
                let hold = try hold(of: other, using: &generator)
                return .setHold(
                    usernameKey: hold.username.canonicalKey, hold: Bool.random(using: &generator) ? hold : nil)
            default:
                return .setHistory(
                    user: user,
                    history: try (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                        try change(using: &generator)
                    })
            }
        }

        private func record(of user: UserID, using generator: inout SeededGenerator) throws -> UserRecord {
            let username = Bool.random(using: &generator) ? usernames.randomElement(using: &generator) : nil
            let email = Bool.random(using: &generator) ? emails.randomElement(using: &generator) : nil
            return try StoreFixtures.record(
                user, username: username, email: email, version: Int.random(in: 1...9, using: &generator))
        }

        private func username(using generator: inout SeededGenerator) throws -> Username {
            try #require(Username(usernames.randomElement(using: &generator) ?? "ann"))
        }

        private func change(using generator: inout SeededGenerator) throws -> UsernameChange {
            UsernameChange(
                username: try username(using: &generator),
                leftAt: Date(timeIntervalSince1970: Double(Int.random(in: 0..<1_000, using: &generator))))
        }

        private func hold(of holder: UserID, using generator: inout SeededGenerator) throws -> UsernameHold {
            let since = Date(timeIntervalSince1970: Double(Int.random(in: 0..<1_000, using: &generator)))
            return UsernameHold(
                username: try username(using: &generator), holder: holder, since: since,
                until: Bool.random(using: &generator) ? since.addingTimeInterval(86_400) : nil)
        }
    }

    @Test(
        "applying a run of mutations, then their inverses newest first, gives back the state before", arguments: 0..<4)
    func undoRuns(part: Int) throws {
        let pools = try Pools()
        let seed = UInt64(0x5EED_0000 + part)
        var generator = SeededGenerator(state: seed)
        var undone = 0
        for run in 0..<500 {
            // A state grown by random mutations, then a run of up to 8 more to take back.
            var state = StoreState()
            for _ in 0..<Int.random(in: 0..<40, using: &generator) {
                try? state.apply(pools.mutation(using: &generator))
            }
            let before = state
            var inverses: [[StoreMutation]] = []
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let mutation = try pools.mutation(using: &generator)
                let inverse = try state.inverse(of: mutation)
                do {
                    try state.apply(mutation)
                    inverses.append(inverse)
                } catch {
                    // Refused: `apply` changed nothing, so there is nothing to take back.
                }
            }
            for mutation in inverses.reversed().joined() {
                try state.apply(mutation)
            }
            undone += inverses.count
            #expect(state == before, "seed \(seed), run \(run): the undone state differs")
        }
        #expect(undone > 1_000, "seed \(seed): only \(undone) mutations applied and undone")
    }
}
