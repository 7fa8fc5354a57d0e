import HTTPTypes
import Hummingbird
import Logging
import ProfileKit
import ServiceLifecycle

/// The reference server: all four specs on one Hummingbird application, the JSON-file store by
/// default, bearer tokens, CORS, request ids, `/health`, uploaded media served back read-only.
///
/// ```swift
/// let server = try await ReferenceServer(configuration: ServerConfiguration(), logger: logger)
/// try await server.application().runService()   // SIGTERM/SIGINT: finish requests, close the store
/// ```
public struct ReferenceServer: Sendable {
    /// What the server was started with (the secret resolved).
    public let configuration: ServerConfiguration
    /// The opened store and media store.
    public let storage: ProfileStorage
    /// The token issuer and verifier.
    public let tokens: BearerTokens
    /// The library's route table, mounted.
    public let routes: ProfileRouteAdapter
    /// The server's log.
    public let logger: Logger

    /// Opens the storage and resolves the secret; logs loudly when a development secret is used.
    public init(configuration: ServerConfiguration, logger: Logger) async throws(ServerError) {
        var configuration = configuration
        if configuration.jwtSecret == nil {
            let (secret, created) = try DevelopmentSecret.loadOrCreate(in: configuration.dataDirectory)
            logger.warning(
                """
                USING A DEVELOPMENT JWT SECRET (\(created ? "generated" : "read") at \
                \(configuration.dataDirectory)/\(DevelopmentSecret.fileName)): \
                set --jwt-secret or PROFILE_SERVER_JWT_SECRET in production
                """)
            configuration.jwtSecret = secret
        }
        let tokens = try await BearerTokens(secret: configuration.jwtSecret ?? "")
        let storage = try await ProfileStorage.open(configuration)
        self.configuration = configuration
        self.storage = storage
        self.tokens = tokens
        self.logger = logger
        self.routes = ProfileRouteAdapter(
            store: storage.store, media: storage.media, limits: configuration.bodyLimits,
            authenticate: { request in await tokens.authenticate(request) })
    }

    /// The routes the server adds to the library's table, as `(method, path template)`.
    public static let ownRoutes: [(method: String, path: String)] = [
        ("GET", "/health"), ("GET", MediaRoutes.prefix + "{key}"),
    ]

    /// The router: middleware, `/health`, media, and every route of the library's table.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: UnmatchedRouteMiddleware(routes: routes))
        if !configuration.corsOrigins.isEmpty {
            router.add(middleware: AllowedOriginsMiddleware(origins: configuration.corsOrigins))
        }
        let storeKind = storage.kind.rawValue
        router.get("/health") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"ok","store":"\#(storeKind)"}"#)))
        }
        MediaRoutes.register(on: router, media: storage.media)
        routes.register(on: router)
        return router
    }

    /// The purge of expired deletions every `interval`, over the API's own service (so a purge's
    /// media deletions are serialised with the routes' uploads); `nil` without an interval.
    private func purgeTimer(interval: Duration?) -> PurgeTimer? {
        // Under the social preset, which holds a deleted user's name longest, whichever spec the
        // deletion was requested in; the server mounts all four specs, so it is always there.
        guard let interval, let service = routes.api.service(for: .social) else { return nil }
        return PurgeTimer(service: service, interval: interval, logger: logger)
    }

    /// The storage closer first, so that it closes the store after every later service (the
    /// purge timer, then the HTTP server, which the application adds last) has stopped.
    private func services() -> [any Service] {
        var services: [any Service] = [storage.closingService(logger: logger)]
        if let timer = purgeTimer(interval: configuration.purgeInterval) { services.append(timer) }
        return services
    }

    /// The application: the router on the configured address, and the store closed after the
    /// HTTP server has finished its in-flight requests on graceful shutdown.
    public func application(
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let logger = self.logger
        let host = configuration.host
        return Application(
            router: router(),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: configuration.port), serverName: "profile-server"),
            services: services(),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("listening on http://\(host):\(port)", metadata: ["port": "\(port)"])
                await onServerRunning(port)
            },
            logger: logger)
    }
}
