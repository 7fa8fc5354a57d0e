import ProfileDomain

extension StoreState {
    /// The mutations that, applied in order right after `mutation` was applied to this state,
    /// bring the state back to exactly this value: how a store with group commit takes back
    /// writes it applied in memory whose journal batch then failed.
    ///
    /// Computed *before* `mutation` is applied, from what it will overwrite or remove. Undoing
    /// several mutations means applying their inverses newest first; each inverse then meets the
    /// state its mutation produced. A no-op mutation (an edge that exists, an unknown user) has an
    /// empty inverse.
    ///
    /// Throws as ``record(for:)`` when the record a put or delete replaces is still encoded and
    /// does not decode (planning the write decoded it already, so this does not happen).
    func inverse(of mutation: StoreMutation) throws(ProfileStoreError) -> [StoreMutation] {
        switch mutation {
        case .put(let record):
            return try restoringRecord(replacedBy: record)
        case .rename(let record, _, let hold):
            var undo = try restoringRecord(replacedBy: record)
            if let hold { undo += restoringHold(on: hold.username.canonicalKey) }
            undo.append(.setHistory(user: record.userID, history: usernameHistories[record.userID] ?? []))
            return undo
        case .deleteHolding(let user, let hold):
            return try inverse(of: .delete(user: user)) + restoringHold(on: hold.username.canonicalKey)
        case .setHold(let usernameKey, _):
            return restoringHold(on: usernameKey)
        case .setHistory(let user, _):
            return [.setHistory(user: user, history: usernameHistories[user] ?? [])]
        case .follow(let follower, let followee):
            return follows(follower, followee) ? [] : [.unfollow(follower: follower, followee: followee)]
        case .unfollow(let follower, let followee):
            return follows(follower, followee) ? [.follow(follower: follower, followee: followee)] : []
        case .block(let blocker, let blocked):
            // The block removed the follows both ways; the unblock comes first so that they fit.
            guard !blocks(blocker, blocked) else { return [] }
            var undo: [StoreMutation] = [.unblock(blocker: blocker, blocked: blocked)]
            if follows(blocker, blocked) { undo.append(.follow(follower: blocker, followee: blocked)) }
            if follows(blocked, blocker) { undo.append(.follow(follower: blocked, followee: blocker)) }
            return undo
        case .unblock(let blocker, let blocked):
            return blocks(blocker, blocked) ? [.block(blocker: blocker, blocked: blocked)] : []
        case .delete(let user):
            guard let record = try self.record(for: user) else { return [] }
            // The record first, then blocks before follows, as `init(records:edges:)` orders them.
            var undo: [StoreMutation] = [.put(record: record)]
            undo += (blockees[user] ?? []).sorted().map { .block(blocker: user, blocked: $0) }
            undo += (blockers[user] ?? []).sorted().map { .block(blocker: $0, blocked: user) }
            undo += (followees[user] ?? []).sorted().map { .follow(follower: user, followee: $0) }
            undo += (followers[user] ?? []).sorted().map { .follow(follower: $0, followee: user) }
            if let history = usernameHistories[user] { undo.append(.setHistory(user: user, history: history)) }
            // The delete cleared the holder of the user's holds; these put it back.
            undo += heldKeys(of: user).flatMap(restoringHold(on:))
            return undo + restoringHolds(claimedBy: [record])
        }
    }

    /// The record `record` replaces (or its absence, with any history) back, then the holds
    /// that storing either of them ends.
    private func restoringRecord(replacedBy record: UserRecord) throws(ProfileStoreError) -> [StoreMutation] {
        let user = record.userID
        let previous = try self.record(for: user)
        var undo: [StoreMutation]
        if let previous {
            undo = [.put(record: previous)]
        } else {
            // A user without a record has no edges, so deleting it removes the record alone (and
            // clears the holder of any hold naming the user, which the last step puts back).
            undo = [.delete(user: user)]
            if let history = usernameHistories[user] { undo.append(.setHistory(user: user, history: history)) }
            undo += heldKeys(of: user).flatMap(restoringHold(on:))
        }
        return undo + restoringHolds(claimedBy: [record, previous])
    }

    /// The holds on the usernames of `records` as they are now: storing a record ends the hold on
    /// its key, so an undo that stores one puts them back after it.
    private func restoringHolds(claimedBy records: [UserRecord?]) -> [StoreMutation] {
        guard !usernameHolds.isEmpty else { return [] }
        let keys = Set(records.compactMap { $0?.profile?.username?.canonicalKey })
        return keys.sorted().filter { usernameHolds[$0] != nil }.flatMap(restoringHold(on:))
    }

    /// The hold on `usernameKey` as it is now (or its absence), to apply after what replaced it.
    private func restoringHold(on usernameKey: String) -> [StoreMutation] {
        [.setHold(usernameKey: usernameKey, hold: usernameHolds[usernameKey])]
    }

    private func follows(_ follower: UserID, _ followee: UserID) -> Bool {
        followees[follower]?.contains(followee) ?? false
    }

    private func blocks(_ blocker: UserID, _ blocked: UserID) -> Bool {
        blockees[blocker]?.contains(blocked) ?? false
    }
}
