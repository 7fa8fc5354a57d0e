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
/// change them only through ``apply(_:)``.
struct StoreState: Sendable, Equatable {
    /// The records by user.
    var records: [UserID: UserRecord] = [:]
    /// Username canonical key -> the user whose profile holds it.
    var userByUsernameKey: [String: UserID] = [:]
    /// Lowercased email -> the user whose account holds it.
    var userByEmailKey: [String: UserID] = [:]
    /// Profile id -> the user whose record holds that profile.
    var userByProfileID: [ProfileID: UserID] = [:]
    /// Follower -> the users it follows.
    var followees: [UserID: Set<UserID>] = [:]
    /// Followee -> the users who follow it.
    var followers: [UserID: Set<UserID>] = [:]
    /// Blocker -> the users it blocks.
    var blockees: [UserID: Set<UserID>] = [:]
    /// Blocked user -> the users who block it.
    var blockers: [UserID: Set<UserID>] = [:]

    /// An empty state.
    init() {}

    /// A state seeded with `records` and `edges`, checked like a sequence of updates.
    ///
    /// Throws what the equivalent updates would throw: ``ProfileStoreError/usernameTaken(_:)`` or
    /// ``ProfileStoreError/emailTaken`` for a clash, ``ProfileStoreError/invalidMutation(_:)`` for
    /// two records of one user or a profile of another user, ``ProfileStoreError/notFound`` for an
    /// edge to an unknown user, ``ProfileStoreError/invalidRelationship(_:)`` for a self edge or a
    /// follow across a block.
    init(records: [UserRecord], edges: [RelationshipEdge]) throws(ProfileStoreError) {
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
    }

    /// How many records the state holds.
    var recordCount: Int { records.count }

    /// The record of `user`, or `nil`.
    func record(for user: UserID) -> UserRecord? { records[user] }

    /// The record whose profile has the id `profile`, or `nil`.
    func record(forProfile profile: ProfileID) -> UserRecord? {
        userByProfileID[profile].flatMap { records[$0] }
    }

    /// The record whose profile's username has the canonical key of `username`, or `nil`.
    func record(forUsername username: Username) -> UserRecord? {
        userByUsernameKey[username.canonicalKey].flatMap { records[$0] }
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
        func flatten(_ adjacency: [UserID: Set<UserID>], as kind: RelationshipEdge.Kind) -> [RelationshipEdge] {
            adjacency.keys.sorted().flatMap { from in
                (adjacency[from] ?? []).sorted().map { RelationshipEdge(from: from, to: $0, kind: kind) }
            }
        }
        return flatten(followees, as: .follow) + flatten(blockees, as: .block)
    }

    /// Every record, sorted by user id: a deterministic order for snapshots.
    var sortedRecords: [UserRecord] {
        records.keys.sorted().compactMap { records[$0] }
    }
}
