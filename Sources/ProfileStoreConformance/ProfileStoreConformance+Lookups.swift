import ProfileDomain
import ProfileStore

extension ProfileStoreConformance {
    static var lookupChecks: [ProfileStoreConformanceCheck] {
        [
            .init("an update of a user without a record receives nil, and the record it sets is stored") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = UserID.random()
                let record = scenario.makeRecord(user, username: try scenario.username("newcomer"), email: nil)
                let received = try await store.update(user, expectingVersion: nil) { stored in
                    let before = stored
                    stored = record
                    return before
                }
                try expect.equal(received, nil, "what the body received for a user without a record")
                try expect.equal(try await store.record(for: user), record, "the created record")
            },
            .init("a record is found by user id, by profile id and by username") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = try await scenario.createUser(username: "finder", email: "finder@example.com")
                let record = try await scenario.existingRecord(user)
                let profileID = try scenario.profileID(of: record)
                try expect.equal(try await store.record(forProfile: profileID), record, "look-up by profile id")
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("finder")),
                    record,
                    "look-up by username"
                )
            },
            .init("username look-up ignores ASCII case: John finds john and JOHN finds Mixed_Case") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let john = try await scenario.createUser(username: "john")
                let mixed = try await scenario.createUser(username: "Mixed_Case")
                for handle in ["john", "John", "JOHN", "jOhN"] {
                    let found = try await store.record(forUsername: try scenario.username(handle))
                    try expect.equal(found?.userID, john, "look-up of \(handle)")
                }
                for handle in ["mixed_case", "MIXED_CASE", "Mixed_Case"] {
                    let found = try await store.record(forUsername: try scenario.username(handle))
                    try expect.equal(found?.userID, mixed, "look-up of \(handle)")
                    try expect.equal(found?.profile?.username?.rawValue, "Mixed_Case", "the stored display form")
                }
            },
            .init("look-ups of an unknown user id, profile id or username return nil") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                try await scenario.createUser(username: "someone")
                try expect.equal(try await store.record(for: .random()), nil, "look-up of an unknown user id")
                try expect.equal(try await store.record(forProfile: .random()), nil, "look-up of an unknown profile id")
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("nobody")),
                    nil,
                    "look-up of an unknown username"
                )
            },
            .init("a record without a profile is found by user id only") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = UserID.random()
                let record = UserRecord(account: Account(userID: user, createdAt: ConformanceScenario.date))
                try await store.update(user, expectingVersion: nil) { $0 = record }
                try expect.equal(try await store.record(for: user), record, "look-up by user id")
                try expect.equal(record.version, 0, "the version of a record without a profile")
            },
        ]
    }
}
