import PostgresNIO
import ProfileDomain
import ProfileStore

extension PostgresProfileStore {
    /// The longest the import's transaction may hold its connection: one hour.
    static let importHoldLimit: Duration = .seconds(3600)

    /// What ``importContents(records:edges:)`` copied.
    public struct ImportReport: Sendable, Hashable {
        /// Records written and read back equal.
        public var records: Int
        /// Edges written and read back equal.
        public var edges: Int
    }

    /// Copies `records` and `edges` (a JSON-file store's `exportContents()`) into this empty
    /// store in one transaction, reads everything back inside it and compares, so that the
    /// target holds either the whole data set, verified, or nothing.
    ///
    /// - Throws: ``PostgresImportError/targetNotEmpty(userCount:)`` when the store holds users,
    ///   ``PostgresImportError/mismatch(_:)`` when a read-back differs, or a `ProfileStoreError`
    ///   (a clash between records, an edge to an unknown user, the database unavailable).
    ///
    /// The one transaction may hold its connection for ``importHoldLimit`` rather than the
    /// configured transaction timeout, since its length grows with the data.
    public func importContents(records: [UserRecord], edges: [RelationshipEdge]) async throws -> ImportReport {
        try await withRetries(holdLimit: Self.importHoldLimit) { connection in
            let rows = try await connection.guardedQuery(
                "SELECT count(*) FROM \(unescaped: schema.name).users", logger: logger)
            for try await (count) in rows.decode(Int.self) where count > 0 {
                throw CallerError(underlying: PostgresImportError.targetNotEmpty(userCount: count))
            }
            for record in records {
                try Self.checkOwnership(record, as: record.userID)
                try await write(record, over: nil, on: connection)
            }
            // Blocks first: a follow across a block is refused, whatever the source's order.
            for edge in edges.sorted(by: { $0.kind == .block && $1.kind == .follow }) {
                let table = edge.kind == .follow ? "follows" : "blocks"
                let columns = edge.kind == .follow ? "follower_id, followee_id" : "blocker_id, blocked_id"
                try await connection.guardedQuery(
                    """
                    INSERT INTO \(unescaped: schema.name).\(unescaped: table) (\(unescaped: columns))
                    VALUES (\(edge.from.rawValue), \(edge.to.rawValue))
                    """, logger: logger)
            }
            for record in records {
                let stored = try await fetchRecord(where: "u.user_id = $1", record.userID.rawValue, on: connection)
                guard stored == record else {
                    throw CallerError(underlying: PostgresImportError.mismatch("the record of \(record.userID)"))
                }
            }
            let stored = try await storedEdges(on: connection)
            guard stored == Set(edges) else {
                throw CallerError(underlying: PostgresImportError.mismatch("the set of \(edges.count) edges"))
            }
            return ImportReport(records: records.count, edges: edges.count)
        }
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
                throw ProfileStoreError.invalidMutation("the database holds an edge \(from) -> \(to) of kind \(kind)")
            }
            edges.insert(RelationshipEdge(from: from, to: to, kind: kind))
        }
        return edges
    }
}
