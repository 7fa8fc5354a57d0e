import PostgresNIO
import ProfileDomain
import ProfileStore

extension PostgresProfileStore {
    /// The longest the import's transaction may hold its connection: one hour.
    static let importHoldLimit: Duration = .seconds(3600)

    /// What ``importContents(_:)`` copied.
    public struct ImportReport: Sendable, Hashable {
        /// Records written and read back equal.
        public var records: Int
        /// Edges written and read back equal.
        public var edges: Int
        /// Username holds written and read back equal, active, expired and holder-less alike.
        public var holds: Int
        /// Users whose username history was written and read back equal.
        public var usernameHistories: Int
    }

    /// Copies `contents` (a JSON-file store's `exportContents()`: records, edges, username holds
    /// and histories) into this empty store in one transaction, reads everything back inside it
    /// and compares, so that the target holds either the whole data set, verified, or nothing.
    ///
    /// Holds are copied as they are, expired ones included (a claim ends an expired hold, as in
    /// the source), with their holder or none; histories keep their order.
    ///
    /// - Throws: ``PostgresImportError/targetNotEmpty(userCount:)`` when the store holds users,
    ///   ``PostgresImportError/mismatch(_:)`` when a read-back differs (two holds on one
    ///   canonical key, for one), or a `ProfileStoreError`: a clash between records, an edge to an
    ///   unknown user, `storageFailed` naming the foreign key for a hold's holder or a history's
    ///   user without a record, `unavailable` when the database is down.
    ///
    /// The one transaction may hold its connection for ``importHoldLimit`` rather than the
    /// configured transaction timeout, since its length grows with the data.
    public func importContents(_ contents: StoreContents) async throws -> ImportReport {
        try await withRetries(holdLimit: Self.importHoldLimit) { connection in
            let rows = try await connection.guardedQuery(
                "SELECT count(*) FROM \(unescaped: schema.name).users", logger: logger)
            for try await (count) in rows.decode(Int.self) where count > 0 {
                throw CallerError(underlying: PostgresImportError.targetNotEmpty(userCount: count))
            }
            for record in contents.records {
                try Self.checkOwnership(record, as: record.userID)
                try await write(record, over: nil, on: connection)
            }
            // Blocks first: a follow across a block is refused, whatever the source's order.
            for edge in contents.edges.sorted(by: { $0.kind == .block && $1.kind == .follow }) {
                let table = edge.kind == .follow ? "follows" : "blocks"
                let columns = edge.kind == .follow ? "follower_id, followee_id" : "blocker_id, blocked_id"
                try await connection.guardedQuery(
                    """
                    INSERT INTO \(unescaped: schema.name).\(unescaped: table) (\(unescaped: columns))
                    VALUES (\(edge.from.rawValue), \(edge.to.rawValue))
                    """, logger: logger)
            }
            // After the records: a hold's holder and a history's user must exist.
            for hold in contents.holds { try await storeHold(hold, on: connection) }
            for (user, history) in contents.usernameHistories {
                try await storeHistory(history, of: user, on: connection)
            }
            try await verify(contents, on: connection)
            return ImportReport(
                records: contents.records.count, edges: contents.edges.count, holds: contents.holds.count,
                usernameHistories: contents.usernameHistories.count)
        }
    }

    /// Reads every record, edge, hold and history back on `connection` and throws a mismatch
    /// (inside a ``CallerError``) at the first that differs from `contents`.
    private func verify(_ contents: StoreContents, on connection: PostgresConnection) async throws {
        func mismatch(_ what: String) -> CallerError {
            CallerError(underlying: PostgresImportError.mismatch(what))
        }
        for record in contents.records {
            let stored = try await fetchRecord(where: "u.user_id = $1", record.userID.rawValue, on: connection)
            guard stored == record else { throw mismatch("the record of \(record.userID)") }
        }
        guard try await storedEdges(on: connection) == Set(contents.edges) else {
            throw mismatch("the set of \(contents.edges.count) edges")
        }
        guard try await storedHolds(on: connection) == contents.holds.sorted(by: Self.byCanonicalKey) else {
            throw mismatch("the set of \(contents.holds.count) username holds")
        }
        // Empty histories are absent from the tables, so compare without them.
        guard try await storedHistories(on: connection) == contents.usernameHistories.filter({ !$0.value.isEmpty })
        else {
            throw mismatch("the username histories of \(contents.usernameHistories.count) users")
        }
    }

    /// Every username hold in the store, active or expired, sorted by canonical key: for
    /// comparisons, such as the import check's.
    public func allHolds() async throws(ProfileStoreError) -> [UsernameHold] {
        try await storeOperation { connection in try await storedHolds(on: connection) }
    }

    /// Every user's username history, oldest handle first; users without history are absent.
    public func allUsernameHistories() async throws(ProfileStoreError) -> [UserID: [UsernameChange]] {
        try await storeOperation { connection in try await storedHistories(on: connection) }
    }

    private func storedHolds(on connection: PostgresConnection) async throws -> [UsernameHold] {
        let rows = try await connection.guardedQuery(
            "SELECT username, holder_id, since, until FROM \(unescaped: schema.name).username_holds", logger: logger)
        return try await Self.holds(in: rows).sorted(by: Self.byCanonicalKey)
    }

    private func storedHistories(on connection: PostgresConnection) async throws -> [UserID: [UsernameChange]] {
        let rows = try await connection.guardedQuery(
            """
            SELECT user_id, username, left_at FROM \(unescaped: schema.name).username_history
            ORDER BY user_id, position
            """,
            logger: logger)
        return try await Self.histories(in: rows)
    }

    /// Holds in canonical-key order, compared in Swift whatever the database's collation.
    static func byCanonicalKey(_ left: UsernameHold, _ right: UsernameHold) -> Bool {
        left.username.canonicalKey < right.username.canonicalKey
    }

    /// Every edge in the store, for comparisons.
    public func allEdges() async throws(ProfileStoreError) -> Set<RelationshipEdge> {
        try await storeOperation { connection in try await storedEdges(on: connection) }
    }

    private func storedEdges(on connection: PostgresConnection) async throws -> Set<RelationshipEdge> {
        var edges: Set<RelationshipEdge> = []
        let rows = try await connection.guardedQuery(
            """
            SELECT follower_id, followee_id, 'follow' FROM \(unescaped: schema.name).follows
            UNION ALL SELECT blocker_id, blocked_id, 'block' FROM \(unescaped: schema.name).blocks
            """, logger: logger)
        for try await (from, to, kind) in rows.decode((String, String, String).self) {
            guard let from = UserID(from), let to = UserID(to), let kind = RelationshipEdge.Kind(rawValue: kind) else {
                throw PostgresProfileStoreError.invalidData("an edge \(from) -> \(to) of kind \(kind)").storeError
            }
            edges.insert(RelationshipEdge(from: from, to: to, kind: kind))
        }
        return edges
    }
}
