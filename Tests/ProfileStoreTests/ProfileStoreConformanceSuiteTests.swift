import Foundation
import ProfileDomain
import ProfileStore
import ProfileStoreConformance
import Testing

@Suite("The conformance suite itself")
struct ProfileStoreConformanceSuiteTests {
    @Test("the suite catches a store with a broken promise", arguments: FlawedProfileStore.Flaw.allCases)
    func catchesFlaw(_ flaw: FlawedProfileStore.Flaw) async {
        let failures = await ProfileStoreConformance.run { FlawedProfileStore(flaw: flaw) }
        #expect(failures.contains { $0.check.contains(flaw.caughtBy) }, "\(failures)")
    }

    @Test("check names are unique, so each is one test case")
    func uniqueNames() {
        let names = ProfileStoreConformance.checks.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test("a store factory that throws fails every check with the factory's error")
    func failingFactory() async {
        struct Unavailable: Error {}
        let failures = await ProfileStoreConformance.run { throw Unavailable() }
        #expect(failures.count == ProfileStoreConformance.checks.count)
        #expect(failures.allSatisfy { $0.message.contains("could not make a store") })
    }

    @Test("a failure describes itself as file, line, check and message")
    func failureDescription() {
        let failure = ConformanceFailure(check: "a check", message: "went wrong", file: "Suite/File.swift", line: 7)
        #expect(failure.description == "Suite/File.swift:7: a check: went wrong")
    }

    @Test("an unexpected store error inside a check is reported as a failure naming the check")
    func unexpectedErrorIsWrapped() async throws {
        let check = try #require(ProfileStoreConformance.checks.first)
        await #expect {
            try await check.run(UnavailableProfileStore())
        } throws: { error in
            guard let failure = error as? ConformanceFailure else { return false }
            return failure.check == check.name && failure.message.contains("storageFailed")
        }
    }
}

/// A store whose every operation fails with a storage failure.
private struct UnavailableProfileStore: ProfileStore {
    static let failure = ProfileStoreError.storageFailed(StorageFailure("connect to db failed (errno 111)"))

    func record(for user: UserID) async throws(ProfileStoreError) -> UserRecord? { throw Self.failure }
    func record(forProfile profile: ProfileID) async throws(ProfileStoreError) -> UserRecord? { throw Self.failure }
    func record(forUsername username: Username) async throws(ProfileStoreError) -> UserRecord? { throw Self.failure }
    func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms?,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value { throw .store(Self.failure) }
    func follow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool { throw Self.failure }
    func unfollow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool { throw Self.failure }
    func block(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool { throw Self.failure }
    func unblock(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool { throw Self.failure }
    func relationship(between viewer: UserID, and subject: UserID) async throws(ProfileStoreError) -> Relationship {
        throw Self.failure
    }
    func socialCounts(for user: UserID) async throws(ProfileStoreError) -> SocialCounts { throw Self.failure }
    func edges(touching user: UserID) async throws(ProfileStoreError) -> [RelationshipEdge] { throw Self.failure }
    func deleteUser(_ user: UserID, holding terms: UsernameHoldTerms?) async throws(ProfileStoreError) -> UserRecord? {
        throw Self.failure
    }
    func usersPendingDeletion(dueAt now: Date) async throws(ProfileStoreError) -> [UserID] { throw Self.failure }
    func hold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? { throw Self.failure }
    func holds(heldFor user: UserID) async throws(ProfileStoreError) -> [UsernameHold] { throw Self.failure }
    func usernameHistory(for user: UserID) async throws(ProfileStoreError) -> [UsernameChange] { throw Self.failure }
    func releaseHold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? { throw Self.failure }
}
