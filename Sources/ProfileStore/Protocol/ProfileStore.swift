import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where users' records and the edges between them live: the contract every store meets.
///
/// In the spirit of swift-log's `LogHandler`, the protocol is small and every requirement is
/// a semantic promise. ``InMemoryProfileStore`` and ``JSONFileProfileStore`` implement it here;
/// another team can implement it over PostgreSQL or SQLite and prove it with the
/// `ProfileStoreConformance` suite, which runs every promise below against any store.
///
/// ## The promises
/// - **One record per user.** A ``ProfileDomain/UserRecord`` holds the account, profile,
///   preferences and media references of one user.
/// - **Atomic read-modify-write.** ``update(_:expectingVersion:_:)`` runs its closure on the
///   current record and stores the result as one atomic step: no other update of any user
///   interleaves between the read and the write for the unique indexes involved.
/// - **Unique indexes inside the step.** A username's canonical key and an email
///   (case-insensitive) belong to at most one user. Two concurrent claims can never both win:
///   the loser gets ``ProfileStoreError/usernameTaken(_:)`` or ``ProfileStoreError/emailTaken``
///   and nothing of its update is stored.
/// - **Optimistic versions.** An update that names the version it read fails with
///   ``ProfileStoreError/versionConflict(expected:current:)`` when the record moved on.
/// - **Exact relationships.** Follow edges and block edges are sets; counts derived from them
///   are exact under concurrency. A block removes the follows both ways and forbids new ones.
/// - **Cascade deletion.** ``deleteUser(_:)`` removes the record and every edge to or from the
///   user; the username and email are free at once.
/// - **Durability is the store's to state.** An in-memory store loses everything on exit; a
///   durable store returns from a write only once it survives a crash.
/// - **Account states travel with the record.** ``ProfileDomain/UserRecord/state`` is stored and
///   read back like any other field, and ``usersPendingDeletion(dueAt:)`` finds the deletions due.
public protocol ProfileStore: Sendable {
    /// The record of `user`, or `nil` when the store has none.
    func record(for user: UserID) async throws(ProfileStoreError) -> UserRecord?

    /// The record whose profile has the id `profile`, or `nil`.
    func record(forProfile profile: ProfileID) async throws(ProfileStoreError) -> UserRecord?

    /// The record whose profile's username has the canonical key of `username`, or `nil`.
    /// `John_Doe` finds `john_doe`.
    func record(forUsername username: Username) async throws(ProfileStoreError) -> UserRecord?

    /// Reads the record of `user`, lets `body` change it, and stores the result atomically.
    ///
    /// - `body` receives `nil` when the user has no record yet; setting a record creates it.
    ///   The record's ``ProfileDomain/UserRecord/userID`` must stay `user`, and a record cannot
    ///   be set back to `nil` (``ProfileStoreError/invalidMutation(_:)``): use ``deleteUser(_:)``.
    /// - When `expectedVersion` is not `nil` and differs from the stored record's
    ///   ``ProfileDomain/UserRecord/version`` (0 without a record or profile), `body` is not
    ///   called and the update fails with ``ProfileStoreError/versionConflict(expected:current:)``.
    /// - Unique indexes are checked against the result; a clash stores nothing.
    /// - An error thrown by `body` propagates unchanged, with its own type, as
    ///   ``ProfileStoreFailure/rejected(_:)``, and stores nothing.
    /// - A result equal to the stored record writes nothing (no I/O for a no-op).
    /// - `body` runs synchronously while the store holds its write lock: it must not block.
    ///
    /// - Returns: what `body` returned.
    /// - Throws: ``ProfileStoreFailure/rejected(_:)`` with what `body` threw, or
    ///   ``ProfileStoreFailure/store(_:)`` with the store's error.
    func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value

    /// Makes `follower` follow `followee`. Returns `false` when the edge already existed.
    ///
    /// Fails with ``ProfileStoreError/notFound`` when either user has no record, and with
    /// ``ProfileStoreError/invalidRelationship(_:)`` for a self-follow or when either has
    /// blocked the other.
    func follow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool

    /// Removes the follow edge `follower` -> `followee`. Returns `false` when there was none.
    func unfollow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool

    /// Makes `blocker` block `blocked` and removes the follow edges between them both ways.
    /// Returns `false` when the block already existed.
    ///
    /// Fails with ``ProfileStoreError/notFound`` when either user has no record and with
    /// ``ProfileStoreError/invalidRelationship(_:)`` for a self-block.
    func block(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool

    /// Removes the block edge `blocker` -> `blocked`. Returns `false` when there was none.
    /// Follows removed by the block are not restored.
    func unblock(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool

    /// The edges between `viewer` and `subject`, both ways.
    func relationship(between viewer: UserID, and subject: UserID) async throws(ProfileStoreError) -> Relationship

    /// How many users follow `user` and how many it follows (0 and 0 for an unknown user).
    func socialCounts(for user: UserID) async throws(ProfileStoreError) -> SocialCounts

    /// Every follow and block edge that starts or ends at `user`, sorted by kind (follows first),
    /// then `from`, then `to`, read at one instant; empty for an unknown user.
    ///
    /// What a data export lists as the user's relationships. The store returns blocks made
    /// against `user` too; deciding what the user may see of them is the caller's.
    func edges(touching user: UserID) async throws(ProfileStoreError) -> [RelationshipEdge]

    /// Removes `user`'s record and every edge to or from it, freeing its username and email.
    ///
    /// - Returns: the removed record (so that a caller can delete the media it references), or
    ///   `nil` when there was none.
    func deleteUser(_ user: UserID) async throws(ProfileStoreError) -> UserRecord?

    /// The users whose record is ``ProfileDomain/AccountState/pendingDeletion(requestedAt:purgeAfter:)``
    /// with `purgeAfter` at or before `now`, sorted by user id: what a purge run deletes.
    ///
    /// A snapshot of the moment; the purge re-checks each user inside an atomic step before it
    /// deletes, so a user whose state changed since is left alone.
    func usersPendingDeletion(dueAt now: Date) async throws(ProfileStoreError) -> [UserID]
}
