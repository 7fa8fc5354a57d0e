#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension PostgresProfileStore {
    /// Where the database is and how the store uses it.
    public struct Configuration: Sendable, Hashable {
        /// The server's host name or address.
        public var host: String
        /// The server's port, 5432 by default.
        public var port: Int
        /// The role to log in as.
        public var username: String
        /// The role's password, or `nil` for trust or peer authentication.
        public var password: String?
        /// The database to connect to; the server's default (the role's name) when `nil`.
        public var database: String?
        /// The schema that holds the store's tables, `profilekit` by default. Two stores with
        /// different schemas in one database are independent.
        public var schema: String
        /// The most connections the pool opens, 20 by default.
        public var maximumConnections: Int
        /// How many times one operation runs again after a deadlock, a serialization failure or
        /// a lost race to create the same user, 8 by default; then the last error is thrown.
        public var retryLimit: Int
        /// How long to wait for a connection to open, 5 seconds by default. While the server is
        /// down, operations fail with `ProfileStoreError.unavailable` after about this long.
        public var connectTimeout: Duration
        /// How long an operation waits for a pooled connection while the pool grants none, 5
        /// seconds by default. Past it the operation fails with `ProfileStoreError.unavailable` and
        /// the pool is replaced by a new one, so that a restarted server is reached at once rather
        /// than after the old pool's backoff. A pool that grants other leases meanwhile is busy,
        /// not down: the operation keeps waiting its turn (Docs/PostgresStore.md, "Failure
        /// behaviour").
        public var leaseTimeout: Duration
        /// The longest one transaction may hold its connection, 30 seconds by default. Past it the
        /// connection is closed, the statement in flight fails, and the operation fails with
        /// `ProfileStoreError.unavailable`: the server rolls the transaction back, except that a
        /// `COMMIT` already sent may or may not take effect, like any write cut by an outage. It
        /// bounds a call on a server that stopped answering without closing the connection, and so
        /// the wait of every call queued behind it (Docs/PostgresStore.md, "Failure behaviour").
        public var transactionTimeout: Duration

        /// Creates a configuration; see each property for its default.
        public init(
            host: String,
            port: Int = 5432,
            username: String,
            password: String? = nil,
            database: String? = nil,
            schema: String = "profilekit",
            maximumConnections: Int = 20,
            retryLimit: Int = 8,
            connectTimeout: Duration = .seconds(5),
            leaseTimeout: Duration = .seconds(5),
            transactionTimeout: Duration = .seconds(30)
        ) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.database = database
            self.schema = schema
            self.maximumConnections = maximumConnections
            self.retryLimit = retryLimit
            self.connectTimeout = connectTimeout
            self.leaseTimeout = leaseTimeout
            self.transactionTimeout = transactionTimeout
        }

        /// Reads `postgres://user:password@host:port/database?schema=name` (also `postgresql://`).
        ///
        /// The user is required; the password, the port (5432), the database and the schema
        /// (`profilekit`) are optional. Percent-escapes in the user and password are decoded.
        public init(url string: String) throws(PostgresProfileStoreError) {
            guard let components = URLComponents(string: string) else {
                throw .invalidURL(Self.redacted(string), reason: "it is not a URL")
            }
            guard components.scheme == "postgres" || components.scheme == "postgresql" else {
                throw .invalidURL(Self.redacted(string), reason: "the scheme must be postgres:// or postgresql://")
            }
            guard let host = components.host, !host.isEmpty else {
                throw .invalidURL(Self.redacted(string), reason: "it names no host")
            }
            guard let user = components.user, !user.isEmpty else {
                throw .invalidURL(Self.redacted(string), reason: "it names no user")
            }
            let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
            self.init(
                host: host,
                port: components.port ?? 5432,
                username: user,
                password: components.password,
                database: path.isEmpty ? nil : path
            )
            if let schema = components.queryItems?.first(where: { $0.name == "schema" })?.value {
                self.schema = schema
            }
        }

        /// `string` with any password replaced by `***`, so that an error message never shows it.
        static func redacted(_ string: String) -> String {
            guard let at = string.lastIndex(of: "@"), let scheme = string.range(of: "://"),
                let colon = string[scheme.upperBound..<at].firstIndex(of: ":")
            else { return string }
            return String(string[..<string.index(after: colon)]) + "***" + String(string[at...])
        }
    }
}
