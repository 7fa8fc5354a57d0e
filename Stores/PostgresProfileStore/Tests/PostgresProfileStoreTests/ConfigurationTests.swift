import Foundation
import Testing

@testable import PostgresProfileStore

@Suite("Configuration from a URL and schema names")
struct ConfigurationTests {
    @Test(
        "a postgres URL gives host, port, user, password, database and schema",
        arguments: [
            ("postgres://app@db.internal/profiles", "db.internal", 5432, "app", nil, "profiles", "profilekit"),
            (
                "postgresql://app:s%40cret@127.0.0.1:6543/p?schema=tenant_1", "127.0.0.1", 6543, "app", "s@cret", "p",
                "tenant_1"
            ),
            ("postgres://postgres@localhost:5433", "localhost", 5433, "postgres", nil, nil, "profilekit"),
        ] as [(String, String, Int, String, String?, String?, String)])
    func parsesURL(
        _ url: String, host: String, port: Int, user: String, password: String?, database: String?, schema: String
    ) throws {
        let configuration = try PostgresProfileStore.Configuration(url: url)
        #expect(configuration.host == host)
        #expect(configuration.port == port)
        #expect(configuration.username == user)
        #expect(configuration.password == password)
        #expect(configuration.database == database)
        #expect(configuration.schema == schema)
    }

    @Test(
        "a URL that is not postgres://user@host/db is refused with what is wrong, never showing the password",
        arguments: [
            ("mysql://app:hunter2@db/profiles", "the scheme must be postgres:// or postgresql://"),
            ("postgres://:hunter2@db/profiles", "it names no user"),
            ("postgres:///profiles", "it names no host"),
            ("http://app:hunter2@db/profiles", "the scheme must be postgres:// or postgresql://"),
        ])
    func refusesBadURL(_ url: String, reason: String) {
        let error = #expect(throws: PostgresProfileStoreError.self) {
            try PostgresProfileStore.Configuration(url: url)
        }
        guard case .invalidURL(let shown, let actual) = error else {
            Issue.record("expected invalidURL, got \(String(describing: error))")
            return
        }
        #expect(actual == reason)
        #expect(!shown.contains("hunter2"))
        #expect(!"\(String(describing: error))".contains("hunter2"))
    }

    @Test("schema names are accepted exactly when they match [a-z_][a-z0-9_]{0,62}, on generated names")
    func schemaNamesMatchReference() throws {
        let reference = try Regex("^[a-z_][a-z0-9_]{0,62}$")
        let seed = UInt64(ProcessInfo.processInfo.environment["PROFILEKIT_SEED"] ?? "") ?? 7
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("abcxyz_0189AZ-; '\"./é\u{0}")
        var accepted = 0
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...66, using: &generator)
            let name = String(
                (0..<length).map { _ in
                    // Mostly valid characters, so that both answers occur often.
                    Int.random(in: 0..<4, using: &generator) == 0
                        ? alphabet.randomElement(using: &generator) ?? "a"
                        : Array("abz_09").randomElement(using: &generator) ?? "a"
                })
            let expected = name.wholeMatch(of: reference) != nil
            let accepts = (try? PostgresSchema(name: name)) != nil
            #expect(accepts == expected, "seed \(seed): schema name \(name.debugDescription)")
            if expected { accepted += 1 }
        }
        #expect(accepted > 0)
    }

    @Test(
        "schema names at the edges: 63 characters, a leading digit, upper case, quoting characters",
        arguments: [
            (String(repeating: "a", count: 63), true), (String(repeating: "a", count: 64), false), ("", false),
            ("_x9", true), ("9x", false), ("Profiles", false), ("a;drop", false), ("a\"b", false), ("pro file", false),
        ])
    func schemaNameEdges(_ name: String, accepted: Bool) {
        #expect(((try? PostgresSchema(name: name)) != nil) == accepted)
    }
}

@Suite("A database nobody answers")
struct UnreachableDatabaseTests {
    @Test(
        "starting on a port nobody listens on fails with unavailable after the lease timeout, never hangs",
        .timeLimit(.minutes(1)))
    func unreachableStartIsBounded() async throws {
        var configuration = PostgresProfileStore.Configuration(host: "127.0.0.1", port: 1, username: "nobody")
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
        #expect(elapsed >= .milliseconds(500) && elapsed < .seconds(5), "gave up after \(elapsed)")
    }
}
