import Foundation
import ProfileDomain
import ProfileStore
import Testing

private typealias Fixture = StoreFixtures

@Suite("JSONFileProfileStore keeps the ProfileStore contract")
struct JSONFileProfileStoreContractTests {
    @Test("a stored record is found by user id, profile id and username in any ASCII case")
    func lookups() async throws {
        let store = try Fixture.makeJSONFileStore()
        let record = try Fixture.record("alice", username: "John_Doe", email: "a@example.com")
        try await Fixture.put(record, in: store)

        #expect(try await store.record(for: Fixture.user("alice")) == record)
        #expect(try await store.record(forProfile: #require(ProfileID("profile-alice"))) == record)
        #expect(try await store.record(forUsername: #require(Username("john_doe"))) == record)
        #expect(try await store.record(forUsername: #require(Username("JOHN_DOE"))) == record)
        #expect(try await store.record(for: Fixture.user("nobody")) == nil)
        #expect(try await store.record(forProfile: #require(ProfileID("missing"))) == nil)
        #expect(try await store.record(forUsername: #require(Username("missing"))) == nil)
    }

    @Test("update returns the closure's result and creates, then replaces, the record")
    func updateCreatesAndReplaces() async throws {
        let store = try Fixture.makeJSONFileStore()
        let user = try Fixture.user("alice")
        let created = try await store.update(user, expectingVersion: 0) { record -> Bool in
            let wasMissing = record == nil
            record = try Fixture.record("alice", username: "alice")
            return wasMissing
        }
        #expect(created)
        var changed = try Fixture.record("alice", username: "alice_2", version: 2)
        changed.profile?.bio = "changed"
        let seenVersion = try await store.update(user, expectingVersion: 1) { record -> Int in
            defer { record = changed }
            return record?.version ?? -1
        }
        #expect(seenVersion == 1)
        #expect(try await store.record(for: user) == changed)
        #expect(try await store.record(forUsername: #require(Username("alice"))) == nil)
    }

    @Test("a stale expected version fails with a conflict and does not call the closure")
    func versionConflict() async throws {
        let store = try Fixture.makeJSONFileStore()
        let record = try Fixture.record("alice", username: "alice", version: 3)
        try await Fixture.put(record, in: store)
        var called = false
        await #expect(throws: ProfileStoreFailure<Never>.store(.versionConflict(expected: 2, current: 3))) {
            try await store.update(record.userID, expectingVersion: 2) { _ in called = true }
        }
        await #expect(throws: ProfileStoreFailure<Never>.store(.versionConflict(expected: 1, current: 0))) {
            try await store.update(Fixture.user("bob"), expectingVersion: 1) { _ in called = true }
        }
        #expect(!called)
    }

    @Test("a username taken in any ASCII case is refused and nothing of the update is stored")
    func usernameUnique() async throws {
        let store = try Fixture.makeJSONFileStore()
        try await Fixture.put(try Fixture.record("alice", username: "john_doe"), in: store)
        let bob = try Fixture.record("bob", username: "JOHN_Doe")
        await #expect(throws: ProfileStoreError.usernameTaken("JOHN_Doe")) {
            try await Fixture.put(bob, in: store)
        }
        #expect(try await store.record(for: bob.userID) == nil)
    }

    @Test("an email taken in any case is refused")
    func emailUnique() async throws {
        let store = try Fixture.makeJSONFileStore()
        try await Fixture.put(try Fixture.record("alice", email: "Same@Example.com"), in: store)
        await #expect(throws: ProfileStoreError.emailTaken) {
            try await Fixture.put(Fixture.record("bob", email: "same@example.COM"), in: store)
        }
        #expect(try await store.record(for: Fixture.user("bob")) == nil)
    }

    @Test("a released username and email can be claimed by another user at once")
    func releasedUsernameIsFree() async throws {
        let store = try Fixture.makeJSONFileStore()
        try await Fixture.put(try Fixture.record("alice", username: "handle", email: "a@example.com"), in: store)
        try await Fixture.put(try Fixture.record("alice", username: "other", email: "b@example.com"), in: store)
        try await Fixture.put(try Fixture.record("bob", username: "Handle", email: "A@example.com"), in: store)
        #expect(try await store.record(forUsername: #require(Username("handle")))?.userID == Fixture.user("bob"))
    }

    @Test("an error thrown by the closure propagates and stores nothing")
    func closureErrorStoresNothing() async throws {
        struct Refused: Error, Equatable {}
        let store = try Fixture.makeJSONFileStore()
        let alice = try Fixture.record("alice")
        await #expect(throws: ProfileStoreFailure.rejected(Refused())) {
            try await store.update(Fixture.user("alice"), expectingVersion: nil) { (record) throws(Refused) in
                record = alice
                throw Refused()
            }
        }
        #expect(try await store.record(for: Fixture.user("alice")) == nil)
    }

    @Test("removing a record through update or storing it under another id is an invalid mutation")
    func invalidMutations() async throws {
        let store = try Fixture.makeJSONFileStore()
        try await Fixture.put(try Fixture.record("alice"), in: store)
        let dave = try Fixture.record("dave")
        await #expect(throws: ProfileStoreFailure<Never>.self) {
            try await store.update(Fixture.user("alice"), expectingVersion: nil) { $0 = nil }
        }
        await #expect(throws: ProfileStoreFailure<Never>.self) {
            try await store.update(Fixture.user("carol"), expectingVersion: nil) { $0 = dave }
        }
        #expect(try await store.record(for: Fixture.user("alice")) != nil)
        #expect(try await store.record(for: Fixture.user("carol")) == nil)
    }

    @Test("a profile id held by another user, or a profile owned by another user, is refused")
    func profileOwnership() async throws {
        let store = try Fixture.makeJSONFileStore()
        try await Fixture.put(try Fixture.record("alice"), in: store)
        var stolen = try Fixture.record("bob")
        stolen.profile?.id = try #require(ProfileID("profile-alice"))
        await #expect(throws: ProfileStoreError.self) { try await Fixture.put(stolen, in: store) }
        var foreign = try Fixture.record("carol")
        foreign.profile?.userID = try Fixture.user("alice")
        await #expect(throws: ProfileStoreError.self) { try await Fixture.put(foreign, in: store) }
        #expect(try await store.record(for: Fixture.user("bob")) == nil)
        #expect(try await store.record(for: Fixture.user("carol")) == nil)
    }

    @Test("a directory that cannot be created is an I/O error naming it")
    func uncreatableDirectory() async throws {
        try await Fixture.withDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let file = directory + "/file"
            try Fixture.write([1], to: "file", in: directory)
            let error = try #require(throws: JSONFileStoreError.self) {
                try JSONFileProfileStore(directory: file + "/store", options: .createIfMissing)
            }
            guard case .io(_, let path, _) = error else {
                Issue.record("expected .io, got \(error)")
                return
            }
            #expect(path == file + "/store")
        }
    }

    @Test("follow and unfollow keep exact counts and report whether anything changed")
    func followCounts() async throws {
        let store = try Fixture.makeJSONFileStore()
        for name in ["a", "b", "c"] { try await Fixture.put(try Fixture.record(name), in: store) }
        let (a, b, c) = (try Fixture.user("a"), try Fixture.user("b"), try Fixture.user("c"))
        #expect(try await store.follow(a, b))
        #expect(try await !store.follow(a, b))
        #expect(try await store.follow(c, b))
        #expect(try await store.socialCounts(for: b) == SocialCounts(followers: 2, following: 0))
        #expect(try await store.socialCounts(for: a) == SocialCounts(followers: 0, following: 1))
        #expect(try await store.relationship(between: a, and: b) == Relationship(viewerFollowsSubject: true))
        #expect(try await store.unfollow(a, b))
        #expect(try await !store.unfollow(a, b))
        #expect(try await store.socialCounts(for: b) == SocialCounts(followers: 1, following: 0))
        #expect(try await store.socialCounts(for: Fixture.user("unknown")) == SocialCounts())
    }

    @Test("following or blocking an unknown user is not found; oneself is an invalid relationship")
    func relationshipErrors() async throws {
        let store = try Fixture.makeJSONFileStore()
        try await Fixture.put(try Fixture.record("a"), in: store)
        let a = try Fixture.user("a")
        await #expect(throws: ProfileStoreError.notFound) { try await store.follow(a, Fixture.user("ghost")) }
        await #expect(throws: ProfileStoreError.notFound) { try await store.block(Fixture.user("ghost"), a) }
        await #expect(throws: ProfileStoreError.self) { try await store.follow(a, a) }
        await #expect(throws: ProfileStoreError.self) { try await store.block(a, a) }
    }

    @Test("a block removes follows both ways, forbids new ones, and unblocking restores nothing")
    func blockRemovesFollows() async throws {
        let store = try Fixture.makeJSONFileStore()
        for name in ["a", "b"] { try await Fixture.put(try Fixture.record(name), in: store) }
        let (a, b) = (try Fixture.user("a"), try Fixture.user("b"))
        _ = try await store.follow(a, b)
        _ = try await store.follow(b, a)
        #expect(try await store.block(a, b))
        #expect(try await !store.block(a, b))
        #expect(try await store.relationship(between: a, and: b) == Relationship(viewerBlocksSubject: true))
        #expect(try await store.socialCounts(for: a) == SocialCounts())
        await #expect(throws: ProfileStoreError.self) { try await store.follow(b, a) }
        await #expect(throws: ProfileStoreError.self) { try await store.follow(a, b) }
        #expect(try await store.unblock(a, b))
        #expect(try await !store.unblock(a, b))
        #expect(try await store.relationship(between: a, and: b) == .none)
    }

    @Test("deleting a user removes its record and every edge both ways and frees its handle")
    func deleteCascades() async throws {
        let store = try Fixture.makeJSONFileStore()
        let alice = try Fixture.record("alice", username: "alice", email: "alice@example.com")
        try await Fixture.put(alice, in: store)
        for name in ["b", "c"] { try await Fixture.put(try Fixture.record(name), in: store) }
        let (a, b, c) = (alice.userID, try Fixture.user("b"), try Fixture.user("c"))
        _ = try await store.follow(a, b)
        _ = try await store.follow(c, a)
        _ = try await store.block(a, c)
        _ = try await store.block(b, a)

        #expect(try await store.deleteUser(a) == alice)
        #expect(try await store.deleteUser(a) == nil)
        #expect(try await store.record(for: a) == nil)
        #expect(try await store.record(forProfile: #require(ProfileID("profile-alice"))) == nil)
        #expect(try await store.socialCounts(for: b) == SocialCounts())
        #expect(try await store.socialCounts(for: c) == SocialCounts())
        #expect(try await store.relationship(between: b, and: a) == .none)
        #expect(try await store.relationship(between: c, and: a) == .none)
        try await Fixture.put(try Fixture.record("d", username: "ALICE", email: "Alice@example.com"), in: store)
    }

    @Test("of many tasks racing for one username exactly one wins")
    func concurrentClaims() async throws {
        let store = try Fixture.makeJSONFileStore()
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<24 {
                let record = try Fixture.record("racer-\(index)", username: "Wanted")
                group.addTask {
                    do {
                        try await Fixture.put(record, in: store)
                        return true
                    } catch ProfileStoreError.usernameTaken {
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await store.record(forUsername: #require(Username("wanted"))) != nil)
    }

    @Test("concurrent follows of one user are all counted")
    func concurrentFollows() async throws {
        let store = try Fixture.makeJSONFileStore()
        let star = try Fixture.record("star")
        try await Fixture.put(star, in: store)
        let fans = try (0..<40).map { try Fixture.record("fan-\($0)") }
        for fan in fans { try await Fixture.put(fan, in: store) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for fan in fans {
                group.addTask { _ = try await store.follow(fan.userID, star.userID) }
            }
            try await group.waitForAll()
        }
        #expect(try await store.socialCounts(for: star.userID).followers == fans.count)
    }

    @Test("an update that changes nothing writes nothing")
    func noOpWritesNothing() async throws {
        let store = try Fixture.makeJSONFileStore()
        let record = try Fixture.record("alice", username: "alice")
        try await Fixture.put(record, in: store)
        let before = try Fixture.contents(of: store.directory.path)
        try await Fixture.put(record, in: store)
        _ = try await store.unfollow(record.userID, Fixture.user("nobody"))
        try await store.update(Fixture.user("nobody"), expectingVersion: 0) { $0 = nil }
        #expect(try Fixture.contents(of: store.directory.path) == before)
    }

    @Test("a closed store refuses every operation with EBADF, and closing twice is harmless")
    func closedStore() async throws {
        let store = try Fixture.makeJSONFileStore()
        try store.store.close()
        try store.store.close()
        await #expect(
            throws: ProfileStoreError.storageFailed(
                StorageFailure(
                    JSONFileStoreError.io(operation: "use a closed store", path: store.store.directory, errno: EBADF)))
        ) {
            try await store.record(for: Fixture.user("alice"))
        }
        await #expect(throws: ProfileStoreError.self) { try await Fixture.put(Fixture.record("alice"), in: store) }
        #expect(throws: ProfileStoreError.self) { try store.store.snapshot() }
    }
}
