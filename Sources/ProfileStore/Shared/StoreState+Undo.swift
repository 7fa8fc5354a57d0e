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
            // A user without a record has no edges, so deleting it removes the record alone.
            guard let previous = try self.record(for: record.userID) else { return [.delete(user: record.userID)] }
            return [.put(record: previous)]
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
            return undo
        }
    }

    private func follows(_ follower: UserID, _ followee: UserID) -> Bool {
        followees[follower]?.contains(followee) ?? false
    }

    private func blocks(_ blocker: UserID, _ blocked: UserID) -> Bool {
        blockees[blocker]?.contains(blocked) ?? false
    }
}
