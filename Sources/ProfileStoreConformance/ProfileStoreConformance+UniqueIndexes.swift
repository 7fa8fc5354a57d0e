import ProfileDomain
import ProfileStore

extension ProfileStoreConformance {
    static var uniqueIndexChecks: [ProfileStoreConformanceCheck] {
        [
            .init("a username belongs to one user: another user's claim fails with usernameTaken and stores nothing") {
                scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "john")
                let bob = try await scenario.createUser(username: "bobby")
                let bobBefore = try await scenario.existingRecord(bob)
                for handle in ["john", "John", "JOHN", "jOhN"] {
                    try await expect.error(.usernameTaken(handle), "bob claiming \(handle) held by alice as john") {
                        try await scenario.changeProfile(bob) { profile in
                            profile.username = Username(handle)
                            profile.bio = "half of this update must not land"
                        }
                    }
                }
                try expect.equal(try await store.record(for: bob), bobBefore, "bob's record after the refused claims")
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("JOHN"))?.userID,
                    alice,
                    "owner of john"
                )
            },
            .init("creating a record with a taken username fails with usernameTaken and creates nothing") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                try await scenario.createUser(username: "Taken_Name")
                let latecomer = UserID.random()
                let record = scenario.makeRecord(latecomer, username: try scenario.username("taken_NAME"), email: nil)
                try await expect.error(.usernameTaken("taken_NAME"), "a create claiming taken_NAME") {
                    try await store.update(latecomer, expectingVersion: nil) { $0 = record }
                }
                try expect.equal(try await store.record(for: latecomer), nil, "the latecomer's record")
            },
            .init("a user re-saving its own username, in any case, succeeds") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                try await scenario.changeProfile(alice) { $0.bio = "same name, new bio" }
                try await scenario.rename(alice, to: "alice")
                try await scenario.rename(alice, to: "ALICE")
                let found = try await store.record(forUsername: try scenario.username("alice"))
                try expect.equal(found?.userID, alice, "owner of alice")
                try expect.equal(found?.profile?.username?.rawValue, "ALICE", "the display form after re-casing")
                try expect.equal(found?.version, 4, "the version after three changes")
            },
            .init("renaming frees the old username for another user at once") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "john")
                let bob = try await scenario.createUser(username: "bob")
                try await scenario.rename(alice, to: "johnny")
                try await scenario.rename(bob, to: "JOHN")
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("john"))?.userID,
                    bob,
                    "owner of john after the swap"
                )
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("johnny"))?.userID,
                    alice,
                    "owner of johnny"
                )
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("bob")),
                    nil,
                    "look-up of bob's old name"
                )
            },
            .init("clearing a username frees it") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "fleeting")
                try await scenario.changeProfile(alice) { $0.username = nil }
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("fleeting")),
                    nil,
                    "look-up of the cleared name"
                )
                try await scenario.createUser(username: "Fleeting")
            },
            .init("an email belongs to one account, compared case-insensitively") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice", email: "Alice@Example.com")
                let bob = try await scenario.createUser(username: "bob", email: "bob@example.com")
                for email in ["Alice@Example.com", "alice@example.com", "ALICE@EXAMPLE.COM"] {
                    try await expect.error(.emailTaken, "bob taking \(email)") {
                        try await scenario.setEmail(bob, to: email)
                    }
                }
                try expect.equal(
                    try await store.record(for: bob)?.account.email,
                    "bob@example.com",
                    "bob's email after the refused changes"
                )
                let stranger = UserID.random()
                let record = scenario.makeRecord(stranger, username: nil, email: "aLiCe@example.COM")
                try await expect.error(.emailTaken, "a create with alice's email") {
                    try await store.update(stranger, expectingVersion: nil) { $0 = record }
                }
                try expect.equal(try await store.record(for: stranger), nil, "the refused create")
                try await scenario.setEmail(alice, to: "ALICE@example.com")
                try expect.equal(
                    try await store.record(for: alice)?.account.email,
                    "ALICE@example.com",
                    "alice re-casing her own email"
                )
            },
            .init("changing or clearing an email frees the old one") { scenario in
                let alice = try await scenario.createUser(username: "alice", email: "first@example.com")
                let bob = try await scenario.createUser(username: "bob", email: "second@example.com")
                try await scenario.setEmail(alice, to: "third@example.com")
                try await scenario.setEmail(bob, to: nil)
                try await scenario.createUser(email: "FIRST@example.com")
                try await scenario.createUser(email: "second@EXAMPLE.com")
            },
        ]
    }
}
