import ProfileDomain
import ProfileStore

extension ProfileStoreConformance {
    /// How many tasks each race starts: enough to interleave on any executor, few enough to run
    /// against a remote database in a second.
    static let racers = 50

    static var concurrencyChecks: [ProfileStoreConformanceCheck] {
        [
            .init("50 concurrent claims of one username, in different cases: exactly one wins") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let spellings = ["Contested", "contested", "CONTESTED", "conTESTed"]
                let usernames = try (0..<racers).map { (index) throws(ConformanceFailure) in
                    try scenario.username(spellings[index % spellings.count])
                }
                let outcomes = try await race(usernames) { username in
                    let user = UserID.random()
                    let record = scenario.makeRecord(user, username: username, email: nil)
                    try await store.update(user, expectingVersion: nil) { $0 = record }
                    return user
                }
                let winners = try tally(outcomes, losing: .usernameTaken(""), expect)
                try expect.equal(winners.count, 1, "how many claims won")
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("CONTESTED"))?.userID,
                    winners.first,
                    "owner of the contested username"
                )
            },
            .init("50 concurrent claims of one email, in different cases: exactly one wins") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let emails = (0..<racers).map { $0.isMultiple(of: 2) ? "Race@Example.com" : "race@example.COM" }
                let outcomes = try await race(emails) { email in
                    let user = UserID.random()
                    let record = scenario.makeRecord(user, username: nil, email: email)
                    try await store.update(user, expectingVersion: nil) { $0 = record }
                    return user
                }
                let winners = try tally(outcomes, losing: .emailTaken, expect)
                try expect.equal(winners.count, 1, "how many claims won")
            },
            .init("50 concurrent follows of one user by distinct users: the follower count is exactly 50") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let idol = try await scenario.createUser(username: "idol")
                var fans: [UserID] = []
                for index in 0..<racers {
                    fans.append(try await scenario.createUser(username: "fan\(index)"))
                }
                let outcomes = try await race(fans) { fan in try await store.follow(fan, idol) }
                let results = try tally(outcomes, losing: nil, expect)
                try expect.equal(results.filter { $0 }.count, racers, "follows that reported a new edge")
                try expect.equal(
                    try await store.socialCounts(for: idol),
                    SocialCounts(followers: racers),
                    "the idol's counts"
                )
                for fan in fans {
                    try expect.equal(
                        try await store.socialCounts(for: fan), SocialCounts(following: 1), "a fan's counts")
                }
            },
            .init("50 concurrent follow-then-unfollow sequences leave the counts at zero") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let idol = try await scenario.createUser(username: "idol")
                var fans: [UserID] = []
                for index in 0..<racers {
                    fans.append(try await scenario.createUser(username: "fan\(index)"))
                }
                let outcomes = try await race(fans) { fan in
                    let followed = try await store.follow(fan, idol)
                    let unfollowed = try await store.unfollow(fan, idol)
                    return followed && unfollowed
                }
                let results = try tally(outcomes, losing: nil, expect)
                try expect.that(results.allSatisfy { $0 }, "every follow and unfollow reported a change")
                try expect.equal(try await store.socialCounts(for: idol), SocialCounts(), "the idol's counts")
            },
            .init("a block racing with follows both ways leaves no follow across the block") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                let bob = try await scenario.createUser(username: "bob")
                let outcomes = try await race(Array(0..<racers)) { index in
                    switch index {
                    case racers / 2: return try await store.block(alice, bob)
                    case let index where index.isMultiple(of: 2): return try await store.follow(alice, bob)
                    default: return try await store.follow(bob, alice)
                    }
                }
                _ = try tally(outcomes, losing: .invalidRelationship(""), expect)
                try expect.equal(
                    try await store.relationship(between: alice, and: bob),
                    Relationship(viewerBlocksSubject: true),
                    "alice and bob after the race"
                )
                try expect.equal(try await store.socialCounts(for: alice), SocialCounts(), "alice's counts")
                try expect.equal(try await store.socialCounts(for: bob), SocialCounts(), "bob's counts")
            },
            .init("50 concurrent versioned increments of one record: each wins or conflicts, none is lost") {
                scenario in
                let expect = scenario.expect
                let user = try await scenario.createUser(username: "counter")
                let outcomes = try await race(Array(0..<racers)) { _ in
                    let read = try await scenario.existingRecord(user)
                    return try await scenario.changeProfile(user, expectingVersion: read.version) {
                        $0.counters.posts += 1
                    }?.version ?? 0
                }
                let wins = try tally(outcomes, losing: .versionConflict(expected: 0, current: 0), expect)
                try expect.that(!wins.isEmpty, "no increment won")
                try expect.equal(Set(wins).count, wins.count, "versions reported by the winners are distinct")
                let final = try await scenario.existingRecord(user)
                try expect.equal(final.version, 1 + wins.count, "the final version")
                try expect.equal(final.profile?.counters.posts, wins.count, "the final counter")
            },
            .init("20 concurrent versioned increments that retry on conflict all land") { scenario in
                let expect = scenario.expect
                let user = try await scenario.createUser(username: "retrier")
                let tasks = 20
                let outcomes = try await race(Array(0..<tasks)) { _ in
                    // Each conflict means another increment landed, so 20 tasks need at most 20 attempts
                    // each; the bound only guards against a store that conflicts forever.
                    for attempt in 1...(tasks * 10) {
                        let read = try await scenario.existingRecord(user)
                        do {
                            try await scenario.changeProfile(user, expectingVersion: read.version) {
                                $0.counters.posts += 1
                            }
                            return attempt
                        } catch ProfileStoreError.versionConflict {
                            continue
                        }
                    }
                    throw expect.failure("an increment conflicted \(tasks * 10) times in a row")
                }
                _ = try tally(outcomes, losing: nil, expect)
                let final = try await scenario.existingRecord(user)
                try expect.equal(final.version, 1 + tasks, "the final version")
                try expect.equal(final.profile?.counters.posts, tasks, "the final counter")
            },
        ]
    }

    /// Runs `operation` once per input, all concurrently, and returns every outcome.
    static func race<Input: Sendable, Output: Sendable>(
        _ inputs: [Input],
        _ operation: @escaping @Sendable (Input) async throws -> Output
    ) async throws -> [Result<Output, any Error>] {
        await withTaskGroup(of: Result<Output, any Error>.self) { group in
            for input in inputs {
                group.addTask {
                    do {
                        return .success(try await operation(input))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var outcomes: [Result<Output, any Error>] = []
            for await outcome in group {
                outcomes.append(outcome)
            }
            return outcomes
        }
    }

    /// The successful outputs of a race; fails on any error other than `losing` (compared by
    /// case), and on any error at all when `losing` is `nil`.
    static func tally<Output>(
        _ outcomes: [Result<Output, any Error>],
        losing: ProfileStoreError?,
        _ expect: ConformanceExpectation,
        fileID: String = #fileID,
        line: Int = #line
    ) throws(ConformanceFailure) -> [Output] {
        var outputs: [Output] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let output):
                outputs.append(output)
            case .failure(let failure as ConformanceFailure):
                throw failure
            case .failure(let error)
            where losing.map { ProfileStoreError(storeErrorIn: error)?.caseName == $0.caseName } ?? false:
                continue
            case .failure(let error):
                let expected = losing.map { "only \($0.caseName) errors" } ?? "no error"
                throw expect.failure("a racing task threw \(error); expected \(expected)", fileID: fileID, line: line)
            }
        }
        return outputs
    }
}
