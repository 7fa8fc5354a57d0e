import ProfileDomain
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A ``ProfileStore`` that keeps everything in memory behind one lock: the default for tests,
/// previews and small servers that can lose their data on exit.
///
/// Every operation takes one `Mutex` over the whole state, so each is atomic with respect to all
/// others; ``update(_:expectingVersion:holding:_:)`` runs its closure inside the lock, synchronously, with
/// no isolation hop (a non-`Sendable` closure is fine). Nothing is durable: the data lives as
/// long as the instance.
///
/// ```swift
/// let store = InMemoryProfileStore()
/// try await store.update(user, expectingVersion: nil) { record in
///     record = UserRecord(account: Account(userID: user, createdAt: .now))
/// }
/// ```
public final class InMemoryProfileStore: ProfileStore {
    let state: Mutex<StoreState>

    /// Creates an empty store.
    public init() {
        state = Mutex(StoreState())
    }

    /// Creates a store seeded with `records` and `edges`, checked as if each had been stored by
    /// an update, a follow or a block.
    ///
    /// - Throws: ``ProfileStoreError/invalidMutation(_:)`` for two records of one user or a
    ///   profile that names another user; ``ProfileStoreError/usernameTaken(_:)`` or
    ///   ``ProfileStoreError/emailTaken`` for a clash between records;
    ///   ``ProfileStoreError/notFound`` for an edge to a user without a record;
    ///   ``ProfileStoreError/invalidRelationship(_:)`` for a self edge or a follow across a block.
    public init(records: [UserRecord], edges: [RelationshipEdge] = []) throws(ProfileStoreError) {
        state = Mutex(try StoreState(records: records, edges: edges))
    }

    /// How many user records the store holds.
    public var recordCount: Int {
        state.withLock { $0.recordCount }
    }

    /// The record of `user`, or `nil`.
    public func record(for user: UserID) async throws(ProfileStoreError) -> UserRecord? {
        try state.withLock { (state) throws(ProfileStoreError) in try state.record(for: user) }
    }

    /// The record whose profile has the id `profile`, or `nil`.
    public func record(forProfile profile: ProfileID) async throws(ProfileStoreError) -> UserRecord? {
        try state.withLock { (state) throws(ProfileStoreError) in try state.record(forProfile: profile) }
    }

    /// The record whose profile's username has the canonical key of `username`, or `nil`.
    public func record(forUsername username: Username) async throws(ProfileStoreError) -> UserRecord? {
        try state.withLock { (state) throws(ProfileStoreError) in try state.record(forUsername: username) }
    }

    /// Runs `body` on `user`'s record inside the store's lock and stores the result, keeping
    /// username holds and history under `terms`; see
    /// ``ProfileStore/update(_:expectingVersion:holding:_:)`` for every rule.
    ///
    /// Beyond the protocol, the record's profile must name `user` and its profile id must not
    /// belong to another user (``ProfileStoreError/invalidMutation(_:)``).
    public func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms?,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value {
        // The locked section returns a `Result`: see `StoreState.plannedUpdate` for why no typed
        // error crosses `withLock`.
        let outcome = state.withLock { state -> Result<Value, ProfileStoreFailure<Failure>> in
            let planned = state.plannedUpdate(user, expectingVersion: expectedVersion, holding: terms, body)
            return StoreState.storing(planned) { mutation throws(ProfileStoreError) in try state.apply(mutation) }
        }
        return try outcome.get()
    }

    /// Makes `follower` follow `followee`; `false` when the edge already existed.
    public func follow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool {
        try perform { state throws(ProfileStoreError) in try state.planFollow(follower, followee) }
    }

    /// Removes the follow `follower` -> `followee`; `false` when there was none.
    public func unfollow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool {
        try perform { state in state.planUnfollow(follower, followee) }
    }

    /// Makes `blocker` block `blocked`, removing follows both ways; `false` when already blocked.
    public func block(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool {
        try perform { state throws(ProfileStoreError) in try state.planBlock(blocker, blocked) }
    }

    /// Removes the block `blocker` -> `blocked`; `false` when there was none.
    public func unblock(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool {
        try perform { state in state.planUnblock(blocker, blocked) }
    }

    /// The four directed edges between `viewer` and `subject`.
    public func relationship(
        between viewer: UserID,
        and subject: UserID
    ) async throws(ProfileStoreError) -> Relationship {
        state.withLock { $0.relationship(between: viewer, and: subject) }
    }

    /// The exact follower and following counts of `user`; zeros for an unknown user.
    public func socialCounts(for user: UserID) async throws(ProfileStoreError) -> SocialCounts {
        state.withLock { $0.socialCounts(for: user) }
    }

    /// Every edge to or from `user`, follows first, each kind sorted by `from` then `to`.
    public func edges(touching user: UserID) async throws(ProfileStoreError) -> [RelationshipEdge] {
        state.withLock { $0.edges(touching: user) }
    }

    /// Removes `user`'s record, edges and username history, holding its username under
    /// `terms.afterDeletion` when given; returns the removed record, or `nil`.
    public func deleteUser(
        _ user: UserID, holding terms: UsernameHoldTerms?
    ) async throws(ProfileStoreError)
        -> UserRecord?
    {
        try state.withLock { state throws(ProfileStoreError) in
            let removed = try state.record(for: user)
            if let mutation = try state.planDelete(user, holding: terms) {
                try state.apply(mutation)
            }
            return removed
        }
    }

    /// The users whose deletion is due at `now`, sorted.
    public func usersPendingDeletion(dueAt now: Date) async throws(ProfileStoreError) -> [UserID] {
        try state.withLock { state throws(ProfileStoreError) in try state.usersPendingDeletion(dueAt: now) }
    }

    /// Plans and applies one mutation under the lock; `true` when something changed.
    func perform(
        _ plan: (StoreState) throws(ProfileStoreError) -> StoreMutation?
    ) throws(ProfileStoreError) -> Bool {
        try state.withLock { state throws(ProfileStoreError) in
            guard let mutation = try plan(state) else { return false }
            try state.apply(mutation)
            return true
        }
    }
}
