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
/// - **Atomic read-modify-write.** ``update(_:expectingVersion:holding:_:)`` runs its closure on the
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
/// - **Cascade deletion.** ``deleteUser(_:holding:)`` removes the record and every edge to or
///   from the user; the email is free at once, the username too unless the step holds it.
/// - **Durability is the store's to state.** An in-memory store loses everything on exit; a
///   durable store returns from a write only once it survives a crash.
/// - **Account states travel with the record.** ``ProfileDomain/UserRecord/state`` is stored and
///   read back like any other field, and ``usersPendingDeletion(dueAt:)`` finds the deletions due.
///
/// ## Username holds and history
/// Released names stay reserved for their previous owner for a while, and each profile remembers
/// the handles it left. The ``UsernameHoldTerms`` of a step (its time and the two hold
/// durations) come from the caller (``ProfileService`` builds them from its clock and policy),
/// so a store reads no clock of its own when it is given terms.
/// - **Same step.** A rename through ``update(_:expectingVersion:holding:_:)`` with terms records
///   the left handle in the user's history and holds it (``UsernameHoldTerms/afterRename``) in
///   the same atomic step that stores the new name; ``deleteUser(_:holding:)`` with terms holds
///   the deleted user's name (``UsernameHoldTerms/afterDeletion``) in the step that deletes the
///   record. A case-only rename (`john` to `John`) is history but no hold: the key never left
///   its owner.
/// - **Held means taken for everyone else.** A claim of a canonical key that another user's hold
///   covers, active at ``UsernameHoldTerms/now``, fails with
///   ``ProfileStoreError/usernameHeld(_:until:)`` and stores nothing. Only the holder's own
///   claim succeeds (a reclaim), and it ends the hold in the same step. A claim of a key whose
///   hold expired ends that hold too.
/// - **No terms, no new holds.** With `nil` terms (``update(_:expectingVersion:_:)``,
///   ``deleteUser(_:)``) a claim is checked against holds at the wall clock, and nothing is held
///   or recorded in the history.
/// - **History goes with the user, holds stay without it.** Deleting a user removes its history;
///   its holds (the deletion's own and those of earlier renames) stay until they end or an
///   operator releases them, with no `UsernameHold.holder` (nobody may reclaim them), so no hold
///   keeps a deleted user's id.
public protocol ProfileStore: Sendable {
    /// The record of `user`, or `nil` when the store has none.
    func record(for user: UserID) async throws(ProfileStoreError) -> UserRecord?

    /// The record whose profile has the id `profile`, or `nil`.
    func record(forProfile profile: ProfileID) async throws(ProfileStoreError) -> UserRecord?

    /// The record whose profile's username has the canonical key of `username`, or `nil`.
    /// `John_Doe` finds `john_doe`.
    func record(forUsername username: Username) async throws(ProfileStoreError) -> UserRecord?

    /// Reads the record of `user`, lets `body` change it, and stores the result atomically,
    /// keeping username holds and history under `terms`.
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
    /// - With `terms`, a changed username is recorded in the history and its key held under
    ///   `terms.afterRename`, a claim is checked against holds active at `terms.now`, and a
    ///   reclaim or a claim through an expired hold ends that hold, all in the one step. With
    ///   `nil`, a claim is checked against holds at the wall clock and nothing is held or
    ///   recorded (what ``update(_:expectingVersion:_:)`` passes).
    ///
    /// - Returns: what `body` returned.
    /// - Throws: ``ProfileStoreFailure/rejected(_:)`` with what `body` threw, or
    ///   ``ProfileStoreFailure/store(_:)`` with the store's error
    ///   (``ProfileStoreError/usernameHeld(_:until:)`` for a claim that a hold refuses).
    func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms?,
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

    /// Removes `user`'s record, every edge to or from it and its username history, freeing its
    /// email at once.
    ///
    /// With `terms`, the username is held under `terms.afterDeletion`, with no holder, in the
    /// same step; with `nil` (what ``deleteUser(_:)`` passes) it is free at once. Either way the
    /// user's other holds lose their holder and stay until they end.
    ///
    /// - Returns: the removed record (so that a caller can delete the media it references), or
    ///   `nil` when there was none.
    func deleteUser(_ user: UserID, holding terms: UsernameHoldTerms?) async throws(ProfileStoreError) -> UserRecord?

    /// The users whose record is ``ProfileDomain/AccountState/pendingDeletion(requestedAt:purgeAfter:)``
    /// with `purgeAfter` at or before `now`, sorted by user id: what a purge run deletes.
    ///
    /// A snapshot of the moment; the purge re-checks each user inside an atomic step before it
    /// deletes, so a user whose state changed since is left alone.
    func usersPendingDeletion(dueAt now: Date) async throws(ProfileStoreError) -> [UserID]

    /// The hold on `username`'s canonical key, active or expired, or `nil` when there is none.
    func hold(on username: Username) async throws(ProfileStoreError) -> UsernameHold?

    /// Every hold whose holder is `user`, active or expired, sorted by canonical key: the holds
    /// "in their favour" a data export lists. Empty for an unknown or deleted user.
    func holds(heldFor user: UserID) async throws(ProfileStoreError) -> [UsernameHold]

    /// The handles `user`'s profile left, oldest first. Empty for an unknown user.
    func usernameHistory(for user: UserID) async throws(ProfileStoreError) -> [UsernameChange]

    /// Ends the hold on `username`'s canonical key at once, so anyone may claim it.
    ///
    /// - Returns: the removed hold (active or expired), or `nil` when there was none.
    func releaseHold(on username: Username) async throws(ProfileStoreError) -> UsernameHold?
}
