import ProfileDomain

/// The whole content of a profile store as one value: records, unique indexes and edges.
///
/// Every store in this module keeps one `StoreState` behind its lock. The value holds no I/O:
/// planning a change (`plan...`) reads it and enforces the promises of ``ProfileStore``;
/// applying a change (``apply(_:)``) updates records, indexes and edges together. Splitting the
/// two lets a durable store journal a planned ``StoreMutation`` before it applies it, and replay
/// the same mutations at start-up.
///
/// Invariants, kept by ``apply(_:)`` and checked by ``init(records:edges:)``:
/// - each index maps a key to the user whose record holds it, and holds every such key;
/// - follow and block edges connect existing users, never a user to itself;
/// - no follow edge exists between two users with a block edge between them, either way;
/// - each edge set is stored both ways (out and in), with no empty sets, so the counts derived
///   from them are exact.
///
/// The stored properties are internal so that the extensions in other files can maintain them;
/// change them only through ``apply(_:)``. Each is a ``ShardedDictionary``, so that the first
/// write after a snapshot's O(1) copy copies one shard of each, not whole tables; a new index is
/// one more such field, kept by `index(_:as:)` in `StoreState+Applying.swift`.
struct StoreState: Sendable, Equatable {
    /// One direction of one kind of edge: user -> the users at the other end.
    typealias Adjacency = ShardedDictionary<UserID, Set<UserID>>

    /// The records by user, decoded or (after a fast open of a JSON-file store) still encoded.
    var records = ShardedDictionary<UserID, StoredUserRecord>()
    /// Username canonical key -> the user whose profile holds it.
    var userByUsernameKey = ShardedDictionary<String, UserID>()
    /// Lowercased email -> the user whose account holds it.
    var userByEmailKey = ShardedDictionary<String, UserID>()
    /// Profile id -> the user whose record holds that profile.
    var userByProfileID = ShardedDictionary<ProfileID, UserID>()
    /// The users whose record has an account state other than active: what a purge run reads.
    /// Few (a set copied whole after a snapshot is cheap while it stays small).
    var usersWithAccountState: Set<UserID> = []
    /// Follower -> the users it follows.
    var followees = Adjacency()
    /// Followee -> the users who follow it.
    var followers = Adjacency()
    /// Blocker -> the users it blocks.
    var blockees = Adjacency()
    /// Blocked user -> the users who block it.
    var blockers = Adjacency()
    /// Username canonical key -> the hold on it, active or expired (see `StoreState+Holds`).
    var usernameHolds = ShardedDictionary<String, UsernameHold>()
    /// User -> the handles its profile left, oldest first; no empty arrays.
    var usernameHistories = ShardedDictionary<UserID, [UsernameChange]>()

    /// An empty state.
    init() {}

    /// A state seeded with `records`, `edges`, username `holds` and `histories`, checked like a
    /// sequence of updates.
    ///
    /// Throws what the equivalent updates would throw: ``ProfileStoreError/usernameTaken(_:)`` or
    /// ``ProfileStoreError/emailTaken`` for a clash, ``ProfileStoreError/invalidMutation(_:)`` for
    /// two records of one user or a profile of another user, ``ProfileStoreError/notFound`` for an
    /// edge to an unknown user, ``ProfileStoreError/invalidRelationship(_:)`` for a self edge or a
    /// follow across a block; ``ProfileStoreError/invalidMutation(_:)`` for two holds on one
    /// canonical key or a history of a user without a record.
    init(
        records: [UserRecord],
        edges: [RelationshipEdge],
        holds: [UsernameHold] = [],
        histories: [StoredUsernameHistory] = []
    ) throws(ProfileStoreError) {
        for record in records {
            guard self.records[record.userID] == nil else {
                throw .invalidMutation("two records for user \(record.userID)")
            }
            try apply(.put(record: record))
        }
        // Blocks first, so that a follow across a block is refused whatever the input order.
        for edge in edges where edge.kind == .block {
            try apply(.block(blocker: edge.from, blocked: edge.to))
        }
        for edge in edges where edge.kind == .follow {
            try apply(.follow(follower: edge.from, followee: edge.to))
        }
        try seed(holds: holds, histories: histories)
    }

    /// How many records the state holds.
    var recordCount: Int { records.count }

    /// The record of `user`, or `nil`.
    ///
    /// - Throws: ``ProfileStoreError/storageFailed(_:)`` when the record is still encoded and its
    ///   bytes do not decode (see ``StoredUserRecord``).
    func record(for user: UserID) throws(ProfileStoreError) -> UserRecord? {
        try records[user]?.record()
    }

    /// The record whose profile has the id `profile`, or `nil`; throws as ``record(for:)``.
    func record(forProfile profile: ProfileID) throws(ProfileStoreError) -> UserRecord? {
        guard let user = userByProfileID[profile] else { return nil }
        return try record(for: user)
    }

    /// The record whose profile's username has the canonical key of `username`, or `nil`; throws
    /// as ``record(for:)``.
    func record(forUsername username: Username) throws(ProfileStoreError) -> UserRecord? {
        guard let user = userByUsernameKey[username.canonicalKey] else { return nil }
        return try record(for: user)
    }

    /// The four directed edges between `viewer` and `subject`.
    func relationship(between viewer: UserID, and subject: UserID) -> Relationship {
        Relationship(
            viewerFollowsSubject: followees[viewer]?.contains(subject) ?? false,
            subjectFollowsViewer: followees[subject]?.contains(viewer) ?? false,
            viewerBlocksSubject: blockees[viewer]?.contains(subject) ?? false,
            subjectBlocksViewer: blockees[subject]?.contains(viewer) ?? false
        )
    }

    /// The exact follower and following counts of `user`; zeros for an unknown user.
    func socialCounts(for user: UserID) -> SocialCounts {
        SocialCounts(followers: followers[user]?.count ?? 0, following: followees[user]?.count ?? 0)
    }

    /// Every edge, sorted by kind, then `from`, then `to`: a deterministic order for snapshots.
    var edges: [RelationshipEdge] {
        func flatten(_ adjacency: Adjacency, as kind: RelationshipEdge.Kind) -> [RelationshipEdge] {
            adjacency.keys.sorted().flatMap { from in
                (adjacency[from] ?? []).sorted().map { RelationshipEdge(from: from, to: $0, kind: kind) }
            }
        }
        return flatten(followees, as: .follow) + flatten(blockees, as: .block)
    }

    /// Every record as stored (encoded ones stay encoded), sorted by user id: a deterministic
    /// order for snapshots.
    var sortedStoredRecords: [StoredUserRecord] {
        records.keys.sorted().compactMap { records[$0] }
    }

    /// Every record, decoded, sorted by user id; throws as ``record(for:)``.
    func sortedRecords() throws(ProfileStoreError) -> [UserRecord] {
        var decoded: [UserRecord] = []
        decoded.reserveCapacity(records.count)
        for stored in sortedStoredRecords { decoded.append(try stored.record()) }
        return decoded
    }
}
