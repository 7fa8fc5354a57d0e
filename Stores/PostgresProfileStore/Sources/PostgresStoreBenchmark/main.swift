// Measures PostgresProfileStore against the database in PROFILEKIT_POSTGRES_URL, in a schema of
// its own that it drops at the end: upserts per second with 1 and 16 concurrent writers (each
// upsert one read-modify-write transaction, committed) and the latency of reads by user id.
//   swift run -c release PostgresStoreBenchmark [--quick]
import Foundation
import PostgresProfileStore
import ProfileDomain
import ProfileStore

let quick = CommandLine.arguments.contains("--quick")
guard let url = ProcessInfo.processInfo.environment["PROFILEKIT_POSTGRES_URL"] else {
    FileHandle.standardError.write(
        Data("set PROFILEKIT_POSTGRES_URL (Stores/PostgresProfileStore/ci-run starts a database)\n".utf8))
    exit(2)
}
let upserts = quick ? 2_000 : 20_000
let reads = quick ? 2_000 : 20_000

enum Fixed {
    static let date = Date(timeIntervalSinceReferenceDate: 800_000_000)
}

func user(_ index: Int) -> UserID { UserID("bench-\(index)") ?? .random() }

/// One upsert as the service does it: read the record under the lock, change the profile, bump
/// its version, store it.
func upsert(_ index: Int, pass: Int, in store: PostgresProfileStore) async throws {
    let id = user(index)
    try await store.update(id, expectingVersion: nil) { record in
        var current = record ?? UserRecord(account: Account(userID: id, createdAt: Fixed.date))
        var profile = current.profile ?? Profile(userID: id, createdAt: Fixed.date)
        profile.username = Username("bench_\(index)")
        profile.bio = "pass \(pass) of a benchmark upsert"
        profile.version += record?.profile == nil ? 0 : 1
        current.profile = profile
        record = current
    }
}

func measure(_ label: String, writers: Int, count: Int, pass: Int, in store: PostgresProfileStore) async throws {
    let clock = ContinuousClock()
    let elapsed = try await clock.measure {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in stride(from: writer, to: count, by: writers) {
                        try await upsert(index, pass: pass, in: store)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(
        "\(label): \(count) upserts in \(String(format: "%.2f", seconds)) s = \(Int(Double(count) / seconds)) upserts/s"
    )
}

do {
    var configuration = try PostgresProfileStore.Configuration(url: url)
    configuration.schema = "profilekit_benchmark_\(ProcessInfo.processInfo.processIdentifier)"
    configuration.maximumConnections = 16
    let store = try await PostgresProfileStore(configuration: configuration)
    try await measure("1 writer, creating", writers: 1, count: upserts / 2, pass: 0, in: store)
    try await measure("1 writer, updating", writers: 1, count: upserts / 2, pass: 1, in: store)
    try await measure("16 writers, updating", writers: 16, count: upserts, pass: 2, in: store)
    let clock = ContinuousClock()
    var latencies: [Double] = []
    for index in 0..<reads {
        let start = clock.now
        _ = try await store.record(for: user(index % (upserts / 2)))
        let elapsed = clock.now - start
        latencies.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    }
    latencies.sort()
    let percentile = { (p: Double) in latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
    print(
        "read by user id (1 reader): p50 \(Int(percentile(0.5))) us, p99 \(Int(percentile(0.99))) us over \(reads) reads"
    )
    try await store.dropSchema()
    await store.close()
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
    exit(1)
}
