import Foundation
import ProfileDomain
import ProfileStore

/// What `writers` concurrent writers achieved.
struct ConcurrentWrites {
    /// Durable upserts per second.
    var perSecond: Double
    /// CPU time of the whole process (all threads) per upsert, in microseconds: what bounds the
    /// rate once `fsync` is fast, independent of how busy the machine is.
    var cpuMicrosecondsPerWrite: Double

    var summary: String {
        String(format: "%.0f durable upserts/s, %.0f µs CPU per upsert", perSecond, cpuMicrosecondsPerWrite)
    }
}

/// Durable upserts per second with `writers` tasks writing at once, each to users of its own,
/// into a 1,000-user store: what group commit is for (Docs/performance.md, "Group commit").
func concurrentWrites(writers: Int, writesPerWriter: Int) async throws -> ConcurrentWrites {
    let subject = try Subject(size: 1_000)
    defer {
        try? subject.store.close()
        try? FileManager.default.removeItem(atPath: subject.directory)
    }
    let store = subject.store
    let size = subject.size
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = processCPUSeconds()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<writers {
            group.addTask {
                for write in 0..<writesPerWriter {
                    // Writer w owns the users w, w + writers, ...: no two writers touch one record.
                    let index = (writer + writers * write) % size
                    guard let user = UserID("user-\(index)") else { fail("invalid identifier") }
                    try await store.update(user, expectingVersion: nil) { existing in
                        existing = record(index, revision: (existing?.version ?? 0) + 1)
                    }
                }
            }
        }
        try await group.waitForAll()
    }
    let elapsed = clock.now - start
    let count = Double(writers * writesPerWriter)
    return ConcurrentWrites(
        perSecond: count / elapsed.seconds, cpuMicrosecondsPerWrite: (processCPUSeconds() - cpuStart) / count * 1e6)
}

/// `StoreBenchmark writers [rounds]`: single-writer latency and 16-writer throughput alone,
/// repeated, for before/after comparisons of the write path on a noisy machine.
func runWriters(rounds: Int) async throws {
    var generator = SystemRandomNumberGenerator()
    for round in 1...rounds {
        var single = try Subject(size: 1_000)
        for write in 0..<writesPerSize { try await single.upsert(write, using: &generator) }
        try single.store.close()
        try? FileManager.default.removeItem(atPath: single.directory)
        let concurrent = try await concurrentWrites(writers: 16, writesPerWriter: 500)
        print(
            "round \(round): one writer p50 \(single.percentile(0.5).milliseconds), "
                + "p99 \(single.percentile(0.99).milliseconds); 16 writers: \(concurrent.summary)"
        )
    }
}
