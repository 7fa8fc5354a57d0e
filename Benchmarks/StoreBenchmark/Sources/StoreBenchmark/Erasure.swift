import Foundation
import ProfileDomain
import ProfileStore

/// `StoreBenchmark erasure [deletes]`: what `deleteUser` costs now that it compacts the files
/// before it returns (Docs/Lifecycle.md, "Real erasure"), at 10,000 and 100,000 users: each
/// delete's wall time, the CPU time of the process per delete, and the slowest write made by a
/// concurrent writer while the deletes run (the compaction holds the store's writes back).
func runErasure(deletes: Int) async throws {
    print("JSONFileProfileStore erasure: \(deletes) deleteUser calls per size, each compacting before it returns")
    for size in [10_000, 100_000] {
        let subject = try Subject(size: size)
        let store = subject.store
        let clock = ContinuousClock()
        // A writer that keeps writing other users while the deletes run: its worst latency is the
        // pause a compaction imposes on everyone else.
        let writer = Task { () -> Duration in
            var worst = Duration.zero
            var round = 0
            while !Task.isCancelled {
                guard let user = UserID("user-\(size - 1 - round % 100)") else { break }
                let began = clock.now
                try await store.update(user, expectingVersion: nil) { $0?.profile?.counters.posts = round }
                worst = max(worst, clock.now - began)
                round += 1
            }
            return worst
        }
        var times: [Duration] = []
        let cpuStart = processCPUSeconds()
        for index in 0..<deletes {
            guard let user = UserID("user-\(index)") else { fail("invalid identifier") }
            let began = clock.now
            guard try await store.deleteUser(user) != nil else { fail("user-\(index) was not there") }
            times.append(clock.now - began)
        }
        let cpuPerDelete = (processCPUSeconds() - cpuStart) / Double(deletes)
        writer.cancel()
        let worstWrite = try await writer.value
        let snapshotBytes =
            (try? FileManager.default.attributesOfItem(atPath: subject.directory + "/snapshot.json")[.size])
            as? Int ?? 0
        try store.close()
        try? FileManager.default.removeItem(atPath: subject.directory)
        let sorted = times.sorted()
        print(
            """
            \(size) profiles (snapshot \(snapshotBytes / 1_000_000) MB):
              deleteUser, wall: median \(sorted[sorted.count / 2].milliseconds), max \(sorted.last?.milliseconds ?? "-")
              process CPU per delete (the concurrent writer's included): \(String(format: "%.0f ms", cpuPerDelete * 1000))
              slowest concurrent write meanwhile: \(worstWrite.milliseconds)
            """)
    }
}
