import Foundation
import PostgresProfileStore
import ProfileStore
import Testing

/// The database the tests use: `PROFILEKIT_POSTGRES_URL`, with a fresh schema per store so that
/// tests running in parallel never see each other's rows.
enum TestDatabase {
    /// How to get a database when none is configured: the tests fail with this, never pass.
    static let howToStart = """
        PROFILEKIT_POSTGRES_URL is not set. Run Stores/PostgresProfileStore/ci-run, which starts a \
        throwaway PostgreSQL on 127.0.0.1 and runs every test, or start one yourself and set \
        PROFILEKIT_POSTGRES_URL=postgres://USER@127.0.0.1:PORT/DATABASE
        """

    /// The configured URL; a test failure with ``howToStart`` when unset.
    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["PROFILEKIT_POSTGRES_URL"], !url.isEmpty else {
            Issue.record(Comment(rawValue: howToStart))
            throw MissingDatabase()
        }
        return url
    }

    /// A configuration for a schema nobody else uses.
    static func freshConfiguration() throws -> PostgresProfileStore.Configuration {
        var configuration = try PostgresProfileStore.Configuration(url: try url())
        configuration.schema = freshSchemaName()
        // Tests run in parallel; a small pool each keeps the server under its connection limit.
        configuration.maximumConnections = 6
        return configuration
    }

    static func freshSchemaName() -> String {
        "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// Runs `body` with a store on a fresh schema, then drops the schema and closes the store.
    static func withFreshStore<T>(_ body: (PostgresProfileStore) async throws -> T) async throws -> T {
        let store = try await PostgresProfileStore(configuration: try freshConfiguration())
        do {
            let result = try await body(store)
            try await store.dropSchema()
            await store.close()
            return result
        } catch {
            try? await store.dropSchema()
            await store.close()
            throw error
        }
    }

    struct MissingDatabase: Error, CustomStringConvertible {
        var description: String { TestDatabase.howToStart }
    }
}
