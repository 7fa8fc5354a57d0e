import ProfileDomain
import ProfileStore
import Testing

@Suite("InMemoryProfileStore beyond the protocol")
struct InMemoryProfileStoreTests {
    @Test("a seeded store holds the records and edges it was given")
    func seeding() async throws {
        let (alice, bob) = (try StoreFixtures.record(username: "alice"), try StoreFixtures.record(username: "bob"))
        let store = try InMemoryProfileStore(
            records: [alice, bob],
            edges: [RelationshipEdge(from: alice.userID, to: bob.userID, kind: .follow)]
        )
        #expect(store.recordCount == 2)
        #expect(try await store.record(forUsername: #require(Username("BOB"))) == bob)
        #expect(try await store.socialCounts(for: bob.userID) == SocialCounts(followers: 1))
    }

    @Test("seeding refuses what an update would refuse")
    func seedingValidates() throws {
        let alice = try StoreFixtures.record(username: "alice", email: "a@example.com")
        let ghost = UserID.random()
        #expect(throws: ProfileStoreError.usernameTaken("ALICE")) {
            try InMemoryProfileStore(records: [alice, try StoreFixtures.record(username: "ALICE")])
        }
        #expect(throws: ProfileStoreError.emailTaken) {
            try InMemoryProfileStore(records: [alice, try StoreFixtures.record(email: "A@example.com")])
        }
        #expect(throws: ProfileStoreError.notFound) {
            try InMemoryProfileStore(
                records: [alice], edges: [RelationshipEdge(from: alice.userID, to: ghost, kind: .follow)])
        }
        let expectInvalid: [(records: [UserRecord], edges: [RelationshipEdge])] = [
            ([alice, alice], []),
            ([alice], [RelationshipEdge(from: alice.userID, to: alice.userID, kind: .block)]),
        ]
        for (records, edges) in expectInvalid {
            #expect(throws: (any Error).self) { try InMemoryProfileStore(records: records, edges: edges) }
        }
    }

    @Test("seeding refuses a follow across a block, whatever the order of the edges")
    func seedingRefusesFollowAcrossBlock() throws {
        let (alice, bob) = (try StoreFixtures.record(), try StoreFixtures.record())
        let follow = RelationshipEdge(from: bob.userID, to: alice.userID, kind: .follow)
        let block = RelationshipEdge(from: alice.userID, to: bob.userID, kind: .block)
        for edges in [[follow, block], [block, follow]] {
            #expect {
                try InMemoryProfileStore(records: [alice, bob], edges: edges)
            } throws: { error in
                guard case .invalidRelationship = error as? ProfileStoreError else { return false }
                return true
            }
        }
    }

    @Test("a profile that names another user is an invalidMutation")
    func profileOfAnotherUser() async throws {
        let store = InMemoryProfileStore()
        let user = UserID.random()
        var record = try StoreFixtures.record(user)
        record.profile?.userID = .random()
        await #expect {
            try await store.update(user, expectingVersion: nil) { $0 = record }
        } throws: { error in
            guard case .invalidMutation = (error as? ProfileStoreFailure<Never>)?.storeError else { return false }
            return true
        }
        #expect(store.recordCount == 0)
    }

    @Test("a profile id that belongs to another user is an invalidMutation")
    func profileIDOfAnotherUser() async throws {
        let alice = try StoreFixtures.record(username: "alice")
        let store = try InMemoryProfileStore(records: [alice])
        var bob = try StoreFixtures.record()
        bob.profile?.id = try #require(alice.profile?.id)
        await #expect {
            try await store.update(bob.userID, expectingVersion: nil) { $0 = bob }
        } throws: { error in
            guard case .invalidMutation = (error as? ProfileStoreFailure<Never>)?.storeError else { return false }
            return true
        }
        #expect(try await store.record(forProfile: #require(alice.profile?.id)) == alice)
    }

    @Test("the update closure may capture non-Sendable state: it runs synchronously inside the lock")
    func nonSendableClosure() async throws {
        final class Counter { var calls = 0 }
        let counter = Counter()
        let store = InMemoryProfileStore()
        let record = try StoreFixtures.record(username: "counted")
        let calls = try await store.update(record.userID, expectingVersion: nil) { stored in
            counter.calls += 1
            stored = record
            return counter.calls
        }
        #expect(calls == 1)
        #expect(counter.calls == 1)
    }

    @Test("recordCount follows creates and deletes")
    func recordCount() async throws {
        let store = InMemoryProfileStore()
        let record = try StoreFixtures.record()
        try await store.update(record.userID, expectingVersion: nil) { $0 = record }
        #expect(store.recordCount == 1)
        _ = try await store.deleteUser(record.userID)
        #expect(store.recordCount == 0)
    }
}
