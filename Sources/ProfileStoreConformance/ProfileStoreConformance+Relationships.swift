import ProfileDomain
import ProfileStore

extension ProfileStoreConformance {
    static var relationshipChecks: [ProfileStoreConformanceCheck] {
        [
            .init("follow adds one edge; following again returns false and the counts stay exact") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                let bob = try await scenario.createUser(username: "bob")
                try expect.equal(try await store.follow(alice, bob), true, "the first follow")
                try expect.equal(try await store.follow(alice, bob), false, "the repeated follow")
                try expect.equal(try await store.socialCounts(for: bob), SocialCounts(followers: 1), "bob's counts")
                try expect.equal(try await store.socialCounts(for: alice), SocialCounts(following: 1), "alice's counts")
                try expect.equal(try await store.follow(bob, alice), true, "the follow back")
                try expect.equal(
                    try await store.socialCounts(for: alice),
                    SocialCounts(followers: 1, following: 1),
                    "alice's counts after the follow back"
                )
            },
            .init("unfollow removes the edge; unfollowing again returns false") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                let bob = try await scenario.createUser(username: "bob")
                try expect.equal(try await store.unfollow(alice, bob), false, "unfollow without a follow")
                _ = try await store.follow(alice, bob)
                try expect.equal(try await store.unfollow(alice, bob), true, "the first unfollow")
                try expect.equal(try await store.unfollow(alice, bob), false, "the repeated unfollow")
                try expect.equal(try await store.socialCounts(for: bob), SocialCounts(), "bob's counts")
                try expect.equal(try await store.socialCounts(for: alice), SocialCounts(), "alice's counts")
                try expect.equal(try await store.relationship(between: alice, and: bob), .none, "the relationship")
            },
            .init("a user cannot follow or block itself") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                try await expect.error(.invalidRelationship(""), "a self-follow") {
                    try await store.follow(alice, alice)
                }
                try await expect.error(.invalidRelationship(""), "a self-block") { try await store.block(alice, alice) }
                try expect.equal(try await store.socialCounts(for: alice), SocialCounts(), "alice's counts")
                try expect.equal(
                    try await store.relationship(between: alice, and: alice), .none, "the self relationship")
            },
            .init("following or blocking with an unknown user fails with notFound, either side") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                let ghost = UserID.random()
                try await expect.error(.notFound, "following an unknown user") { try await store.follow(alice, ghost) }
                try await expect.error(.notFound, "an unknown user following") { try await store.follow(ghost, alice) }
                try await expect.error(.notFound, "blocking an unknown user") { try await store.block(alice, ghost) }
                try await expect.error(.notFound, "an unknown user blocking") { try await store.block(ghost, alice) }
                try expect.equal(try await store.socialCounts(for: alice), SocialCounts(), "alice's counts")
            },
            .init("a block removes the follows both ways and the counts follow") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                let bob = try await scenario.createUser(username: "bob")
                let carol = try await scenario.createUser(username: "carol")
                _ = try await store.follow(alice, bob)
                _ = try await store.follow(bob, alice)
                _ = try await store.follow(carol, bob)
                try expect.equal(try await store.block(alice, bob), true, "the block")
                try expect.equal(
                    try await store.relationship(between: alice, and: bob),
                    Relationship(viewerBlocksSubject: true),
                    "alice and bob after the block"
                )
                try expect.equal(try await store.socialCounts(for: alice), SocialCounts(), "alice's counts")
                try expect.equal(try await store.socialCounts(for: bob), SocialCounts(followers: 1), "bob's counts")
                try expect.equal(try await store.socialCounts(for: carol), SocialCounts(following: 1), "carol's counts")
            },
            .init("a block forbids a follow in either direction") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                let bob = try await scenario.createUser(username: "bob")
                _ = try await store.block(alice, bob)
                try await expect.error(.invalidRelationship(""), "the blocker following") {
                    try await store.follow(alice, bob)
                }
                try await expect.error(.invalidRelationship(""), "the blocked following") {
                    try await store.follow(bob, alice)
                }
                try expect.equal(
                    try await store.relationship(between: bob, and: alice),
                    Relationship(subjectBlocksViewer: true),
                    "bob and alice after the refused follows"
                )
            },
            .init("blocking twice returns false; unblock returns true, then false") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                let bob = try await scenario.createUser(username: "bob")
                try expect.equal(try await store.unblock(alice, bob), false, "unblock without a block")
                try expect.equal(try await store.block(alice, bob), true, "the first block")
                try expect.equal(try await store.block(alice, bob), false, "the repeated block")
                try expect.equal(try await store.block(bob, alice), true, "the block back")
                try expect.equal(try await store.unblock(alice, bob), true, "the first unblock")
                try expect.equal(try await store.unblock(alice, bob), false, "the repeated unblock")
                try expect.equal(
                    try await store.relationship(between: alice, and: bob),
                    Relationship(subjectBlocksViewer: true),
                    "alice and bob after alice's unblock"
                )
                try await expect.error(.invalidRelationship(""), "alice following bob, who still blocks her") {
                    _ = try await store.follow(alice, bob)
                }
            },
            .init("unblock does not restore the follows the block removed") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                let bob = try await scenario.createUser(username: "bob")
                _ = try await store.follow(alice, bob)
                _ = try await store.follow(bob, alice)
                _ = try await store.block(alice, bob)
                _ = try await store.unblock(alice, bob)
                try expect.equal(try await store.relationship(between: alice, and: bob), .none, "after the unblock")
                try expect.equal(try await store.socialCounts(for: bob), SocialCounts(), "bob's counts")
                try expect.equal(try await store.follow(bob, alice), true, "a new follow after the unblock")
            },
            .init("relationship flags read the edges in both directions") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                let bob = try await scenario.createUser(username: "bob")
                let carol = try await scenario.createUser(username: "carol")
                _ = try await store.follow(alice, bob)
                _ = try await store.block(carol, alice)
                try expect.equal(
                    try await store.relationship(between: alice, and: bob),
                    Relationship(viewerFollowsSubject: true),
                    "alice looking at bob"
                )
                try expect.equal(
                    try await store.relationship(between: bob, and: alice),
                    Relationship(subjectFollowsViewer: true),
                    "bob looking at alice"
                )
                try expect.equal(
                    try await store.relationship(between: alice, and: carol),
                    Relationship(subjectBlocksViewer: true),
                    "alice looking at carol"
                )
                try expect.equal(
                    try await store.relationship(between: carol, and: alice),
                    Relationship(viewerBlocksSubject: true),
                    "carol looking at alice"
                )
                _ = try await store.follow(bob, alice)
                let mutual = try await store.relationship(between: alice, and: bob)
                try expect.that(mutual.isFollowing && mutual.isFollowedBy, "alice and bob follow each other: \(mutual)")
            },
            .init("an unknown user has zero counts and no relationship") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let alice = try await scenario.createUser(username: "alice")
                let ghost = UserID.random()
                try expect.equal(try await store.socialCounts(for: ghost), SocialCounts(), "the unknown user's counts")
                try expect.equal(try await store.relationship(between: alice, and: ghost), .none, "alice and the ghost")
                try expect.equal(try await store.unfollow(alice, ghost), false, "unfollowing the ghost")
                try expect.equal(try await store.unblock(ghost, alice), false, "the ghost unblocking alice")
            },
        ]
    }
}
