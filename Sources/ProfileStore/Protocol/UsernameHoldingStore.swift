import ProfileDomain

/// A ``ProfileStore`` that keeps username holds and history: released names stay reserved for
/// their previous owner for a while, and each profile remembers the handles it left.
///
/// The in-memory and JSON-file stores conform; `ProfileService` uses these requirements
/// whenever its store conforms and falls back to ``ProfileStore`` (a released name is free at
/// once, no history) when it does not. The `ProfileStoreConformance` suite's hold cases prove a
/// conforming store.
///
/// ## The promises
/// - **Same step.** A rename through ``update(_:expectingVersion:holding:_:)`` records the left
///   handle in the user's history and holds it (``UsernameHoldTerms/afterRename``) in the same
///   atomic step that stores the new name; ``deleteUser(_:holding:)`` holds the deleted user's
///   name (``UsernameHoldTerms/afterDeletion``) in the step that deletes the record. A case-only
///   rename (`john` to `John`) is history but no hold: the key never left its owner.
/// - **Held means taken for everyone else.** A claim of a canonical key that another user's
///   hold covers, active at ``UsernameHoldTerms/now``, fails with
///   ``ProfileStoreError/usernameHeld(_:until:)`` and stores nothing. Only the holder's own
///   claim succeeds (a reclaim), and it ends the hold in the same step. A claim of a key whose
///   hold expired ends that hold too.
/// - **Plain updates respect holds.** ``ProfileStore/update(_:expectingVersion:_:)`` on a
///   conforming store checks holds at the wall clock and creates none.
/// - **History goes with the user, holds stay without it.** Deleting a user removes its history;
///   its holds (the deletion's own and those of earlier renames) stay until they end or an
///   operator releases them, with no `UsernameHold.holder` (nobody may reclaim them), so no
///   hold keeps a deleted user's id.
public protocol UsernameHoldingStore: ProfileStore {
    /// ``ProfileStore/update(_:expectingVersion:_:)`` with username holds: a changed username
    /// is recorded in the history and held under `terms`, a claim is checked against holds
    /// active at `terms.now`, and a reclaim ends the holder's hold, all in the one atomic step.
    func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value

    /// ``ProfileStore/deleteUser(_:)`` that holds the user's username under
    /// `terms.afterDeletion` with no holder in the same step, removes its username history, and
    /// clears the holder of the user's other holds.
    func deleteUser(_ user: UserID, holding terms: UsernameHoldTerms) async throws(ProfileStoreError) -> UserRecord?

    /// The hold on `username`'s canonical key, active or expired, or `nil` when there is none.
    func hold(on username: Username) async throws(ProfileStoreError) -> UsernameHold?

    /// Every hold whose holder is `user`, active or expired, sorted by canonical key: the holds
    /// "in their favour" a data export lists. Empty for an unknown user.
    func holds(heldFor user: UserID) async throws(ProfileStoreError) -> [UsernameHold]

    /// The handles `user`'s profile left, oldest first. Empty for an unknown user.
    func usernameHistory(for user: UserID) async throws(ProfileStoreError) -> [UsernameChange]

    /// Ends the hold on `username`'s canonical key at once, so anyone may claim it.
    ///
    /// - Returns: the removed hold, or `nil` when there was none.
    func releaseHold(on username: Username) async throws(ProfileStoreError) -> UsernameHold?
}
