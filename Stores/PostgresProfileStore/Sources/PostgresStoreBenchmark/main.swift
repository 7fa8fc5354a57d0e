// profilekit-pg-bench: measures PostgresProfileStore against the database in PROFILEKIT_PG_URL
// (or PROFILEKIT_POSTGRES_URL), in a schema of its own that it drops at the end, and prints one
// JSON line per row, {"row": "...", "value": ..., "unit": "..."}, which Benchmarks/run reads:
// durable upserts (each one read-modify-write transaction as the service runs it, committed with
// the server's fsync on) p50/p99 with one writer over 1,000 profiles, upserts per second with 16
// concurrent writers, and read latency by user id and by username.
//   swift run -c release profilekit-pg-bench [--quick]
import Foundation
import PostgresProfileStore
import ProfileDomain
import ProfileStore

let quick = CommandLine.arguments.contains("--quick")
let environment = ProcessInfo.processInfo.environment
guard let url = environment["PROFILEKIT_PG_URL"] ?? environment["PROFILEKIT_POSTGRES_URL"] else {
    FileHandle.standardError.write(
        Data("set PROFILEKIT_PG_URL (Stores/PostgresProfileStore/ci-run starts a database)\n".utf8))
    exit(2)
}
let profiles = 1_000
let singleWriterUpserts = quick ? 500 : 3_000
let concurrentUpserts = quick ? 2_000 : 20_000
let reads = quick ? 1_000 : 10_000

enum Fixed {
    static let date = Date(timeIntervalSinceReferenceDate: 800_000_000)
}

func user(_ index: Int) -> UserID { UserID("bench-\(index)") ?? .random() }
func username(_ index: Int) -> Username? { Username("bench_\(index)") }

/// One upsert as the service does it: read the record under the lock, change the profile, bump
/// its version, store it.
func upsert(_ index: Int, pass: Int, in store: PostgresProfileStore) async throws {
    let id = user(index)
    try await store.update(id, expectingVersion: nil) { record in
        var current = record ?? UserRecord(account: Account(userID: id, createdAt: Fixed.date))
        var profile = current.profile ?? Profile(userID: id, createdAt: Fixed.date)
        profile.username = username(index)
        profile.bio = "pass \(pass) of a benchmark upsert"
        profile.version += record?.profile == nil ? 0 : 1
        current.profile = profile
        record = current
    }
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

/// Latencies of `count` calls of `operation`, one after another, in milliseconds, sorted.
func latencies(_ count: Int, _ operation: (Int) async throws -> Void) async throws -> [Double] {
    let clock = ContinuousClock()
    var result: [Double] = []
    result.reserveCapacity(count)
    for index in 0..<count {
        let start = clock.now
        try await operation(index)
        result.append(milliseconds(clock.now - start))
    }
    return result.sorted()
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func row(_ name: String, _ value: Double, _ unit: String) {
    let rounded = (value * 1000).rounded() / 1000
    print(#"{"row": "\#(name)", "value": \#(rounded), "unit": "\#(unit)"}"#)
}

do {
    var configuration = try PostgresProfileStore.Configuration(url: url)
    configuration.schema = "profilekit_benchmark_\(ProcessInfo.processInfo.processIdentifier)"
    configuration.maximumConnections = 16
    let store = try await PostgresProfileStore(configuration: configuration)
    for index in 0..<profiles { try await upsert(index, pass: 0, in: store) }

    var generator = SystemRandomNumberGenerator()
    let single = try await latencies(singleWriterUpserts) { pass in
        try await upsert(Int.random(in: 0..<profiles, using: &generator), pass: pass + 1, in: store)
    }
    row("PostgreSQL upsert p50, 1 writer, 1k profiles", percentile(single, 0.5), "ms")
    row("PostgreSQL upsert p99, 1 writer, 1k profiles", percentile(single, 0.99), "ms")

    let clock = ContinuousClock()
    let elapsed = try await clock.measure {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<16 {
                group.addTask {
                    for index in stride(from: writer, to: concurrentUpserts, by: 16) {
                        try await upsert(index % profiles, pass: index, in: store)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
    row(
        "PostgreSQL upserts, 16 concurrent writers", Double(concurrentUpserts) / (milliseconds(elapsed) / 1e3),
        "writes/s")

    let byID = try await latencies(reads) { index in _ = try await store.record(for: user(index % profiles)) }
    row("PostgreSQL read by user id p50", percentile(byID, 0.5), "ms")
    let byUsername = try await latencies(reads) { index in
        guard let name = username(index % profiles) else { return }
        _ = try await store.record(forUsername: name)
    }
    row("PostgreSQL read by username p50", percentile(byUsername, 0.5), "ms")
    try await store.dropSchema()
    await store.close()
} catch {
    FileHandle.standardError.write(Data("profilekit-pg-bench failed: \(error)\n".utf8))
    exit(1)
}
