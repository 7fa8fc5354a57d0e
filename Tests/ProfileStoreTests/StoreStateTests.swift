import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

@Suite("StoreState: planning, applying, replaying, snapshots")
struct StoreStateTests {
    @Test("planning an update changes nothing; applying the planned mutation stores the record")
    func planThenApply() throws {
        var state = StoreState()
        let record = try StoreFixtures.record(username: "alice", email: "a@example.com")
        let planned = try state.planUpdate(record.userID, expectingVersion: 0) { stored in
            stored = record
            return "done"
        }
        #expect(planned.result == "done")
        #expect(planned.mutation == .put(record: record))
        #expect(state == StoreState())
        try state.apply(#require(planned.mutation))
        #expect(try state.record(for: record.userID) == record)
        #expect(try state.record(forUsername: #require(Username("ALICE"))) == record)
    }

    @Test("a no-op update plans no mutation")
    func noOpPlansNothing() throws {
        let record = try StoreFixtures.record(username: "idle")
        let state = try StoreState(records: [record], edges: [])
        let planned = try state.planUpdate(record.userID, expectingVersion: 1) { $0 = record }
        #expect(planned.mutation == nil)
    }

    @Test("edge plans are nil when nothing would change")
    func edgePlansAreNilForNoChange() throws {
        let (alice, bob) = (try StoreFixtures.record(), try StoreFixtures.record())
        var state = try StoreState(records: [alice, bob], edges: [])
        #expect(state.planUnfollow(alice.userID, bob.userID) == nil)
        #expect(state.planUnblock(alice.userID, bob.userID) == nil)
        #expect(try state.planDelete(.random()) == nil)
        try state.apply(#require(try state.planFollow(alice.userID, bob.userID)))
        #expect(try state.planFollow(alice.userID, bob.userID) == nil)
        try state.apply(#require(try state.planBlock(alice.userID, bob.userID)))
        #expect(try state.planBlock(alice.userID, bob.userID) == nil)
    }

    @Test("replaying the mutations a sequence of operations planned rebuilds an equal state")
    func replayRebuildsState() throws {
        var live = StoreState()
        var journal: [StoreMutation] = []
        func record(_ mutation: StoreMutation?) throws {
            guard let mutation else { return }
            try live.apply(mutation)
            journal.append(mutation)
        }
        let users = try (0..<5).map { try StoreFixtures.record(username: "user\($0)", email: "u\($0)@example.com") }
        for user in users {
            try record(live.planUpdate(user.userID, expectingVersion: 0) { $0 = user }.mutation)
        }
        try record(live.planFollow(users[0].userID, users[1].userID))
        try record(live.planFollow(users[1].userID, users[0].userID))
        try record(live.planFollow(users[2].userID, users[0].userID))
        try record(live.planBlock(users[0].userID, users[1].userID))
        try record(live.planFollow(users[3].userID, users[4].userID))
        try record(try live.planDelete(users[3].userID))
        try record(
            live.planUpdate(users[2].userID, expectingVersion: 1) { stored in
                stored?.profile?.username = Username("renamed")
                stored?.profile?.version += 1
            }.mutation
        )
        var replayed = StoreState()
        for mutation in journal {
            try replayed.apply(mutation)
        }
        #expect(replayed == live)
        var doubled = StoreState()
        for mutation in journal {
            try doubled.apply(mutation)
            try doubled.apply(mutation)
        }
        #expect(doubled == live, "applying each mutation twice in a row changes nothing more")
    }

    @Test("a mutation that contradicts the state throws on apply and changes nothing")
    func contradictoryMutationIsRefused() throws {
        let alice = try StoreFixtures.record(username: "alice")
        let bob = try StoreFixtures.record(username: "bob")
        var state = try StoreState(
            records: [alice, bob], edges: [RelationshipEdge(from: alice.userID, to: bob.userID, kind: .block)])
        let before = state
        let thief = try StoreFixtures.record(username: "Alice")
        #expect(throws: ProfileStoreError.usernameTaken("Alice")) { try state.apply(.put(record: thief)) }
        #expect(throws: ProfileStoreError.notFound) {
            try state.apply(.follow(follower: alice.userID, followee: .random()))
        }
        #expect(throws: (any Error).self) { try state.apply(.follow(follower: bob.userID, followee: alice.userID)) }
        #expect(state == before)
    }

    @Test("a snapshot round-trips through JSON to an equal state, in a deterministic encoding")
    func snapshotRoundTrip() throws {
        let users = try (0..<4).map { try StoreFixtures.record(username: "user\($0)", email: "U\($0)@example.com") }
        let edges = [
            RelationshipEdge(from: users[0].userID, to: users[1].userID, kind: .follow),
            RelationshipEdge(from: users[2].userID, to: users[1].userID, kind: .follow),
            RelationshipEdge(from: users[3].userID, to: users[0].userID, kind: .block),
        ]
        let state = try StoreState(records: users, edges: edges)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(state)
        let decoded = try JSONDecoder().decode(StoreState.self, from: data)
        #expect(decoded == state)
        #expect(try encoder.encode(decoded) == data)
        #expect(Set(decoded.edges) == Set(edges))
    }

    @Test("a snapshot that breaks an invariant fails to decode with dataCorrupted")
    func inconsistentSnapshotFailsToDecode() throws {
        let users = [try StoreFixtures.record(username: "twin"), try StoreFixtures.record(username: "TWIN")]
        let json = try JSONEncoder().encode(["records": users])
        var object = try #require(JSONSerialization.jsonObject(with: json) as? [String: Any])
        object["edges"] = []
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect {
            try JSONDecoder().decode(StoreState.self, from: data)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.contains("usernameTaken")
        }
    }

    @Test("a mutation encodes as JSON keyed by its case name")
    func mutationEncoding() throws {
        let (follower, followee) = (try #require(UserID("u1")), try #require(UserID("u2")))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(StoreMutation.follow(follower: follower, followee: followee))
        #expect(String(decoding: data, as: UTF8.self) == #"{"follow":{"followee":"u2","follower":"u1"}}"#)
        let all: [StoreMutation] = [
            .put(record: try StoreFixtures.record(username: "x")), .follow(follower: follower, followee: followee),
            .unfollow(follower: follower, followee: followee), .block(blocker: follower, blocked: followee),
            .unblock(blocker: follower, blocked: followee), .delete(user: follower),
        ]
        for mutation in all {
            #expect(try JSONDecoder().decode(StoreMutation.self, from: encoder.encode(mutation)) == mutation)
        }
    }
}
