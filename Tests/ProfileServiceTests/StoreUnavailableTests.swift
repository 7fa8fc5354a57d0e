import Foundation
import ProfileKit
import ProfileKitTestSupport
import Testing

/// A store whose database is down: every operation fails with `.unavailable`, as a remote store's
/// does while its server cannot be reached.
private struct UnreachableProfileStore: ProfileStore {
    static let reason = "connection refused by db.internal:5432"
    private var failure: ProfileStoreError { .unavailable(reason: Self.reason) }

    func record(for user: UserID) async throws(ProfileStoreError) -> UserRecord? { throw failure }
    func record(forProfile profile: ProfileID) async throws(ProfileStoreError) -> UserRecord? { throw failure }
    func record(forUsername username: Username) async throws(ProfileStoreError) -> UserRecord? { throw failure }
    func update<Value: Sendable, Failure: Error>(
        _ user: UserID, expectingVersion expectedVersion: Int?, holding terms: UsernameHoldTerms?,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value { throw .store(failure) }
    func follow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool { throw failure }
    func unfollow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool { throw failure }
    func block(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool { throw failure }
    func unblock(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool { throw failure }
    func relationship(between viewer: UserID, and subject: UserID) async throws(ProfileStoreError) -> Relationship {
        throw failure
    }
    func socialCounts(for user: UserID) async throws(ProfileStoreError) -> SocialCounts { throw failure }
    func edges(touching user: UserID) async throws(ProfileStoreError) -> [RelationshipEdge] { throw failure }
    func deleteUser(_ user: UserID, holding terms: UsernameHoldTerms?) async throws(ProfileStoreError) -> UserRecord? {
        throw failure
    }
    func usersPendingDeletion(dueAt now: Date) async throws(ProfileStoreError) -> [UserID] { throw failure }
    func hold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? { throw failure }
    func holds(heldFor user: UserID) async throws(ProfileStoreError) -> [UsernameHold] { throw failure }
    func usernameHistory(for user: UserID) async throws(ProfileStoreError) -> [UsernameChange] { throw failure }
    func releaseHold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? { throw failure }
}

@Suite("A store that cannot be reached")
struct StoreUnavailableTests {
    let service = ProfileService(store: UnreachableProfileStore(), policy: .creator, media: InMemoryMediaStore())
    let user = UserID("user-1")

    @Test("an unavailable store is a 503 store_unavailable whose message hides the reason")
    func mapsTo503() {
        let error = ProfileStoreError.unavailable(reason: UnreachableProfileStore.reason).profileError
        #expect(error.status == .serviceUnavailable)
        #expect(error.code == .storeUnavailable)
        #expect(!error.message.contains("db.internal"))
        #expect(error.underlyingDescription?.contains("db.internal") == true)
    }

    @Test("reads and atomic writes through the service answer 503 while the store is unavailable")
    func serviceAnswers503() async throws {
        let user = try #require(user)
        let upsert = await profileError {
            _ = try await service.upsertProfile(
                ProfileUpdate(profile: SpecSamplePatches.creator(username: "john_doe")), for: .user(user))
        }
        let other = try #require(UserID("user-2"))
        let follow = await profileError { _ = try await service.follow(other, for: .user(user)) }
        #expect(upsert?.status == .serviceUnavailable)
        #expect(upsert?.code == .storeUnavailable)
        #expect(follow?.status == .serviceUnavailable)
    }

    @Test("the creator spec's PUT answers 503 with its error envelope")
    func endpointAnswers503() async throws {
        let user = try #require(user)
        let endpoints = ProfileAPI(service: service, specs: [.creator])
        let response = await endpoints.respond(
            to: EndpointRequest(
                method: "PUT", path: "/api/v1/profiles/me", caller: .user(user),
                body: Array(
                    #"{"username":"john_doe","displayName":"John Doe","bio":"Content creator","niche":["fitness"]}"#
                        .utf8)))
        #expect(response.status.code == 503)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("db.internal"))
    }
}
