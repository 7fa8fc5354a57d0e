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

/// A field of /proc/self/status in bytes (`VmRSS`, `VmHWM`); 0 where /proc is missing.
func statusBytes(_ field: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }
    return 0
}

/// Resident set size, in bytes; 0 where /proc is missing.
func residentBytes() -> Int { statusBytes("VmRSS") }

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

/// Writes a snapshot of `count` users straight into `directory` in the documented format without
/// a checksum, streamed in batches so that a million users fit; with `STORE_BENCHMARK_FOLLOWS=1`
/// each user follows the next (one edge per user), otherwise there are no edges.
func populate(_ directory: String, count: Int) throws {
    let follows = ProcessInfo.processInfo.environment["STORE_BENCHMARK_FOLLOWS"] == "1"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/snapshot.json"
    guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path)
    else { fail("cannot create \(path)") }
    defer { try? file.close() }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    func write<Element: Encodable>(_ key: String, _ count: Int, last: Bool, _ element: (Int) -> Element) throws {
        try file.write(contentsOf: Data("\"\(key)\":[".utf8))
        for start in stride(from: 0, to: count, by: 10_000) {
            var batch = Data()
            for index in start..<min(count, start + 10_000) {
                if index > 0 { batch.append(UInt8(ascii: ",")) }
                batch.append(try encoder.encode(element(index)))
            }
            try file.write(contentsOf: batch)
        }
        try file.write(contentsOf: Data((last ? "]" : "],").utf8))
    }
    try file.write(contentsOf: Data("{".utf8))
    try write("edges", follows ? max(0, count - 1) : 0, last: false) { index in
        guard let from = UserID("user-\(index)"), let to = UserID("user-\(index + 1)") else { fail("invalid id") }
        return RelationshipEdge(from: from, to: to, kind: .follow)
    }
    try write("records", count, last: true) { record($0, revision: 1) }
    try file.write(contentsOf: Data(#","schemaVersion":1,"sequence":0}"#.utf8))
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

/// Start-up in a fresh process per open, so that the peak resident memory is the
/// store's alone (VmHWM, the peak resident memory of this process image): the child opens the store in `directory`, reads one record by id and one by
/// username, and prints nanoseconds to open, nanoseconds to the first read, its peak RSS in KiB
/// and the CPU time it used in microseconds (the process's whole life, runtime start included). With an empty `directory` argument it opens nothing: the runtime's own baseline.
func runStartupChild(directory: String, size: Int) async throws {
    let clock = ContinuousClock()
    let start = clock.now
    var opened = start
    var firstRead = start
    var store: JSONFileProfileStore?
    if !directory.isEmpty {
        let open = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
        opened = clock.now
        let index = size / 2
        guard let user = UserID("user-\(index)"), let username = Username("user_\(index)"),
            try await open.record(for: user) != nil, try await open.record(forUsername: username) != nil
        else { fail("user-\(index) is missing") }
        firstRead = clock.now
        store = open
    }
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    let cpu =
        (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000 + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
    // VmHWM, not `ru_maxrss`: Linux carries the parent's peak into a child's `ru_maxrss` across
    // fork and exec, so the benchmark's own memory would count; VmHWM belongs to this image.
    print("\((opened - start).nanoseconds) \((firstRead - start).nanoseconds) \(statusBytes("VmHWM") / 1024) \(cpu)")
    try store?.close()
}

extension Duration {
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}

/// Runs this executable as `startup-child` and returns its three numbers.
func startupChild(
    directory: String,
    size: Int
) throws -> (open: Double, firstRead: Double, peakKiB: Int, cpu: Double) {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
    child.arguments = ["startup-child", directory, String(size)]
    let output = Pipe()
    child.standardOutput = output
    try child.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    child.waitUntilExit()
    let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    guard child.terminationStatus == 0, fields.count == 4 else { fail("startup-child failed: \(fields)") }
    return (Double(fields[0]) / 1e6, Double(fields[1]) / 1e6, fields[2], Double(fields[3]) / 1e3)
}

/// Start-up alone, in a fresh process per open (`rounds` opens per size, medians printed): time
/// to open, time to the first read, peak RSS and snapshot size, at 10,000 and 100,000 users, and
/// at 1,000,000 with `STORE_BENCHMARK_FULL=1`. Each store is populated, then opened once and
/// snapshotted, so that the file measured is the one the store writes (checksum included).
func runStartup(rounds: Int) throws {
    let environment = ProcessInfo.processInfo.environment
    var sizes = [10_000, 100_000]
    if environment["STORE_BENCHMARK_FULL"] == "1" { sizes.append(1_000_000) }
    if let only = environment["STORE_BENCHMARK_SIZES"] { sizes = only.split(separator: ",").compactMap { Int($0) } }
    let baseline = try startupChild(directory: "", size: 0)
    print(
        "start-up in a fresh process, median of \(rounds) opens (runtime baseline: peak RSS "
            + String(format: "%d MiB, CPU %.0f ms; CPU below excludes it)", baseline.peakKiB / 1024, baseline.cpu))
    print("| users | snapshot | open | first read | CPU (process) | peak RSS | RSS above baseline per user |")
    print("|------:|---------:|-----:|-----------:|--------------:|---------:|----------------------------:|")
    for size in sizes {
        // STORE_BENCHMARK_DIRECTORY keeps the populated store, to profile `startup-child` on it.
        let kept = environment["STORE_BENCHMARK_DIRECTORY"].map { $0 + "/\(size)" }
        let directory =
            kept ?? FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-\(UUID())").path
        defer { if kept == nil { try? FileManager.default.removeItem(atPath: directory) } }
        try? FileManager.default.removeItem(atPath: directory)
        try populate(directory, count: size)
        let store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
        try store.snapshot()
        try store.close()
        let snapshotBytes =
            (try? FileManager.default.attributesOfItem(atPath: directory + "/snapshot.json")[.size] as? Int) ?? 0
        let runs = try (0..<rounds).map { _ in try startupChild(directory: directory, size: size) }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let peak = median(runs.map { Double($0.peakKiB) })
        print(
            String(
                format: "| %d | %.1f MB | %.1f ms | %.1f ms | %.1f ms | %.1f MiB | %.0f bytes |", size,
                Double(snapshotBytes) / 1e6, median(runs.map(\.open)), median(runs.map(\.firstRead)),
                median(runs.map(\.cpu)) - baseline.cpu, peak / 1024,
                (peak - Double(baseline.peakKiB)) * 1024 / Double(size)))
    }
}

// `StoreBenchmark startup [rounds]` measures only start-up (each open in a child process run as
// `startup-child`), `writers [rounds]` only the write path, `snapshot-pause [writes]` the writers'
// pause while background snapshots of 100,000 users run, `erasure [deletes]` what erasing
// users costs concurrent writers, synchronous compaction against background; without arguments, everything but erasure.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "startup-child", arguments.count == 3 {
    try await runStartupChild(directory: arguments[1], size: Int(arguments[2]) ?? 0)
} else if arguments.first == "startup" {
    try runStartup(rounds: max(1, arguments.dropFirst().first.flatMap { Int($0) } ?? 3))
} else if arguments.first == "snapshot-pause" {
    let writes = max(2, arguments.dropFirst().first.flatMap { Int($0) } ?? 2_000)
    try await runSnapshotPause(size: 100_000, writes: writes, snapshotEvery: max(1, writes / 4))
} else if arguments.first == "erasure" {
    try await runErasure(deletes: max(1, arguments.dropFirst().first.flatMap { Int($0) } ?? 5))
} else if arguments.first == "writers" {
    try await runWriters(rounds: max(1, arguments.dropFirst().first.flatMap { Int($0) } ?? 5))
} else {
    try await run()
}
