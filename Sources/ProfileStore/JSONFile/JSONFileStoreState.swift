import ProfileDomain

/// The whole content of a JSON-file store in memory: records, the unique indexes over them and
/// the follow and block edges, each kept in both directions so that every look-up, count and
/// cascade costs time in the size of the answer, never in the number of users.
///
/// Every change goes through ``check(_:)`` (which decides and never mutates) and then
/// ``apply(_:)`` (which never fails): the store writes the journal record in between, so a
/// failed write leaves memory untouched, and replay uses the same two steps.
struct JSONFileStoreState: Sendable {
    /// Records by user.
    private(set) var records: [UserID: UserRecord] = [:]
    /// The user holding each username canonical key.
    private(set) var usersByUsernameKey: [String: UserID] = [:]
    /// The user holding each lowercased email.
    private(set) var usersByEmailKey: [String: UserID] = [:]
    /// The user owning each profile id.
    private(set) var usersByProfileID: [ProfileID: UserID] = [:]
    /// Follow edges, from follower to followees.
    private(set) var following: [UserID: Set<UserID>] = [:]
    /// Follow edges, from followee to followers.
    private(set) var followers: [UserID: Set<UserID>] = [:]
    /// Block edges, from blocker to blocked users.
    private(set) var blocking: [UserID: Set<UserID>] = [:]
    /// Block edges, from blocked user to blockers.
    private(set) var blockedBy: [UserID: Set<UserID>] = [:]
    /// The sequence number of the last applied operation; 0 for an empty store.
    var sequence = 0

    /// The record of `user`.
    func record(for user: UserID) -> UserRecord? { records[user] }

    /// The record whose profile has id `profile`.
    func record(forProfile profile: ProfileID) -> UserRecord? {
        usersByProfileID[profile].flatMap { records[$0] }
    }

    /// The record whose username has the canonical key `key`.
    func record(forUsernameKey key: String) -> UserRecord? {
        usersByUsernameKey[key].flatMap { records[$0] }
    }

    /// The four edges between `viewer` and `subject`.
    func relationship(between viewer: UserID, and subject: UserID) -> Relationship {
        Relationship(
            viewerFollowsSubject: following[viewer]?.contains(subject) ?? false,
            subjectFollowsViewer: following[subject]?.contains(viewer) ?? false,
            viewerBlocksSubject: blocking[viewer]?.contains(subject) ?? false,
            subjectBlocksViewer: blocking[subject]?.contains(viewer) ?? false
        )
    }

    /// Follower and following counts of `user`.
    func socialCounts(for user: UserID) -> SocialCounts {
        SocialCounts(followers: followers[user]?.count ?? 0, following: following[user]?.count ?? 0)
    }

    /// Every edge, follows then blocks, each sorted, for a snapshot.
    func edges(of kind: RelationshipEdge.Kind) -> [RelationshipEdge] {
        let adjacency = kind == .follow ? following : blocking
        return adjacency.keys.sorted().flatMap { from in
            (adjacency[from] ?? []).sorted().map { RelationshipEdge(from: from, to: $0, kind: kind) }
        }
    }

    /// Whether `operation` may be applied and whether it would change anything.
    ///
    /// - Throws: the contract's error for an operation the store refuses (a taken username or
    ///   email, an unknown user, a self-follow or a follow across a block).
    func check(_ operation: JSONFileOperation) throws(ProfileStoreError) -> Bool {
        switch operation {
        case .put(let record):
            return try checkPut(record)
        case .follow(let from, let to):
            try requireRecords(from, to)
            guard from != to else { throw .invalidRelationship("a user cannot follow themselves") }
            guard !relationship(between: from, and: to).isBlocked else {
                throw .invalidRelationship("\(from) has blocked \(to); a follow across a block is not allowed")
            }
            guard !relationship(between: to, and: from).isBlocked else {
                throw .invalidRelationship("\(to) has blocked \(from); a follow across a block is not allowed")
            }
            return !(following[from]?.contains(to) ?? false)
        case .unfollow(let from, let to):
            return following[from]?.contains(to) ?? false
        case .block(let from, let to):
            try requireRecords(from, to)
            guard from != to else { throw .invalidRelationship("a user cannot block themselves") }
            return !(blocking[from]?.contains(to) ?? false)
        case .unblock(let from, let to):
            return blocking[from]?.contains(to) ?? false
        case .deleteUser(let user):
            return records[user] != nil
        }
    }

    /// Applies an operation that ``check(_:)`` accepted.
    mutating func apply(_ operation: JSONFileOperation) {
        switch operation {
        case .put(let record):
            put(record)
        case .follow(let from, let to):
            following[from, default: []].insert(to)
            followers[to, default: []].insert(from)
        case .unfollow(let from, let to):
            removeFollow(from, to)
        case .block(let from, let to):
            blocking[from, default: []].insert(to)
            blockedBy[to, default: []].insert(from)
            removeFollow(from, to)
            removeFollow(to, from)
        case .unblock(let from, let to):
            Self.remove(to, from: from, in: &blocking)
            Self.remove(from, from: to, in: &blockedBy)
        case .deleteUser(let user):
            deleteUser(user)
        }
    }

    private func requireRecords(_ first: UserID, _ second: UserID) throws(ProfileStoreError) {
        guard records[first] != nil, records[second] != nil else { throw .notFound }
    }

    private func checkPut(_ record: UserRecord) throws(ProfileStoreError) -> Bool {
        let user = record.userID
        if let key = record.profile?.username?.canonicalKey, let holder = usersByUsernameKey[key], holder != user {
            throw .usernameTaken(record.profile?.username?.rawValue ?? key)
        }
        if let key = record.account.emailKey, let holder = usersByEmailKey[key], holder != user {
            throw .emailTaken
        }
        if let profile = record.profile {
            if profile.userID != user {
                throw .invalidMutation("the profile belongs to \(profile.userID), not to \(user)")
            }
            if let holder = usersByProfileID[profile.id], holder != user {
                throw .invalidMutation("profile id \(profile.id) already belongs to another user")
            }
        }
        return records[user] != record
    }

    private mutating func put(_ record: UserRecord) {
        let user = record.userID
        if let old = records[user] { removeIndexes(of: old) }
        records[user] = record
        if let key = record.profile?.username?.canonicalKey { usersByUsernameKey[key] = user }
        if let key = record.account.emailKey { usersByEmailKey[key] = user }
        if let id = record.profile?.id { usersByProfileID[id] = user }
    }

    private mutating func removeIndexes(of record: UserRecord) {
        if let key = record.profile?.username?.canonicalKey { usersByUsernameKey[key] = nil }
        if let key = record.account.emailKey { usersByEmailKey[key] = nil }
        if let id = record.profile?.id { usersByProfileID[id] = nil }
    }

    private mutating func deleteUser(_ user: UserID) {
        if let old = records.removeValue(forKey: user) { removeIndexes(of: old) }
        for followee in following.removeValue(forKey: user) ?? [] { Self.remove(user, from: followee, in: &followers) }
        for follower in followers.removeValue(forKey: user) ?? [] { Self.remove(user, from: follower, in: &following) }
        for blocked in blocking.removeValue(forKey: user) ?? [] { Self.remove(user, from: blocked, in: &blockedBy) }
        for blocker in blockedBy.removeValue(forKey: user) ?? [] { Self.remove(user, from: blocker, in: &blocking) }
    }

    private mutating func removeFollow(_ from: UserID, _ to: UserID) {
        Self.remove(to, from: from, in: &following)
        Self.remove(from, from: to, in: &followers)
    }

    /// Removes `member` from the set under `key`, dropping the set once empty so that a
    /// deleted or isolated user leaves no key behind.
    private static func remove(_ member: UserID, from key: UserID, in adjacency: inout [UserID: Set<UserID>]) {
        // Mutating through the subscript keeps the set uniquely referenced: no copy per edge.
        guard adjacency[key]?.remove(member) != nil else { return }
        if adjacency[key]?.isEmpty == true { adjacency[key] = nil }
    }
}
