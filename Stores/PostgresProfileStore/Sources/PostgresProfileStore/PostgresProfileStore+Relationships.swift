import PostgresNIO
import ProfileDomain
import ProfileStore

extension PostgresProfileStore {
    /// Makes `follower` follow `followee`; `false` when the edge already existed.
    public func follow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool {
        guard follower != followee else { throw .invalidRelationship("a user cannot follow itself") }
        return try await storeOperation { connection in
            try await lockUsers(follower, followee, on: connection)
            let edges = try await relationship(between: follower, and: followee, on: connection)
            if edges.viewerBlocksSubject {
                throw ProfileStoreError.invalidRelationship("\(follower) blocks \(followee) and cannot follow them")
            }
            if edges.subjectBlocksViewer {
                throw ProfileStoreError.invalidRelationship("\(followee) blocks \(follower), who cannot follow them")
            }
            return try await changedRows(
                """
                INSERT INTO \(unescaped: schema.name).follows (follower_id, followee_id)
                VALUES (\(follower.rawValue), \(followee.rawValue)) ON CONFLICT DO NOTHING RETURNING 1
                """, on: connection)
        }
    }

    /// Removes the follow `follower` -> `followee`; `false` when there was none.
    public func unfollow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool {
        try await storeOperation { connection in
            try await lockUsers(follower, followee, requireBoth: false, on: connection)
            return try await changedRows(
                """
                DELETE FROM \(unescaped: schema.name).follows
                WHERE follower_id = \(follower.rawValue) AND followee_id = \(followee.rawValue) RETURNING 1
                """, on: connection)
        }
    }

    /// Makes `blocker` block `blocked`, removing follows both ways; `false` when already blocked.
    public func block(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool {
        guard blocker != blocked else { throw .invalidRelationship("a user cannot block itself") }
        return try await storeOperation { connection in
            try await lockUsers(blocker, blocked, on: connection)
            let inserted = try await changedRows(
                """
                INSERT INTO \(unescaped: schema.name).blocks (blocker_id, blocked_id)
                VALUES (\(blocker.rawValue), \(blocked.rawValue)) ON CONFLICT DO NOTHING RETURNING 1
                """, on: connection)
            guard inserted else { return false }
            try await connection.guardedQuery(
                """
                DELETE FROM \(unescaped: schema.name).follows
                WHERE (follower_id = \(blocker.rawValue) AND followee_id = \(blocked.rawValue))
                    OR (follower_id = \(blocked.rawValue) AND followee_id = \(blocker.rawValue))
                """, logger: logger)
            return true
        }
    }

    /// Removes the block `blocker` -> `blocked`; `false` when there was none.
    public func unblock(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool {
        try await storeOperation { connection in
            try await lockUsers(blocker, blocked, requireBoth: false, on: connection)
            return try await changedRows(
                """
                DELETE FROM \(unescaped: schema.name).blocks
                WHERE blocker_id = \(blocker.rawValue) AND blocked_id = \(blocked.rawValue) RETURNING 1
                """, on: connection)
        }
    }

    /// The four directed edges between `viewer` and `subject`.
    public func relationship(
        between viewer: UserID,
        and subject: UserID
    ) async throws(ProfileStoreError) -> Relationship {
        try await storeOperation { connection in
            try await relationship(between: viewer, and: subject, on: connection)
        }
    }

    /// The exact follower and following counts of `user`; zeros for an unknown user.
    public func socialCounts(for user: UserID) async throws(ProfileStoreError) -> SocialCounts {
        try await storeOperation { connection in
            let rows = try await connection.guardedQuery(
                """
                SELECT follower_count, following_count FROM \(unescaped: schema.name).users
                WHERE user_id = \(user.rawValue)
                """, logger: logger)
            for try await (followers, following) in rows.decode((Int, Int).self) {
                return SocialCounts(followers: followers, following: following)
            }
            return SocialCounts()
        }
    }

    /// Every edge to or from `user`, follows first, each kind sorted by `from` then `to`; one
    /// statement, so one instant.
    public func edges(touching user: UserID) async throws(ProfileStoreError) -> [RelationshipEdge] {
        try await storeOperation { connection in
            let rows = try await connection.guardedQuery(
                """
                SELECT follower_id, followee_id, 'follow', 0 FROM \(unescaped: schema.name).follows
                WHERE follower_id = \(user.rawValue) OR followee_id = \(user.rawValue)
                UNION ALL SELECT blocker_id, blocked_id, 'block', 1 FROM \(unescaped: schema.name).blocks
                WHERE blocker_id = \(user.rawValue) OR blocked_id = \(user.rawValue)
                """, logger: logger)
            var edges: [(order: Int, edge: RelationshipEdge)] = []
            for try await (from, to, kind, order) in rows.decode((String, String, String, Int).self) {
                guard let from = UserID(from), let to = UserID(to), let kind = RelationshipEdge.Kind(rawValue: kind)
                else {
                    throw PostgresProfileStoreError.invalidData("an edge \(from) -> \(to) of kind \(kind)").storeError
                }
                edges.append((order, RelationshipEdge(from: from, to: to, kind: kind)))
            }
            // Sorted here rather than by ORDER BY: the database's collation need not order ids
            // the way Swift's `String` comparison (the other stores') does.
            return edges.sorted { ($0.order, $0.edge.from, $0.edge.to) < ($1.order, $1.edge.from, $1.edge.to) }
                .map(\.edge)
        }
    }

    /// Locks both users' rows in a fixed order (by id, so that two transactions locking the same
    /// pair cannot deadlock) until the transaction ends; with `requireBoth`, a missing user is
    /// ``ProfileStore/ProfileStoreError/notFound``.
    private func lockUsers(
        _ first: UserID, _ second: UserID, requireBoth: Bool = true, on connection: PostgresConnection
    ) async throws {
        let rows = try await connection.guardedQuery(
            """
            SELECT user_id FROM \(unescaped: schema.name).users
            WHERE user_id = ANY(\([first.rawValue, second.rawValue])) ORDER BY user_id FOR UPDATE
            """, logger: logger)
        var locked = 0
        for try await _ in rows { locked += 1 }
        if requireBoth, locked < 2 { throw ProfileStoreError.notFound }
    }

    private func relationship(
        between viewer: UserID, and subject: UserID, on connection: PostgresConnection
    ) async throws -> Relationship {
        let (viewerID, subjectID) = (viewer.rawValue, subject.rawValue)
        let follows = "\(schema.name).follows WHERE follower_id = $1 AND followee_id = $2"
        let reverseFollows = "\(schema.name).follows WHERE follower_id = $2 AND followee_id = $1"
        let blocks = "\(schema.name).blocks WHERE blocker_id = $1 AND blocked_id = $2"
        let reverseBlocks = "\(schema.name).blocks WHERE blocker_id = $2 AND blocked_id = $1"
        let sql =
            "SELECT "
            + [follows, reverseFollows, blocks, reverseBlocks].map { "EXISTS(SELECT 1 FROM \($0))" }
            .joined(separator: ", ")
        var bindings = PostgresBindings()
        bindings.append(viewerID)
        bindings.append(subjectID)
        let rows = try await connection.guardedQuery(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        for try await (a, b, c, d) in rows.decode((Bool, Bool, Bool, Bool).self) {
            return Relationship(
                viewerFollowsSubject: a, subjectFollowsViewer: b, viewerBlocksSubject: c, subjectBlocksViewer: d)
        }
        return Relationship()
    }

    /// Runs `query` (which returns one row per changed row) and tells whether it changed any.
    private func changedRows(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> Bool {
        var changed = false
        for try await _ in try await connection.guardedQuery(query, logger: logger) { changed = true }
        return changed
    }
}
