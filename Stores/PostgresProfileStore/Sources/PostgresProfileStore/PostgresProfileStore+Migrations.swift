import PostgresNIO

extension PostgresProfileStore {
    /// The longest the migrations' transaction may hold its connection: ten minutes.
    static let migrationHoldLimit: Duration = .seconds(600)

    /// Applies the migrations the database lacks, in one transaction under an advisory lock keyed
    /// by the schema name, so that concurrent start-ups wait for each other and apply each
    /// migration once. The transaction may hold its connection for ``migrationHoldLimit``, not
    /// the configured transaction timeout: it waits for other starters' migrations and may
    /// rewrite large tables.
    func migrate(isolation: isolated (any Actor)? = #isolation) async throws(PostgresProfileStoreError) {
        do {
            try await pool.withConnection(isolation: isolation, holdLimit: Self.migrationHoldLimit) { connection in
                try await Self.transaction(on: connection, logger: logger) {
                    try await connection.guardedQuery(
                        "SELECT pg_advisory_xact_lock(hashtext(\("profilekit.migrations." + schema.name)))",
                        logger: logger)
                    for statement in schema.bookkeeping {
                        try await connection.guardedQuery(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    let rows = try await connection.guardedQuery(
                        "SELECT coalesce(max(version), 0) FROM \(unescaped: schema.name).schema_migrations",
                        logger: logger)
                    var current = 0
                    for try await (version) in rows.decode(Int.self) { current = version }
                    guard current <= schema.latestVersion else {
                        throw PostgresProfileStoreError.schemaTooNew(found: current, supported: schema.latestVersion)
                    }
                    for (index, statements) in schema.migrations.enumerated() where index + 1 > current {
                        for statement in statements {
                            try await connection.guardedQuery(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await connection.guardedQuery(
                            "INSERT INTO \(unescaped: schema.name).schema_migrations (version) VALUES (\(index + 1))",
                            logger: logger)
                        logger.info("applied migration \(index + 1) to schema \(schema.name)")
                    }
                }
            }
        } catch let error as PostgresProfileStoreError {
            throw error
        } catch {
            throw .unavailable(reason: "\(PostgresFailure(error))")
        }
    }

    /// Runs `body` between `BEGIN` and `COMMIT` on `connection`, rolling back when it throws, and
    /// rethrows `body`'s error unchanged (a failed rollback only means the connection is gone,
    /// which the pool notices).
    static func transaction<Result>(
        on connection: PostgresConnection,
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Result
    ) async throws -> Result {
        try await connection.guardedQuery("BEGIN", logger: logger)
        do {
            let result = try await body()
            try await connection.guardedQuery("COMMIT", logger: logger)
            return result
        } catch {
            _ = try? await connection.guardedQuery("ROLLBACK", logger: logger)
            throw error
        }
    }
}
