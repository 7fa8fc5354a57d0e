import Foundation
import ProfileKit
import ProfileServer
import Testing

/// `--store postgres://...`: the server on the PostgreSQL store, and its errors when the URL or the
/// database is wrong. The live test needs `PROFILEKIT_POSTGRES_URL` (Stores/PostgresProfileStore/ci-run
/// sets it); the error paths need no database.
@Suite("The server on the PostgreSQL store")
struct PostgresStorageTests {
    static func configuration(store url: String) -> ServerConfiguration {
        ServerConfiguration(
            host: "127.0.0.1", port: 0, dataDirectory: TestServer.temporaryDirectory(), jwtSecret: TestServer.secret,
            storeURL: url)
    }

    @Test(
        "a store URL that is not postgres:// is a configuration error naming the expected form",
        arguments: ["mysql://app@127.0.0.1/db", "postgres://127.0.0.1/db", "not a url"])
    func invalidURL(url: String) async throws {
        let error = await #expect(throws: ServerError.self) {
            _ = try await ProfileStorage.open(Self.configuration(store: url))
        }
        guard case .configuration(let message) = error else {
            Issue.record("expected a configuration error, got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("--store: cannot read the database URL"))
        #expect(message.contains("postgres://user:password@host:port/database"))
    }

    @Test("a password in a bad store URL never appears in the error")
    func passwordRedacted() async throws {
        let error = await #expect(throws: ServerError.self) {
            _ = try await ProfileStorage.open(Self.configuration(store: "mysql://app:hunter2secret@127.0.0.1/db"))
        }
        #expect(error.map { "\($0)" }?.contains("hunter2secret") == false)
    }

    @Test("a database nobody listens on is a storage error naming host and port, after the bounded wait")
    func unreachableDatabase() async throws {
        // Port 1 on loopback: connection refused at once; the store gives up after its lease timeout.
        let error = await #expect(throws: ServerError.self) {
            _ = try await ProfileStorage.open(Self.configuration(store: "postgres://app@127.0.0.1:1/db"))
        }
        guard case .storage(let message) = error else {
            Issue.record("expected a storage error, got \(String(describing: error))")
            return
        }
        #expect(message.contains("cannot open the PostgreSQL store at 127.0.0.1:1"))
        #expect(message.contains("unavailable"))
    }

    @Test(
        "on PostgreSQL the server stores, reads back and reports its store in /health",
        .enabled(if: ProcessInfo.processInfo.environment["PROFILEKIT_POSTGRES_URL"] != nil))
    func servesFromPostgres() async throws {
        let base = try #require(ProcessInfo.processInfo.environment["PROFILEKIT_POSTGRES_URL"])
        let schema = "server_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let configuration = Self.configuration(store: base + "?schema=" + schema)
        let user = "pg_" + schema.suffix(12)
        try await TestServer.run(configuration: configuration) { client async throws in
            let health = try await client.send(.get, "/health")
            #expect(health.json["store"] as? String == "postgres")
            let put = try await client.send(
                .put, "/api/v1/profiles/me", as: user,
                json: #"{"username": "\#(user)", "displayName": "Pg", "bio": "b", "niche": ["testing"]}"#)
            #expect(put.status == 200)
            let get = try await client.send(.get, "/api/v1/profile/u/@\(user)")
            #expect(get.status == 200)
        }
    }
}
