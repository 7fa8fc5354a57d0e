import ProfileDomain
import ProfileStore

extension ProfileStoreConformance {
    static var updateChecks: [ProfileStoreConformanceCheck] {
        [
            .init("an update returns what its body returned") { scenario in
                let user = try await scenario.createUser(username: "returner")
                let result = try await scenario.store.update(user, expectingVersion: nil) { record in
                    record?.profile?.bio = "changed"
                    return "body result \(record?.profile?.username?.rawValue ?? "?")"
                }
                try scenario.expect.equal(result, "body result returner", "the update's result")
            },
            .init("an update whose body leaves a missing record missing stores nothing") { scenario in
                let user = UserID.random()
                let result = try await scenario.store.update(user, expectingVersion: nil) { _ in 42 }
                try scenario.expect.equal(result, 42, "the update's result")
                try scenario.expect.equal(try await scenario.store.record(for: user), nil, "the record")
            },
            .init("an error thrown by the body propagates unchanged and stores nothing") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = try await scenario.createUser(username: "steady")
                let before = try await scenario.existingRecord(user)
                let claimed = try scenario.username("wanted")
                do {
                    try await store.update(user, expectingVersion: nil) { (record) throws(ConformanceProbeError) in
                        record?.profile?.username = claimed
                        record?.profile?.version += 1
                        throw ConformanceProbeError(marker: 7)
                    }
                    throw expect.failure("the update succeeded although its body threw")
                } catch let error as ProfileStoreFailure<ConformanceProbeError> {
                    try expect.equal(error, .rejected(ConformanceProbeError(marker: 7)), "the error the update threw")
                }
                try expect.equal(try await store.record(for: user), before, "the record after the failed update")
                let other = try await scenario.createUser(username: "wanted")
                try expect.equal(
                    try await store.record(forUsername: claimed)?.userID,
                    other,
                    "owner of the username the failed update had claimed"
                )
            },
            .init("an error thrown by the body of a create stores no record") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = UserID.random()
                let record = scenario.makeRecord(user, username: try scenario.username("ghost"), email: "g@example.com")
                do {
                    try await store.update(user, expectingVersion: nil) { (stored) throws(ConformanceProbeError) in
                        stored = record
                        throw ConformanceProbeError(marker: 1)
                    }
                    throw expect.failure("the update succeeded although its body threw")
                } catch let error as ProfileStoreFailure<ConformanceProbeError> {
                    try expect.equal(error, .rejected(ConformanceProbeError(marker: 1)), "the error the update threw")
                }
                try expect.equal(try await store.record(for: user), nil, "the record after the failed create")
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("ghost")),
                    nil,
                    "look-up of the username the failed create had claimed"
                )
                try await scenario.createUser(username: "ghost", email: "g@example.com")
            },
            .init("a stale expected version fails with versionConflict before the body runs and stores nothing") {
                scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = try await scenario.createUser(username: "versioned")
                try await scenario.changeProfile(user) { $0.bio = "second" }
                let before = try await scenario.existingRecord(user)
                try expect.equal(before.version, 2, "the version after one change")
                for stale in [0, 1, 3] {
                    var bodyRan = false
                    try await expect.error(
                        .versionConflict(expected: stale, current: 2),
                        exactly: true,
                        "an update expecting version \(stale)"
                    ) {
                        try await store.update(user, expectingVersion: stale) { record in
                            bodyRan = true
                            record?.profile?.bio = "lost"
                        }
                    }
                    try expect.that(!bodyRan, "the body ran although version \(stale) is stale")
                }
                try expect.equal(try await store.record(for: user), before, "the record after the conflicts")
            },
            .init("the current expected version succeeds, and the version it names then becomes stale") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = try await scenario.createUser(username: "matcher")
                let updated = try await scenario.changeProfile(user, expectingVersion: 1) { $0.bio = "v2" }
                try expect.equal(updated?.version, 2, "the version after an update expecting 1")
                try expect.equal(try await store.record(for: user)?.profile?.bio, "v2", "the stored bio")
                try await expect.error(.versionConflict(expected: 1, current: 2), exactly: true, "a second update at 1")
                {
                    try await scenario.changeProfile(user, expectingVersion: 1) { $0.bio = "lost" }
                }
            },
            .init("expected version 0 matches a missing record; any other expected version conflicts") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let fresh = UserID.random()
                var bodyRan = false
                try await expect.error(.versionConflict(expected: 1, current: 0), exactly: true, "expecting 1") {
                    try await store.update(fresh, expectingVersion: 1) { _ in bodyRan = true }
                }
                try expect.that(!bodyRan, "the body ran although a missing record is at version 0")
                let record = scenario.makeRecord(fresh, username: nil, email: nil)
                try await store.update(fresh, expectingVersion: 0) { $0 = record }
                try expect.equal(try await store.record(for: fresh), record, "the record created at expected 0")
            },
            .init("changing a record's user id is an invalidMutation and stores nothing") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = try await scenario.createUser(username: "anchored")
                let before = try await scenario.existingRecord(user)
                let intruder = UserID.random()
                try await expect.error(.invalidMutation(""), "an update that changes the user id") {
                    try await store.update(user, expectingVersion: nil) { $0?.account.userID = intruder }
                }
                try expect.equal(try await store.record(for: user), before, "the record after the refused update")
                try expect.equal(try await store.record(for: intruder), nil, "a record under the other user id")
                let misfiled = scenario.makeRecord(intruder, username: nil, email: nil)
                let stranger = UserID.random()
                try await expect.error(.invalidMutation(""), "a create under another user id") {
                    try await store.update(stranger, expectingVersion: nil) { $0 = misfiled }
                }
                try expect.equal(try await store.record(for: stranger), nil, "the record after the refused create")
            },
            .init("setting an existing record to nil is an invalidMutation and the record stays") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = try await scenario.createUser(username: "persistent", email: "p@example.com")
                let before = try await scenario.existingRecord(user)
                try await expect.error(.invalidMutation(""), "an update that sets the record to nil") {
                    try await store.update(user, expectingVersion: nil) { $0 = nil }
                }
                try expect.equal(try await store.record(for: user), before, "the record after the refused removal")
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("persistent"))?.userID,
                    user,
                    "look-up of the username after the refused removal"
                )
            },
            .init("an update that changes nothing leaves the record identical") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = try await scenario.createUser(username: "idle", email: "idle@example.com")
                let before = try await scenario.existingRecord(user)
                let result = try await store.update(user, expectingVersion: before.version) { record in
                    let copy = record
                    record = copy
                    return record?.version
                }
                try expect.equal(result, before.version, "the result of the no-op update")
                try expect.equal(try await store.record(for: user), before, "the record after a no-op update")
                try await scenario.changeProfile(user, expectingVersion: before.version) { $0.bio = "awake" }
                try expect.equal(try await store.record(for: user)?.version, 2, "the version after the next change")
            },
        ]
    }
}
