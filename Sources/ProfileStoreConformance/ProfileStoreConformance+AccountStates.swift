import ProfileDomain
import ProfileStore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileStoreConformance {
    static var accountStateChecks: [ProfileStoreConformanceCheck] {
        [
            .init("every account state is stored with the record and read back by every look-up") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = try await scenario.createUser(username: "stateful", email: "stateful@example.com")
                let profileID = try scenario.profileID(of: try await scenario.existingRecord(user))
                let date = ConformanceScenario.date
                let states: [AccountState] = [
                    .deactivated(since: date),
                    .suspended(since: date, until: date.addingTimeInterval(3600)),
                    .suspended(since: date, until: nil),
                    .pendingDeletion(requestedAt: date, purgeAfter: date.addingTimeInterval(86_400)),
                    .active,
                ]
                for state in states {
                    try await scenario.setState(user, to: state)
                    try expect.equal(try await store.record(for: user)?.state, state, "by user id, \(state.name)")
                    try expect.equal(
                        try await store.record(forProfile: profileID)?.state, state, "by profile id, \(state.name)")
                    try expect.equal(
                        try await store.record(forUsername: try scenario.username("STATEFUL"))?.state, state,
                        "by username, \(state.name)")
                }
            },
            .init("usersPendingDeletion lists exactly the deletions due, sorted, and forgets deleted users") {
                scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let now = ConformanceScenario.date
                let due = [
                    try await scenario.createUser(username: "due1"), try await scenario.createUser(username: nil),
                ]
                let onTheDot = try await scenario.createUser(username: "dot")
                let notYet = try await scenario.createUser(username: "notyet")
                let cancelled = try await scenario.createUser(username: "cancelled")
                let deactivated = try await scenario.createUser(username: "hidden")
                let suspended = try await scenario.createUser(username: "suspended")
                _ = try await scenario.createUser(username: "active")
                for user in due {
                    try await scenario.setState(user, to: .pendingDeletion(requestedAt: now, purgeAfter: now - 1))
                }
                try await scenario.setState(onTheDot, to: .pendingDeletion(requestedAt: now, purgeAfter: now))
                try await scenario.setState(notYet, to: .pendingDeletion(requestedAt: now, purgeAfter: now + 1))
                try await scenario.setState(cancelled, to: .pendingDeletion(requestedAt: now, purgeAfter: now - 1))
                try await scenario.setState(cancelled, to: .active)
                try await scenario.setState(deactivated, to: .deactivated(since: now - 100))
                try await scenario.setState(suspended, to: .suspended(since: now - 100, until: now - 1))
                try expect.equal(
                    try await store.usersPendingDeletion(dueAt: now), (due + [onTheDot]).sorted(), "due at now")
                try expect.equal(try await store.usersPendingDeletion(dueAt: now - 2), [], "due before any grace ended")
                _ = try await store.deleteUser(due[0])
                try expect.equal(
                    try await store.usersPendingDeletion(dueAt: now + 1), [due[1], onTheDot, notYet].sorted(),
                    "due later, after one was deleted")
            },
            .init("racing state changes and profile edits of one user lose neither") { scenario in
                let expect = scenario.expect
                let user = try await scenario.createUser(username: "racer")
                let suspension = AccountState.suspended(since: ConformanceScenario.date, until: nil)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<40 {
                        group.addTask {
                            if index == 20 {
                                try await scenario.setState(user, to: suspension)
                            } else {
                                _ = try await scenario.changeProfile(user) { $0.bio = ($0.bio ?? "") + "x" }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                let record = try await scenario.existingRecord(user)
                try expect.equal(record.state, suspension, "the state after the race")
                try expect.equal(record.profile?.bio?.count, 39, "edits kept beside the state change")
                try expect.equal(record.version, 40, "the version after 39 edits (a state change keeps it)")
            },
        ]
    }
}

extension ConformanceScenario {
    /// Sets the account state of `user`, which must have a record, as a service's transition does.
    func setState(_ user: UserID, to state: AccountState) async throws {
        try await store.update(user, expectingVersion: nil) { (record: inout UserRecord?) throws(ConformanceFailure) in
            guard record != nil else { throw expect.failure("no record for \(user) to set the state of") }
            record?.state = state
        }
    }
}
