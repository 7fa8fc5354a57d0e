import ArgumentParser
import Foundation
import Logging
import ProfileKit
import ProfileServer

/// `profile-server`: `serve` (the default) runs the reference server; `token` prints a
/// development token.
@main
struct ProfileServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile-server",
        abstract: "ProfileKit's reference server: the four specs over HTTP on a JSON-file store.",
        subcommands: [Serve.self, Token.self],
        defaultSubcommand: Serve.self)
}

/// Options both commands read, each with its environment variable.
struct SharedOptions: ParsableArguments {
    @Option(help: "Data directory (env PROFILE_SERVER_DATA_DIR; default ./profile-data).")
    var dataDir: String?

    @Option(
        help:
            "HS256 secret, 32 bytes or more (env PROFILE_SERVER_JWT_SECRET; default: a development secret kept in the data directory)."
    )
    var jwtSecret: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var resolvedDataDirectory: String { dataDir ?? environment["PROFILE_SERVER_DATA_DIR"] ?? "./profile-data" }

    var resolvedSecret: String? { jwtSecret ?? environment["PROFILE_SERVER_JWT_SECRET"] }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the server (the default command).")

    @OptionGroup var shared: SharedOptions

    @Option(help: "Address to listen on (env PROFILE_SERVER_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port (env PROFILE_SERVER_PORT; default 8080).")
    var port: Int?

    @Option(help: "Comma-separated browser origins allowed by CORS, or * (env PROFILE_SERVER_CORS_ORIGINS).")
    var corsOrigins: String?

    @Flag(help: "Keep everything in memory; nothing survives a restart (env PROFILE_SERVER_IN_MEMORY=1).")
    var inMemory = false

    @Option(
        help: """
            Keep profiles in PostgreSQL, not the JSON-file store: postgres://user:password@host:port/database?schema=name \
            (env PROFILE_SERVER_STORE). Several servers may share one database; media stay in the data directory.
            """)
    var store: String?

    @Option(
        help: """
            Seconds between two purges of pending deletions whose grace period has passed \
            (env PROFILE_SERVER_PURGE_INTERVAL; default 3600; 0 never purges).
            """)
    var purgeInterval: Int?

    func run() async throws {
        let environment = shared.environment
        let portText = environment["PROFILE_SERVER_PORT"]
        guard let port = port ?? (portText.map { Int($0) } ?? 8080) else {
            throw ValidationError("PROFILE_SERVER_PORT is \(portText ?? ""); it must be a port number such as 8080")
        }
        let purgeText = environment["PROFILE_SERVER_PURGE_INTERVAL"]
        guard let purgeSeconds = purgeInterval ?? (purgeText.map { Int($0) } ?? 3600), purgeSeconds >= 0 else {
            throw ValidationError(
                "the purge interval is \(purgeInterval.map(String.init) ?? purgeText ?? ""); use whole seconds, 0 to never purge"
            )
        }
        let origins = (corsOrigins ?? environment["PROFILE_SERVER_CORS_ORIGINS"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let configuration = ServerConfiguration(
            host: host ?? environment["PROFILE_SERVER_HOST"] ?? "127.0.0.1",
            port: port,
            dataDirectory: shared.resolvedDataDirectory,
            jwtSecret: shared.resolvedSecret,
            corsOrigins: origins,
            inMemory: inMemory || environment["PROFILE_SERVER_IN_MEMORY"] == "1",
            storeURL: store ?? environment["PROFILE_SERVER_STORE"].flatMap { $0.isEmpty ? nil : $0 },
            purgeInterval: purgeSeconds == 0 ? nil : .seconds(purgeSeconds))
        if configuration.inMemory && configuration.storeURL != nil {
            throw ValidationError("--in-memory and --store name two stores; choose one")
        }
        var logger = Logger(label: "profile-server")
        logger.logLevel = .info
        let server = try await ReferenceServer(configuration: configuration, logger: logger)
        logger.info(
            "store: \(Self.describe(server.storage.kind, configuration))",
            metadata: [
                "cors": "\(origins)", "purge_interval": "\(purgeSeconds == 0 ? "never" : "\(purgeSeconds)s")",
            ])
        try await server.application().runService()
    }

    private static func describe(_ kind: ProfileStorage.Kind, _ configuration: ServerConfiguration) -> String {
        switch kind {
        case .memory: "in memory"
        case .jsonFile: configuration.dataDirectory + "/store"
        case .postgres: "PostgreSQL"
        }
    }
}

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a bearer token for a user, or for an operator with scopes, signed with the server's secret.")

    @OptionGroup var shared: SharedOptions

    @Option(help: "The user id the token names (its sub claim).")
    var user: String?

    @Option(name: .customLong("operator"), help: "An operator's name: the token is an operator's, with --scope.")
    var operatorName: String?

    @Option(
        help: """
            A scope the operator token grants; repeat for several: \(OperatorScopes.listing).
            """)
    var scope: [String] = []

    @Option(help: "A role the token grants; repeat for several.")
    var role: [String] = []

    @Option(help: "Lifetime in seconds.")
    var expiresIn: Int = 86_400

    func validate() throws {
        switch (user, operatorName) {
        case (nil, nil):
            throw ValidationError("name the token's holder: --user <id> or --operator <name> --scope <scope>")
        case (.some, .some): throw ValidationError("--user and --operator name two holders; choose one")
        case (.some, nil) where !scope.isEmpty: throw ValidationError("--scope is for operator tokens (--operator)")
        case (nil, .some) where scope.isEmpty:
            throw ValidationError("an operator token needs at least one --scope: \(OperatorScopes.listing)")
        default: break
        }
        if let unknown = scope.first(where: { OperatorScopes.scope(named: $0) == nil }) {
            throw ValidationError("--scope \(unknown) is not a scope this server grants; use \(OperatorScopes.listing)")
        }
    }

    func run() async throws {
        let secret =
            try shared.resolvedSecret ?? DevelopmentSecret.loadOrCreate(in: shared.resolvedDataDirectory).secret
        let tokens = try await BearerTokens(secret: secret)
        if let operatorName {
            let scopes = scope.compactMap(OperatorScopes.scope(named:))
            print(try await tokens.issue(forOperator: operatorName, scopes: scopes, lifetime: TimeInterval(expiresIn)))
            return
        }
        guard let user, let userID = UserID(user) else {
            throw ValidationError(
                "--user \(user ?? "") is not a user id: use 1 to 128 printable ASCII characters, no spaces")
        }
        print(try await tokens.issue(for: userID, roles: role, lifetime: TimeInterval(expiresIn)))
    }
}
