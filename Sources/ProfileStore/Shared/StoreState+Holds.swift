import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Username holds and history (see ``ProfileStore`` for the promises).
///
/// Whether a hold is active depends on the time, so it is checked while *planning* a claim (at
/// ``UsernameHoldTerms/now``) and never again while *applying* it: a replayed journal must give
/// the same state whenever it is replayed. A claim that planning allowed (the holder's reclaim,
/// or a hold that had expired) ends the hold on its key when applied.
extension StoreState {
    /// Seeds holds and histories after the records, refusing two holds on one key and a history
    /// of a user without a record.
    mutating func seed(holds: [UsernameHold], histories: [StoredUsernameHistory]) throws(ProfileStoreError) {
        for var hold in holds {
            let key = hold.username.canonicalKey
            guard usernameHolds[key] == nil else { throw .invalidMutation("two holds on username key \(key)") }
            // A file written before deletions cleared holders names users without a record: open
            // it, and let the next snapshot forget those ids.
            if let holder = hold.holder, records[holder] == nil { hold.holder = nil }
            usernameHolds[key] = hold
        }
        for entry in histories where !entry.history.isEmpty {
            guard records[entry.user] != nil, usernameHistories[entry.user] == nil else {
                throw .invalidMutation("a username history of user \(entry.user), who has no record or another history")
            }
            usernameHistories[entry.user] = entry.history
        }
    }

    /// Every hold sorted by canonical key, and every history sorted by user: a deterministic
    /// order for snapshots.
    var sortedHolds: [UsernameHold] {
        usernameHolds.keys.sorted().compactMap { usernameHolds[$0] }
    }

    /// Every username history, sorted by user.
    var sortedHistories: [StoredUsernameHistory] {
        usernameHistories.keys.sorted().compactMap { user in
            usernameHistories[user].map { StoredUsernameHistory(user: user, history: $0) }
        }
    }

    /// The hold on `username`'s canonical key, active or not.
    func hold(on username: Username) -> UsernameHold? {
        usernameHolds[username.canonicalKey]
    }

    /// Every hold of `holder`, sorted by canonical key. A scan of all holds: holds are few
    /// compared with records, and only an export or an owner's history page asks.
    func holds(heldFor holder: UserID) -> [UsernameHold] {
        sortedHolds.filter { $0.holder == holder }
    }

    /// The handles `user` left, oldest first.
    func usernameHistory(for user: UserID) -> [UsernameChange] {
        usernameHistories[user] ?? []
    }

    /// Ends the hold on the key of the username `record` claims, if any: planning allowed the
    /// claim, so the hold was the claimant's own or had expired.
    mutating func endHold(claimedBy record: UserRecord) {
        guard !usernameHolds.isEmpty, let key = record.profile?.username?.canonicalKey else { return }
        usernameHolds[key] = nil
    }

    /// Throws ``ProfileStoreError/usernameHeld(_:until:)`` when `candidate` newly claims a key
    /// that a hold of another user covers at `now` (the wall clock when `nil`: a plain update).
    func checkHolds(_ candidate: UserRecord, replacing current: UserRecord?, at now: Date?) throws(ProfileStoreError) {
        guard !usernameHolds.isEmpty, let username = candidate.profile?.username else { return }
        let key = username.canonicalKey
        guard key != current?.profile?.username?.canonicalKey, let hold = usernameHolds[key],
            hold.holder != candidate.userID, hold.isActive(at: now ?? Date())
        else { return }
        throw .usernameHeld(username.rawValue, until: hold.until)
    }

    /// The mutation that stores `candidate` over `current`: a `rename` that records the left
    /// handle (and holds it under `terms`) when the username changed and there are terms, else
    /// a `put`.
    func storing(_ candidate: UserRecord, replacing current: UserRecord?, terms: UsernameHoldTerms?) -> StoreMutation {
        guard let terms, let left = current?.profile?.username, left.rawValue != candidate.profile?.username?.rawValue
        else { return .put(record: candidate) }
        // A case-only change keeps the key with its owner: history, but nothing to hold.
        let hold =
            left.canonicalKey == candidate.profile?.username?.canonicalKey
            ? nil : terms.hold(of: left, by: candidate.userID, for: terms.afterRename)
        return .rename(record: candidate, left: UsernameChange(username: left, leftAt: terms.now), hold: hold)
    }

    /// The mutation that deletes `user`, holding its username under `terms` when there are
    /// terms that hold anything; `nil` when the user has no record.
    func planDelete(_ user: UserID, holding terms: UsernameHoldTerms? = nil) throws(ProfileStoreError) -> StoreMutation?
    {
        guard records[user] != nil else { return nil }
        guard let terms, let username = try record(for: user)?.profile?.username,
            let hold = terms.hold(of: username, by: nil, for: terms.afterDeletion)
        else { return .delete(user: user) }
        return .deleteHolding(user: user, hold: hold)
    }

    /// Clears the holder of every hold of `user`, who is being deleted: a deleted user can never
    /// reclaim, and its holds must not keep its id. A scan of all holds, as deletions are rare.
    mutating func clearHolder(_ user: UserID) {
        guard !usernameHolds.isEmpty else { return }
        for key in heldKeys(of: user) { usernameHolds[key]?.holder = nil }
    }

    /// The canonical keys of the holds whose holder is `user`, sorted.
    func heldKeys(of user: UserID) -> [String] {
        usernameHolds.keys.filter { usernameHolds[$0]?.holder == user }.sorted()
    }

    /// The mutation that releases the hold on `username`'s key, or `nil` when there is none.
    func planReleaseHold(on username: Username) -> StoreMutation? {
        let key = username.canonicalKey
        return usernameHolds[key] == nil ? nil : .setHold(usernameKey: key, hold: nil)
    }
}
