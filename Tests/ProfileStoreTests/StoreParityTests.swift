import ProfileDomain
import ProfileStore
import Testing

private typealias Fixture = StoreFixtures

/// The two stores of this module, for tests that must hold for both alike.
enum StoreKind: String, CaseIterable, CustomStringConvertible {
    case inMemory
    case jsonFile

    var description: String { rawValue }

    /// A fresh, empty store of this kind.
    func make() throws -> any ProfileStore {
        switch self {
        case .inMemory: InMemoryProfileStore()
        case .jsonFile: try Fixture.makeJSONFileStore()
        }
    }
}

@Suite("Both stores answer every request alike")
struct StoreParityTests {
    @Test(
        "a self-follow or self-block is invalidRelationship even for a user without a record",
        arguments: StoreKind.allCases)
    func selfEdgeBeforeExistence(_ kind: StoreKind) async throws {
        let store = try kind.make()
        let ghost = try Fixture.user("ghost")
        await #expect(throws: ProfileStoreError.invalidRelationship("a user cannot follow itself")) {
            try await store.follow(ghost, ghost)
        }
        await #expect(throws: ProfileStoreError.invalidRelationship("a user cannot block itself")) {
            try await store.block(ghost, ghost)
        }
    }

    @Test("a profile id of another user is invalidMutation, checked before the username", arguments: StoreKind.allCases)
    func profileOwnershipBeforeUniqueness(_ kind: StoreKind) async throws {
        let store = try kind.make()
        try await Fixture.put(try Fixture.record("alice", username: "alice"), in: store)
        var bob = try Fixture.record("bob", username: "ALICE")
        bob.profile?.id = try #require(ProfileID("profile-alice"))
        await #expect(throws: ProfileStoreError.invalidMutation("profile id profile-alice belongs to another user")) {
            try await Fixture.put(bob, in: store)
        }
        #expect(try await store.record(for: bob.userID) == nil)
    }

    @Test("setting a missing record to nil stores nothing and is no error", arguments: StoreKind.allCases)
    func nilForMissingRecordIsNoOp(_ kind: StoreKind) async throws {
        let store = try kind.make()
        let ghost = try Fixture.user("ghost")
        let result = try await store.update(ghost, expectingVersion: 0) { record -> String in
            record = nil
            return "ran"
        }
        #expect(result == "ran")
        #expect(try await store.record(for: ghost) == nil)
    }

    @Test("the same requests, refused ones included, give the same results and errors in both stores")
    func sameScriptSameOutcomes() async throws {
        let outcomes = try await StoreKind.allCases.asyncMap { try await Self.runScript(on: $0.make()) }
        #expect(outcomes[0] == outcomes[1])
        #expect(outcomes[0].contains { $0.hasPrefix("error") }, "the script exercises refusals")
    }

    /// Runs every kind of request, accepted and refused, and describes each outcome.
    private static func runScript(on store: any ProfileStore) async throws -> [String] {
        var outcomes: [String] = []
        func note(_ request: () async throws -> some Any) async {
            do {
                outcomes.append("ok \(try await request())")
            } catch {
                outcomes.append("error \(error)")
            }
        }
        let (a, b, c, ghost) = try (Fixture.user("a"), Fixture.user("b"), Fixture.user("c"), Fixture.user("ghost"))
        for (user, name) in [(a, "a"), (b, "b"), (c, "c")] {
            let record = try Fixture.record(user, username: "user_\(name)", email: "\(name)@example.com")
            await note { try await store.update(user, expectingVersion: 0) { $0 = record } }
        }
        await note { try await store.update(a, expectingVersion: 0) { _ in } }
        await note { try await Fixture.put(try Fixture.record(b, username: "USER_A"), in: store) }
        await note { try await Fixture.put(try Fixture.record(c, email: "A@example.com"), in: store) }
        await note { try await store.update(a, expectingVersion: nil) { $0 = nil } }
        await note { try await store.update(a, expectingVersion: nil) { $0?.account.userID = ghost } }
        await note { try await store.follow(a, b) }
        await note { try await store.follow(a, b) }
        await note { try await store.follow(a, ghost) }
        await note { try await store.follow(ghost, ghost) }
        await note { try await store.block(b, a) }
        await note { try await store.follow(a, b) }
        await note { try await store.follow(b, a) }
        await note { try await store.unblock(b, a) }
        await note { try await store.unblock(b, a) }
        await note { try await store.unfollow(a, b) }
        await note { try await store.follow(c, a) }
        await note { try await store.socialCounts(for: a) }
        await note { try await store.relationship(between: a, and: c) }
        await note { try await store.deleteUser(c) }
        await note { try await store.deleteUser(c) }
        await note { try await store.socialCounts(for: a) }
        for user in [a, b, c] { await note { try await store.record(for: user) } }
        return outcomes
    }
}

extension Sequence {
    /// The results of `transform` for each element, in order, awaited one after another.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
