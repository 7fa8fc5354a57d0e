import Foundation
import ProfileDomain
import ProfileStore

/// `StoreBenchmark erasure [deletes]`: what erasing users costs the store's other writers, at
/// 10,000 and 100,000 users (Docs/Lifecycle.md, "Real erasure"; Docs/JSONFileStore.md, "Erasure").
///
/// Two ways, on the same machine in the same run: **synchronous**, each `deleteUser` followed by
/// `compact()` (what `deleteUser` did until the erasure moved to the background: writers wait
/// for the whole snapshot), and **background**, the deletes alone then one `awaitErasure()` (the
/// compaction runs while writes go on; the deletes of the burst share it). For each: the deletes'
/// wall time, the time until no file holds a deleted user, and the latency (p50, p99, max) of a
/// concurrent writer's durable upserts meanwhile.
func runErasure(deletes: Int) async throws {
    print("JSONFileProfileStore erasure: \(deletes) deletes per run, a concurrent writer upserting meanwhile")
    print("| users | erasure | delete p50 | delete max | all erased after | writer upserts | writer p50 | p99 | max |")
    print("|------:|---------|-----------:|-----------:|-----------------:|---------------:|-----------:|----:|----:|")
    for size in [10_000, 100_000] {
        for background in [false, true] {
            try await runErasure(size: size, deletes: deletes, background: background)
        }
    }
}

/// One row: `deletes` users erased from a store of `size`, in the background or synchronously.
private func runErasure(size: Int, deletes: Int, background: Bool) async throws {
    let subject = try Subject(size: size)
    let store = subject.store
    let clock = ContinuousClock()
    // A writer that keeps writing other users until the erasure is complete: its latencies are
    // what erasure costs everyone else.
    let writer = Task { () -> [Duration] in
        var latencies: [Duration] = []
        var round = 0
        while !Task.isCancelled {
            guard let user = UserID("user-\(size - 1 - round % 100)") else { break }
            let began = clock.now
            try await store.update(user, expectingVersion: nil) { $0?.profile?.counters.posts = round }
            latencies.append(clock.now - began)
            round += 1
        }
        return latencies
    }
    var times: [Duration] = []
    let burstStart = clock.now
    for index in 0..<deletes {
        guard let user = UserID("user-\(index)") else { fail("invalid identifier") }
        let began = clock.now
        guard try await store.deleteUser(user) != nil else { fail("user-\(index) was not there") }
        if !background { try await store.compact() }
        times.append(clock.now - began)
    }
    try await store.awaitErasure()
    let erased = clock.now - burstStart
    writer.cancel()
    let writes = try await writer.value.sorted()
    try store.close()
    try? FileManager.default.removeItem(atPath: subject.directory)
    let sorted = times.sorted()
    func writePercentile(_ fraction: Double) -> String {
        writes.isEmpty ? "-" : writes[min(writes.count - 1, Int(Double(writes.count) * fraction))].milliseconds
    }
    print(
        "| \(size) | \(background ? "background" : "synchronous (compact)") | \(sorted[sorted.count / 2].milliseconds) "
            + "| \(sorted.last?.milliseconds ?? "-") | \(erased.milliseconds) | \(writes.count) "
            + "| \(writePercentile(0.5)) | \(writePercentile(0.99)) | \(writes.last?.milliseconds ?? "-") |")
}
