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
        var records: [UserRecord]
        var schemaVersion = 1
        var sequence = 0
    }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(Snapshot(records: (0..<count).map { record($0, revision: 1) }))
    try data.write(to: URL(fileURLWithPath: directory + "/snapshot.json"))
}

/// A store opened on a populated directory, with what opening it cost.
struct Subject {
    var size: Int
    var directory: String
    var store: JSONFileProfileStore
    var startup: Duration
    var residentBytesPerProfile: Double
    var latencies: [Duration] = []

    init(size: Int, snapshotEvery: Int = 10_000) throws {
        self.size = size
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-\(UUID())").path
        try populate(directory, count: size)
        let clock = ContinuousClock()
        let residentBefore = residentBytes()
        let start = clock.now
        store = try JSONFileProfileStore(
            directory: directory, options: .init(snapshotEvery: snapshotEvery, snapshotsOnClose: false))
        startup = clock.now - start
        residentBytesPerProfile = Double(residentBytes() - residentBefore) / Double(size)
        guard store.userCount == size else { fail("loaded \(store.userCount) users, expected \(size)") }
    }

    /// One durable upsert of a random existing user, timed.
    mutating func upsert(_ write: Int, using generator: inout some RandomNumberGenerator) async throws {
        let index = Int.random(in: 0..<size, using: &generator)
        guard let user = UserID("user-\(index)") else { fail("invalid identifier") }
        let clock = ContinuousClock()
        let began = clock.now
        try await store.update(user, expectingVersion: nil) { existing in
            existing = record(index, revision: (existing?.version ?? 0) + 1 + write)
        }
        latencies.append(clock.now - began)
    }

    func percentile(_ fraction: Double) -> Duration {
        let sorted = latencies.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }

    var mean: Duration { latencies.reduce(.zero, +) / latencies.count }
}

func run() async throws {
    print("JSONFileProfileStore benchmark: \(writesPerSize) durable upserts (one journal line + fsync each) per size")
    // Both stores are open at once and writes alternate between them, so that noise from other
    // processes on the machine hits both sizes alike and the ratio compares like with like.
    var subjects = [try Subject(size: 1_000), try Subject(size: 100_000)]
    var generator = SystemRandomNumberGenerator()
    let clock = ContinuousClock()
    var elapsed: [Duration] = [.zero, .zero]
    for write in 0..<(writesPerSize * 2) {
        let which = write % 2
        let start = clock.now
        try await subjects[which].upsert(write, using: &generator)
        elapsed[which] += clock.now - start
    }
    for (which, subject) in subjects.enumerated() {
        let snapshotStart = clock.now
        try subject.store.snapshot()
        let snapshot = clock.now - snapshotStart
        try subject.store.close()
        try? FileManager.default.removeItem(atPath: subject.directory)
        print(
            """
            \(subject.size) profiles:
              durable upserts/s:  \(String(format: "%.0f", Double(subject.latencies.count) / elapsed[which].seconds))
              latency p50 / p99:  \(subject.percentile(0.50).milliseconds) / \(subject.percentile(0.99).milliseconds) \
            (mean \(subject.mean.milliseconds))
              start-up:           \(subject.startup.milliseconds)
              resident memory:    \(String(format: "%.0f", subject.residentBytesPerProfile)) bytes per profile \
            (VmRSS growth while opening)
              one snapshot:       \(snapshot.milliseconds) (taken every `snapshotEvery` writes; default 10,000)
            """
        )
    }
    let small = subjects[0]
    let large = subjects[1]
    let ratioP50 = large.percentile(0.5).seconds / small.percentile(0.5).seconds
    let ratioMean = large.mean.seconds / small.mean.seconds
    print(
        String(format: "per-write cost at 100k / at 1k: %.2fx (p50), %.2fx (mean); goal <= 1.3x", ratioP50, ratioMean))
    print("start-up for 100,000 profiles: \(large.startup.milliseconds)")

    // Writes while background snapshots of 100,000 profiles run (one every 1,000 writes): the
    // cost a write pays for them is the copy-on-write copy of the indexes after each begins.
    var busy = try Subject(size: 100_000, snapshotEvery: 1_000)
    for write in 0..<writesPerSize { try await busy.upsert(write, using: &generator) }
    try busy.store.close()
    try? FileManager.default.removeItem(atPath: busy.directory)
    let worst = busy.latencies.max() ?? .zero
    print(
        "100000 profiles, background snapshot every 1,000 writes: p50 \(busy.percentile(0.5).milliseconds), "
            + "p99 \(busy.percentile(0.99).milliseconds), max \(worst.milliseconds)"
    )
    let concurrent = try await concurrentWrites(writers: 16, writesPerWriter: 500)
    print("16 concurrent writers, 1000 profiles: \(concurrent.summary)")
}

/// CPU time this process has used on all its threads, in seconds.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Start-up alone, repeated: opens one populated 100,000-profile store `rounds` times, so that
/// a change to loading can be compared quickly on a noisy machine.
func runStartup(rounds: Int) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try populate(directory, count: 100_000)
    let clock = ContinuousClock()
    var durations: [Duration] = []
    var cpuSeconds: [Double] = []
    for _ in 0..<rounds {
        let start = clock.now
        let cpuStart = processCPUSeconds()
        let store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
        durations.append(clock.now - start)
        cpuSeconds.append(processCPUSeconds() - cpuStart)
        guard store.userCount == 100_000 else { fail("loaded \(store.userCount) users, expected 100000") }
        try store.close()
    }
    let sorted = durations.sorted()
    print(
        "start-up for 100,000 profiles over \(rounds) opens: min \(sorted[0].milliseconds), "
            + "median \(sorted[rounds / 2].milliseconds), max \(sorted[rounds - 1].milliseconds); "
            + String(format: "CPU time per open (all threads): median %.0f ms", cpuSeconds.sorted()[rounds / 2] * 1000)
    )
}

// `StoreBenchmark startup [rounds]` measures only start-up, `writers [rounds]` only the write
// path; without arguments, everything.
let rounds = max(1, CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5)
if CommandLine.arguments.dropFirst().first == "startup" {
    try runStartup(rounds: rounds)
} else if CommandLine.arguments.dropFirst().first == "writers" {
    try await runWriters(rounds: rounds)
} else {
    try await run()
}
