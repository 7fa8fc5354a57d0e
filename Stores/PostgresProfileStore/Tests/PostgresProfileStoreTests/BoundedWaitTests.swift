import Foundation
import PostgresNIO
import ProfileStore
import Testing

@testable import PostgresProfileStore

@Suite("Every wait of the store is bounded")
struct BoundedWaitTests {
    @Test(
        "a transaction that holds its connection past its hold limit fails with unavailable, and the store answers again after",
        .timeLimit(.minutes(1)))
    func overrunningTransactionIsCut() async throws {
        let store = try await PostgresProfileStore(configuration: try TestDatabase.freshConfiguration())
        #expect(store.configuration.transactionTimeout == .seconds(30))
        let clock = ContinuousClock()
        let start = clock.now
        // pg_sleep stands for a server that stopped answering: the statement neither returns nor
        // fails. The limit is given per call (the store's operations take the configured one), so
        // that the store's other statements keep 30 s on a loaded machine.
        let error = await #expect(throws: ProfileStoreError.self) {
            try await store.withRetries(holdLimit: .seconds(1)) { connection in
                try await connection.guardedQuery("SELECT pg_sleep(30)", logger: store.logger)
                return ()
            }
        }
        let elapsed = clock.now - start
        if case .unavailable = error {} else { Issue.record("expected unavailable, got \(String(describing: error))") }
        #expect(elapsed >= .seconds(1) && elapsed < .seconds(20), "cut after \(elapsed)")
        #expect(store.poolStatus.closedForTimeout == 1)
        #expect(try await store.schemaVersion() > 0)
        #expect(store.poolStatus.holding == 0 && store.poolStatus.waiting == 0)
        try await store.dropSchema()
        await store.close()
    }

    @Test(
        "a server that accepts connections and never answers fails the start-up with unavailable within the lease timeout",
        .timeLimit(.minutes(1)))
    func silentServerIsBounded() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        var configuration = PostgresProfileStore.Configuration(
            host: "127.0.0.1", port: listener.port, username: "nobody")
        configuration.connectTimeout = .milliseconds(500)
        configuration.leaseTimeout = .milliseconds(500)
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: PostgresProfileStoreError.self) {
            _ = try await PostgresProfileStore(configuration: configuration)
        }
        let elapsed = clock.now - start
        guard case .unavailable = error else {
            Issue.record("expected unavailable, got \(String(describing: error))")
            return
        }
        #expect(elapsed < .seconds(10), "gave up after \(elapsed)")
    }

    @Test("no statement of the store bypasses guardedQuery, which fails at once on a closed connection")
    func everyStatementIsGuarded() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/PostgresProfileStore").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10, "found \(files) in \(sources.path)")
        // The one direct call is the guard's own; `withTransaction` and `simpleQuery` are postgres-nio's
        // other ways to send a statement unguarded.
        let unguarded = [".query(", ".withTransaction", ".simpleQuery(", ".execute("]
        for file in files where file != "PostgresConnection+ClosedGuard.swift" {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for call in unguarded {
                #expect(!text.contains(call), "\(file) sends a statement with \(call) instead of guardedQuery")
            }
        }
    }
}
