import ProfileDomain

extension StoreState {
    /// Applies `mutation` to records, indexes and edges together.
    ///
    /// The checks of the matching `plan...` method run again, so a mutation that contradicts the
    /// state (a replayed journal that does not match its snapshot) throws and changes nothing.
    /// Applying an edge that exists, removing one that does not, or deleting an unknown user
    /// changes nothing, so applying one mutation twice in a row is harmless. A journal, though,
    /// must be replayed onto the state it was written against (the snapshot it follows), in
    /// order: replaying an old follow after a later block contradicts the block and throws.
    mutating func apply(_ mutation: StoreMutation) throws(ProfileStoreError) {
        switch mutation {
        case .put(let record):
            try checkPut(record, as: record.userID)
            put(record)
            endHold(claimedBy: record)
        case .rename(let record, let left, let hold):
            try checkPut(record, as: record.userID)
            put(record)
            endHold(claimedBy: record)
            usernameHistories[record.userID, default: []].append(left)
            if let hold { usernameHolds[hold.username.canonicalKey] = hold }
        case .follow(let follower, let followee):
            try checkFollow(follower, followee)
            Self.insert(follower, followee, into: &followees, reverse: &followers)
        case .unfollow(let follower, let followee):
            Self.remove(follower, followee, from: &followees, reverse: &followers)
        case .block(let blocker, let blocked):
            try checkBlock(blocker, blocked)
            Self.insert(blocker, blocked, into: &blockees, reverse: &blockers)
            Self.remove(blocker, blocked, from: &followees, reverse: &followers)
            Self.remove(blocked, blocker, from: &followees, reverse: &followers)
        case .unblock(let blocker, let blocked):
            Self.remove(blocker, blocked, from: &blockees, reverse: &blockers)
        case .delete(let user):
            delete(user)
        case .deleteHolding(let user, var hold):
            delete(user)
            // Journals written before deletion holds lost their holder still name the user.
            hold.holder = nil
            usernameHolds[hold.username.canonicalKey] = hold
        case .setHold(let usernameKey, let hold):
            usernameHolds[usernameKey] = hold
        case .setHistory(let user, let history):
            usernameHistories[user] = history.isEmpty ? nil : history
        }
    }

    private mutating func put(_ record: UserRecord) {
        put(.decoded(record), keys: UserRecordKeys(record))
    }

    /// Stores `stored` under `keys.user`, replacing any previous record and its index keys.
    mutating func put(_ stored: StoredUserRecord, keys: UserRecordKeys) {
        let user = keys.user
        if let previous = records[user] {
            index(previous.keys, as: nil)
        }
        records[user] = stored
        index(keys, as: user)
    }

    /// Stores the records of users the state does not hold yet, all at once, table by table
    /// (``ShardedDictionary/insertNew(_:key:value:)``, which fills each shard while it is in the
    /// cache). Returns `false` for what `checkPut(_:as:)` refuses (a profile of another user, a
    /// key another user holds) and for a second record of one user; the state is then half
    /// changed, so only a loader that drops the state on `false` (the snapshot scan, which then
    /// hands the file to the decoder) may call it. `keys` holds each record's keys, `stored`
    /// gives the record at a position of `keys`.
    ///
    /// It fills the same tables as `index(_:as:)`, the one list of the indexes: a new index is a
    /// line there and a line here (the scan's agreement tests compare whole states).
    mutating func putNew(_ keys: [UserRecordKeys], stored: (Int) -> StoredUserRecord) -> Bool {
        guard keys.allSatisfy({ keys in keys.profileOwner.map { $0 == keys.user } ?? true }),
            records.insertNew(count: keys.count, key: { keys[$0].user }, value: stored),
            userByProfileID.insertNew(count: keys.count, key: { keys[$0].profile }, value: { keys[$0].user }),
            userByUsernameKey.insertNew(count: keys.count, key: { keys[$0].usernameKey }, value: { keys[$0].user }),
            userByEmailKey.insertNew(count: keys.count, key: { keys[$0].emailKey }, value: { keys[$0].user })
        else { return false }
        for keys in keys where keys.hasAccountState { usersWithAccountState.insert(keys.user) }
        return true
    }

    /// Points every index key in `keys` at `owner`, or removes the keys when `owner` is `nil`;
    /// returns whether none of them belonged to another user. The one list of the indexes: a new
    /// index is one more line here, and one in `putNew(_:stored:)` for the snapshot scan.
    @discardableResult
    private mutating func index(_ keys: UserRecordKeys, as owner: UserID?) -> Bool {
        var free = true
        func point<Key>(_ key: Key?, in table: inout ShardedDictionary<Key, UserID>) {
            guard let key else { return }
            let previous = owner.map { table.updateValue($0, forKey: key) } ?? table.removeValue(forKey: key)
            if let previous, previous != owner { free = false }
        }
        point(keys.profile, in: &userByProfileID)
        point(keys.usernameKey, in: &userByUsernameKey)
        point(keys.emailKey, in: &userByEmailKey)
        if keys.hasAccountState {
            if let owner { usersWithAccountState.insert(owner) } else { usersWithAccountState.remove(keys.user) }
        }
        return free
    }

    private mutating func delete(_ user: UserID) {
        guard let record = records.removeValue(forKey: user) else { return }
        usernameHistories[user] = nil
        clearHolder(user)
        index(record.keys, as: nil)
        Self.removeAll(of: user, from: &followees, reverse: &followers)
        Self.removeAll(of: user, from: &blockees, reverse: &blockers)
    }

    private static func insert(
        _ from: UserID,
        _ to: UserID,
        into forward: inout Adjacency,
        reverse: inout Adjacency
    ) {
        forward[from, default: []].insert(to)
        reverse[to, default: []].insert(from)
    }

    private static func remove(
        _ from: UserID,
        _ to: UserID,
        from forward: inout Adjacency,
        reverse: inout Adjacency
    ) {
        removeMember(to, ofKey: from, in: &forward)
        removeMember(from, ofKey: to, in: &reverse)
    }

    /// Removes every edge out of and into `user`, keeping the other side of each edge in step.
    private static func removeAll(
        of user: UserID,
        from forward: inout Adjacency,
        reverse: inout Adjacency
    ) {
        for to in forward.removeValue(forKey: user) ?? [] {
            removeMember(user, ofKey: to, in: &reverse)
        }
        for from in reverse.removeValue(forKey: user) ?? [] {
            removeMember(user, ofKey: from, in: &forward)
        }
    }

    /// Removes `member` from the set at `key`, dropping the set once empty so that equal edge
    /// sets give equal states.
    private static func removeMember(_ member: UserID, ofKey key: UserID, in adjacency: inout Adjacency) {
        guard var members = adjacency[key], members.remove(member) != nil else { return }
        adjacency[key] = members.isEmpty ? nil : members
    }
}
