import Foundation
import ProfileDomain
import ProfileStore

// How the benchmark populates a store fast: it writes `snapshot.json` directly in the
// documented format (Docs/JSONFileStore.md), with sequence 0 and an empty journal, instead of
// performing N durable writes (which would cost N fsyncs). Opening the store then loads that
// snapshot, which is also what the start-up time measures.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Durable upserts measured at each size.
let writesPerSize = 2_000

struct Measurement {
    var size: Int
    var startup: Duration
    var latencies: [Duration]
    var total: Duration
    var residentBytesPerProfile: Double
    var snapshot: Duration

    var perSecond: Double { Double(latencies.count) / total.seconds }
    func percentile(_ fraction: Double) -> Duration {
        let sorted = latencies.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }
    var mean: Duration { total / latencies.count }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
    var milliseconds: String { String(format: "%.3f ms", seconds * 1000) }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("StoreBenchmark: " + message + "\n").utf8))
    exit(1)
}

/// Resident set size from /proc/self/status, in bytes; 0 where /proc is missing.
func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }
    return 0
}

func record(_ index: Int, revision: Int) -> UserRecord {
    guard let user = UserID("user-\(index)"), let profileID = ProfileID("profile-\(index)") else {
        fail("invalid identifier \(index)")
    }
    let date = Date(timeIntervalSinceReferenceDate: 780_000_000)
    var profile = Profile(id: profileID, userID: user, createdAt: date)
    profile.username = Username("user_\(index)")
    profile.displayName = "User \(index)"
    profile.bio = "Creator number \(index), revision \(revision). Writes about travel and food."
    profile.niches = ["travel", "food"]
    profile.location = Location(city: "Nairobi", country: "Kenya")
    profile.socialLinks = [.instagram: "https://instagram.com/user_\(index)"]
    profile.version = revision
    let account = Account(userID: user, email: "user\(index)@example.com", isEmailVerified: true, createdAt: date)
    return UserRecord(account: account, profile: profile)
}

/// Writes a snapshot of `count` users straight into `directory`.
func populate(_ directory: String, count: Int) throws {
    struct Snapshot: Encodable {
        var edges: [RelationshipEdge] = []
        var schemaVersion = 1
        var sequence = 0
        var users: [UserRecord]
    }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(Snapshot(users: (0..<count).map { record($0, revision: 1) }))
    try data.write(to: URL(fileURLWithPath: directory + "/snapshot.json"))
}

func measure(size: Int) async throws -> Measurement {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try populate(directory, count: size)

    let clock = ContinuousClock()
    let residentBefore = residentBytes()
    let start = clock.now
    let store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
    let startup = clock.now - start
    guard store.userCount == size else { fail("loaded \(store.userCount) users, expected \(size)") }
    let residentAfter = residentBytes()

    var generator = SystemRandomNumberGenerator()
    var latencies: [Duration] = []
    latencies.reserveCapacity(writesPerSize)
    let writesStart = clock.now
    for write in 0..<writesPerSize {
        let index = Int.random(in: 0..<size, using: &generator)
        let began = clock.now
        guard let user = UserID("user-\(index)") else { fail("invalid identifier") }
        try await store.update(user, expectingVersion: nil) { existing in
            existing = record(index, revision: (existing?.version ?? 0) + 1 + write)
        }
        latencies.append(clock.now - began)
    }
    let total = clock.now - writesStart
    let snapshotStart = clock.now
    try store.snapshot()
    let snapshot = clock.now - snapshotStart
    try store.close()
    return Measurement(
        size: size,
        startup: startup,
        latencies: latencies,
        total: total,
        residentBytesPerProfile: Double(residentAfter - residentBefore) / Double(size),
        snapshot: snapshot
    )
}

print("JSONFileProfileStore benchmark: \(writesPerSize) durable upserts (one journal line + fsync each) per size")
var results: [Measurement] = []
for size in [1_000, 100_000] {
    let result = try await measure(size: size)
    results.append(result)
    print(
        """
        \(size) profiles:
          durable upserts/s:  \(String(format: "%.0f", result.perSecond))
          latency p50 / p99:  \(result.percentile(0.50).milliseconds) / \(result.percentile(0.99).milliseconds) \
        (mean \(result.mean.milliseconds))
          start-up:           \(result.startup.milliseconds)
          resident memory:    \(String(format: "%.0f", result.residentBytesPerProfile)) bytes per profile \
        (VmRSS growth while opening)
          one snapshot:       \(result.snapshot.milliseconds) (every `snapshotEvery` writes; default 10,000)
        """
    )
}
let small = results[0]
let large = results[1]
let ratioP50 = large.percentile(0.5).seconds / small.percentile(0.5).seconds
let ratioMean = large.mean.seconds / small.mean.seconds
print(String(format: "per-write cost at 100k / at 1k: %.2fx (p50), %.2fx (mean); goal <= 1.3x", ratioP50, ratioMean))
print("start-up for 100,000 profiles: \(large.startup.milliseconds)")
