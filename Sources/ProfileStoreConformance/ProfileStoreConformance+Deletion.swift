import ProfileDomain
import ProfileStore

extension ProfileStoreConformance {
    static var deletionChecks: [ProfileStoreConformanceCheck] {
        [
            .init("deleting a user returns its record and every look-up of it then finds nothing") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let user = try await scenario.createUser(username: "leaving", email: "leaving@example.com")
                let record = try await scenario.existingRecord(user)
                let profileID = try scenario.profileID(of: record)
                try expect.equal(try await store.deleteUser(user), record, "what deleteUser returned")
                try expect.equal(try await store.record(for: user), nil, "look-up by user id")
                try expect.equal(try await store.record(forProfile: profileID), nil, "look-up by profile id")
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("leaving")),
                    nil,
                    "look-up by username"
                )
                try expect.equal(try await store.deleteUser(user), nil, "a second delete")
            },
            .init("deleting a user removes its edges both ways and updates the others' counts") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let leaving = try await scenario.createUser(username: "leaving")
                let fan = try await scenario.createUser(username: "fan")
                let idol = try await scenario.createUser(username: "idol")
                let foe = try await scenario.createUser(username: "foe")
                _ = try await store.follow(fan, leaving)
                _ = try await store.follow(leaving, idol)
                _ = try await store.follow(fan, idol)
                _ = try await store.block(leaving, foe)
                _ = try await store.block(foe, fan)
                _ = try await store.deleteUser(leaving)
                try expect.equal(try await store.socialCounts(for: fan), SocialCounts(following: 1), "fan's counts")
                try expect.equal(try await store.socialCounts(for: idol), SocialCounts(followers: 1), "idol's counts")
                try expect.equal(
                    try await store.socialCounts(for: leaving), SocialCounts(), "the deleted user's counts")
                for other in [fan, idol, foe] {
                    try expect.equal(
                        try await store.relationship(between: other, and: leaving),
                        .none,
                        "\(other) and the deleted user"
                    )
                }
                try expect.equal(
                    try await store.relationship(between: foe, and: fan),
                    Relationship(viewerBlocksSubject: true),
                    "an edge between two remaining users"
                )
                try await expect.error(.notFound, "following the deleted user") { try await store.follow(fan, leaving) }
                let returning = scenario.makeRecord(leaving, username: nil, email: nil)
                try await store.update(leaving, expectingVersion: 0) { $0 = returning }
                try expect.equal(
                    try await store.socialCounts(for: leaving),
                    SocialCounts(),
                    "counts of a user re-created under the deleted id"
                )
                try expect.equal(
                    try await store.relationship(between: leaving, and: foe),
                    .none,
                    "the re-created user and the user it had blocked"
                )
                try expect.equal(try await store.follow(leaving, foe), true, "a follow the old block would forbid")
            },
            .init("a deleted user's username and email are free at once") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let leaving = try await scenario.createUser(username: "Heritage", email: "Heir@example.com")
                _ = try await store.deleteUser(leaving)
                let heir = try await scenario.createUser(username: "heritage", email: "heir@EXAMPLE.com")
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("HERITAGE"))?.userID,
                    heir,
                    "owner of the freed username"
                )
            },
            .init("deleting an unknown user returns nil and changes nothing") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                let bob = try await scenario.createUser(username: "bob")
                _ = try await store.follow(alice, bob)
                try expect.equal(try await store.deleteUser(.random()), nil, "deleting an unknown user")
                try expect.equal(try await store.socialCounts(for: bob), SocialCounts(followers: 1), "bob's counts")
                try expect.equal(try await store.record(for: alice)?.userID, alice, "alice's record")
            },
        ]
    }
}
