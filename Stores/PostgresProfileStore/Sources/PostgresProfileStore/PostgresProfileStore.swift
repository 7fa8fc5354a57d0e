import Logging
import PostgresNIO
import ProfileDomain
import ProfileStore

/// A ``ProfileStore/ProfileStore`` on PostgreSQL, for deployments where several server
/// processes share one database.
///
/// Every promise of the protocol holds across processes, not only across tasks: each operation
/// is one transaction that locks the users' rows it reads (`SELECT ... FOR UPDATE`), unique
/// usernames and emails are unique indexes, follower counters are kept by a trigger in the same
/// transaction, and deleting a user cascades through foreign keys. A deadlock or a lost race to
/// create the same user runs the transaction again, at most ``Configuration/retryLimit`` times;
/// the body of ``update(_:expectingVersion:_:)`` may then run more than once, each time on the
/// freshly read record.
///
/// A write returns once PostgreSQL has committed it. While the server cannot be reached every
/// operation fails with `ProfileStoreError.unavailable` (503 through `ProfileService`) and
/// nothing is half-written: a call waits at most ``Configuration/leaseTimeout`` for a connection,
/// and the store reconnects by itself when the server is back.
///
/// ```swift
/// let store = try await PostgresProfileStore(configuration: .init(url: "postgres://app@db/profiles"))
/// defer { Task { await store.close() } }
/// ```
public final class PostgresProfileStore: ProfileStore {
    let pool: PostgresPool
    let schema: PostgresSchema
    let configuration: Configuration
    let logger: Logger

    /// The client operations use now; the pool replaces it after an outage.
    var client: PostgresClient { pool.client }

    /// Connects, applies the missing migrations, and returns a store ready for use.
    ///
    /// - Throws: ``PostgresProfileStoreError/invalidSchemaName(_:)``,
    ///   ``PostgresProfileStoreError/schemaTooNew(found:supported:)``, or
    ///   ``PostgresProfileStoreError/unavailable(reason:)`` when the server cannot be reached.
    public init(
        configuration: Configuration,
        logger: Logger = Logger(label: "profilekit.postgres")
    ) async throws(PostgresProfileStoreError) {
        let schema = try PostgresSchema(name: configuration.schema)
        var clientConfiguration = PostgresClient.Configuration(
            host: configuration.host,
            port: configuration.port,
            username: configuration.username,
            password: configuration.password,
            database: configuration.database,
            tls: .disable
        )
        clientConfiguration.options.maximumConnections = configuration.maximumConnections
        clientConfiguration.options.connectTimeout = configuration.connectTimeout
        self.pool = PostgresPool(
            configuration: clientConfiguration, leaseTimeout: configuration.leaseTimeout,
            holdLimit: configuration.transactionTimeout, logger: logger)
        self.schema = schema
        self.configuration = configuration
        self.logger = logger
        do {
            try await migrate()
        } catch {
            await close()
            throw error
        }
    }

    /// Closes every connection; operations after this fail with
    /// `ProfileStoreError.unavailable`.
    public func close() async {
        await pool.close()
    }

    /// The connection pool's counters now: replacements, waiting and holding operations, the
    /// last grant. For logs, and for explaining a store that does not answer.
    public var poolStatus: PostgresPoolStatus { pool.status }

    /// The schema version the database is at once the store has started.
    public func schemaVersion() async throws(ProfileStoreError) -> Int {
        try await storeOperation { connection in
            let rows = try await connection.guardedQuery(
                "SELECT coalesce(max(version), 0) FROM \(unescaped: schema.name).schema_migrations",
                logger: logger)
            for try await (version) in rows.decode(Int.self) { return version }
            return 0
        }
    }
}

extension PostgresProfileStore {
    /// Drops the store's schema with every table in it: for tests and benchmarks that made a
    /// schema of their own. The store is unusable afterwards.
    public func dropSchema() async throws(ProfileStoreError) {
        try await storeOperation { connection in
            try await connection.guardedQuery("DROP SCHEMA \(unescaped: schema.name) CASCADE", logger: logger)
            return ()
        }
    }
}
