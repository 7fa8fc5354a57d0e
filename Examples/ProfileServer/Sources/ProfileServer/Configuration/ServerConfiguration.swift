/// Everything the server needs to start; the command line and environment fill it.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; loopback by default, so nothing is exposed by accident.
    public var host: String
    /// The port; `0` picks a free one (the tests use it).
    public var port: Int
    /// Where the JSON-file store, the media files and the development secret live.
    public var dataDirectory: String
    /// The HS256 secret; `nil` uses (or creates) the development secret in ``dataDirectory``.
    public var jwtSecret: String?
    /// The origins browsers may call from; empty allows none, `["*"]` allows any.
    public var corsOrigins: [String]
    /// Keep profiles and media in memory only (nothing survives a restart).
    public var inMemory: Bool
    /// A `postgres://user:password@host:port/database?schema=name` URL: profiles live in
    /// PostgreSQL (several server processes may share it) instead of the JSON-file store; media
    /// and the development secret stay in ``dataDirectory``. `nil` keeps the JSON-file store.
    public var storeURL: String?
    /// The largest request bodies.
    public var bodyLimits: ProfileRouteAdapter.BodyLimits
    /// How often pending deletions whose grace period has passed are purged; `nil` never (another
    /// process purges, or nobody). One hour by default.
    public var purgeInterval: Duration?

    /// The defaults are the README's: 127.0.0.1:8080, `./profile-data`, a development secret,
    /// no CORS origins, the JSON-file store, a purge every hour.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        dataDirectory: String = "./profile-data",
        jwtSecret: String? = nil,
        corsOrigins: [String] = [],
        inMemory: Bool = false,
        storeURL: String? = nil,
        bodyLimits: ProfileRouteAdapter.BodyLimits = .init(),
        purgeInterval: Duration? = .seconds(3600)
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.jwtSecret = jwtSecret
        self.corsOrigins = corsOrigins
        self.inMemory = inMemory
        self.storeURL = storeURL
        self.bodyLimits = bodyLimits
        self.purgeInterval = purgeInterval
    }
}
