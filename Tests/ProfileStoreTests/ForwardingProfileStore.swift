import Foundation
import ProfileDomain
import ProfileStore

/// A test store that hands every operation to ``inner`` unless it implements the operation
/// itself: wrappers state only what they change.
protocol ForwardingProfileStore: ProfileStore {
    associatedtype Inner: ProfileStore
    /// The store that does the work.
    var inner: Inner { get }
}

extension ForwardingProfileStore {
    func record(for user: UserID) async throws(ProfileStoreError) -> UserRecord? {
        try await inner.record(for: user)
    }

    func record(forProfile profile: ProfileID) async throws(ProfileStoreError) -> UserRecord? {
        try await inner.record(forProfile: profile)
    }

    func record(forUsername username: Username) async throws(ProfileStoreError) -> UserRecord? {
        try await inner.record(forUsername: username)
    }

    func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms?,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value {
        try await inner.update(user, expectingVersion: expectedVersion, holding: terms, body)
    }

    func follow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool {
        try await inner.follow(follower, followee)
    }

    func unfollow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool {
        try await inner.unfollow(follower, followee)
    }

    func block(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool {
        try await inner.block(blocker, blocked)
    }

    func unblock(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool {
        try await inner.unblock(blocker, blocked)
    }

    func relationship(between viewer: UserID, and subject: UserID) async throws(ProfileStoreError) -> Relationship {
        try await inner.relationship(between: viewer, and: subject)
    }

    func socialCounts(for user: UserID) async throws(ProfileStoreError) -> SocialCounts {
        try await inner.socialCounts(for: user)
    }

    func edges(touching user: UserID) async throws(ProfileStoreError) -> [RelationshipEdge] {
        try await inner.edges(touching: user)
    }

    func deleteUser(_ user: UserID, holding terms: UsernameHoldTerms?) async throws(ProfileStoreError) -> UserRecord? {
        try await inner.deleteUser(user, holding: terms)
    }

    func usersPendingDeletion(dueAt now: Date) async throws(ProfileStoreError) -> [UserID] {
        try await inner.usersPendingDeletion(dueAt: now)
    }

    func hold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? {
        try await inner.hold(on: username)
    }

    func holds(heldFor user: UserID) async throws(ProfileStoreError) -> [UsernameHold] {
        try await inner.holds(heldFor: user)
    }

    func usernameHistory(for user: UserID) async throws(ProfileStoreError) -> [UsernameChange] {
        try await inner.usernameHistory(for: user)
    }

    func releaseHold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? {
        try await inner.releaseHold(on: username)
    }
}
