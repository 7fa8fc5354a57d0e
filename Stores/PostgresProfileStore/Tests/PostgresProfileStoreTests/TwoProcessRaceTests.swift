import Foundation
import PostgresProfileStore
import ProfileKit
import ProfileStore
import Testing

/// Two OS processes on one database race for the same username and the same record versions,
/// round after round: the store-level equivalent of two server processes behind a load balancer.
/// In the first ``holdRounds`` rounds they also race for a held name: one reclaims it as its
/// previous owner, the other claims it.
@Suite("Two processes racing on one database")
struct TwoProcessRaceTests {
    /// At most this many rounds; each worker stops starting rounds after ``seconds``.
    static let rounds = 2_000
    static let holdRounds = 200
    /// The time each worker has for its rounds. A quiet 2-core machine runs all 2,000 in about 80 s;
    /// at load 29 one run needed 240 s, so the test checks the rounds both workers finished in time
    /// (at least the hold rounds), instead of failing on a slow machine.
    static let seconds = 150
    /// The workers' fixed date; the holds are made on it and last 30 days.
    static let date = Date(timeIntervalSinceReferenceDate: 800_000_000)

    @Test("two processes race for one username and one If-Match version: exactly one wins each race")
    func exactlyOneWinsEachRound() async throws {
        let url = try TestDatabase.url()
        let schema = TestDatabase.freshSchemaName()
        // Both start at once and migrate the same fresh schema concurrently, which must also work.
        let workers = try ["a", "b"].map { name in
            try RaceWorker(arguments: [url, schema, name, "\(Self.rounds)", "\(Self.seconds)", "\(Self.holdRounds)"])
        }
        var configuration = try PostgresProfileStore.Configuration(url: url)
        configuration.schema = schema
        let store = try await PostgresProfileStore(configuration: configuration)
        try await Self.holdNames(in: store)
        for worker in workers { try worker.start() }
        let outcomes = workers.map { $0.finish() }
        for (worker, outcome) in zip(workers, outcomes) {
            #expect(outcome.status == 0, "worker \(worker.name) failed: \(outcome.errors)")
        }
        let (a, b) = (outcomes[0].rounds, outcomes[1].rounds)
        // Rounds are run in order, so each worker's rounds are a prefix; the race is checked on both's.
        let finished = min(a.count, b.count)
        try #require(
            (0..<a.count).allSatisfy { a[$0] != nil } && (0..<b.count).allSatisfy { b[$0] != nil },
            "a worker skipped a round")
        try #require(finished >= Self.holdRounds, "rounds run in \(Self.seconds) s: \(a.count) and \(b.count)")

        var contested = 0
        for round in 0..<finished {
            let (left, right) = (try #require(a[round]), try #require(b[round]))
            #expect(left.claim + right.claim == 1, "round \(round): username claims won \(left.claim + right.claim)")
            #expect(left.create + right.create == 1, "round \(round): creations won \(left.create + right.create)")
            #expect(
                left.change + right.change == 1, "round \(round): If-Match changes won \(left.change + right.change)")
            if left.create != left.change { contested += 1 }
            let claimant = left.claim == 1 ? "a" : "b"
            let username = try #require(Username("race_\(round)"))
            #expect(try await store.record(forUsername: username)?.userID.rawValue == "\(claimant)-\(round)")
            let shared = try await store.record(for: try #require(UserID("shared-\(round)")))
            #expect(shared?.profile?.version == 2)
            #expect(shared?.profile?.displayName == (left.change == 1 ? "a" : "b"))
            if round < Self.holdRounds {
                #expect(
                    left.held == 1 && right.held == 0,
                    "round \(round): the reclaim won \(left.held), the claim won \(right.held)")
                let held = try #require(Username("held_\(round)"))
                #expect(try await store.record(forUsername: held)?.userID.rawValue == "owner-\(round)")
                #expect(try await store.hold(on: held) == nil, "round \(round): the reclaimed name's hold")
                #expect(try await store.record(for: try #require(UserID("b-h\(round)"))) == nil)
            }
        }
        print(
            "two-process race: \(finished) of \(Self.rounds) rounds; in \(contested) the creator lost the If-Match change"
        )
        try await store.dropSchema()
        await store.close()
    }

    /// For each hold round, `owner-<round>` takes `held_<round>` and renames away from it, so the
    /// name is held for the owner for 30 days from ``date``.
    static func holdNames(in store: PostgresProfileStore) async throws {
        let terms = UsernameHoldTerms(now: date, afterRename: .lasting(.seconds(30 * 86_400)), afterDeletion: .forever)
        for round in 0..<holdRounds {
            let owner = try #require(UserID("owner-\(round)"))
            for handle in ["held_\(round)", "away_\(round)"] {
                let username = try #require(Username(handle))
                try await store.update(owner, expectingVersion: nil, holding: terms) { record in
                    var profile = record?.profile ?? Profile(id: .random(), userID: owner, createdAt: date)
                    profile.username = username
                    record = record ?? UserRecord(account: Account(userID: owner, createdAt: date))
                    record?.profile = profile
                }
            }
        }
    }
}

/// A running `PostgresRaceWorker`.
final class RaceWorker {
    struct Round { var claim: Int, create: Int, change: Int, held: Int }
    struct Outcome { var status: Int32, rounds: [Int: Round], errors: String }

    let name: String
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()

    init(arguments: [String]) throws {
        name = arguments[2]
        process.executableURL = try Self.executable()
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// Lets the worker begin its rounds.
    func start() throws {
        try input.fileHandleForWriting.write(contentsOf: Data("go\n".utf8))
    }

    /// Reads every round the worker printed and waits for it to exit.
    func finish() -> Outcome {
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var rounds: [Int: Round] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").compactMap { Int($0) }
            guard fields.count == 5 else { continue }
            rounds[fields[0]] = Round(claim: fields[1], create: fields[2], change: fields[3], held: fields[4])
        }
        return Outcome(status: process.terminationStatus, rounds: rounds, errors: errorText)
    }

    /// The worker binary, next to the test bundle (SwiftPM builds every product into one directory).
    static func executable() throws -> URL {
        let name = "PostgresRaceWorker"
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates =
            sequence(first: testBinary.deletingLastPathComponent(), next: { $0.deletingLastPathComponent() })
            .prefix(4).map { $0.appendingPathComponent(name) }
            + [Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name)]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name) next to the tests"])
        }
        return found
    }
}
