import Logging
import PostgresNIO
import Testing

@testable import PostgresProfileStore

@Suite("A statement on a connection the server has closed")
struct ClosedConnectionTests {
    @Test(
        "runs while the connection is open, and fails at once with connection closed after, instead of waiting forever",
        .timeLimit(.minutes(1)))
    func closedConnectionFailsAtOnce() async throws {
        let store = try PostgresProfileStore.Configuration(url: try TestDatabase.url())
        let logger = Logger(label: "closed-connection-test")
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: store.host, port: store.port, username: store.username, password: store.password,
                database: store.database, tls: .disable),
            id: 1, logger: logger)
        let rows = try await connection.guardedQuery("SELECT 1", logger: logger)
        for try await (one) in rows.decode(Int.self) { #expect(one == 1) }
        // What a killed server leaves behind: a channel closed, and its handlers removed a turn later.
        try await connection.close()
        await #expect(throws: PostgresConnectionClosed.self) {
            try await connection.guardedQuery("SELECT 1", logger: logger)
        }
        #expect(
            PostgresFailure(PostgresConnectionClosed())
                == .unavailable(reason: "the connection to PostgreSQL is closed"))
    }
}
