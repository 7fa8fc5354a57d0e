import Foundation
import ProfileDomain
import ProfileStore

/// How long writers wait while background snapshots of a large store run (issue 12, goal 4).
///
/// Two stores of `size` users are open at once and writes alternate between them: one takes a
/// background snapshot every `snapshotEvery` writes, the other never does, so that machine noise
/// (other processes, the disk's `fsync`) hits both alike. A snapshot begins after the write that
/// fills the journal; the writes right after it are the ones that used to copy the indexes
/// (copy-on-write), so their worst latency is reported apart from everyone's.
func runSnapshotPause(size: Int, writes: Int, snapshotEvery: Int) async throws {
    var snapshotting = try Subject(size: size, snapshotEvery: snapshotEvery)
    var control = try Subject(size: size, snapshotEvery: Int.max)
    var generator = SystemRandomNumberGenerator()
    for write in 0..<writes {
        try await snapshotting.upsert(write, using: &generator)
        try await control.upsert(write, using: &generator)
    }
    for subject in [snapshotting, control] {
        try subject.store.close()
        try? FileManager.default.removeItem(atPath: subject.directory)
    }
    // Write w (0-based) finds w journal records; the one at a multiple of `snapshotEvery` is the
    // first after a snapshot began, and the next two may still race its start.
    let afterBegin = snapshotting.latencies.indices.filter { $0 > 0 && $0 % snapshotEvery < 3 }
    let worstAfterBegin = afterBegin.map { snapshotting.latencies[$0] }.max() ?? .zero
    let snapshots = (writes - 1) / snapshotEvery
    print(
        "writer pause while background snapshots of \(size) users run (\(writes) durable upserts per store, alternating)"
    )
    print("| store | p50 | p99 | max | max of the 3 writes after each snapshot began |")
    print("|-------|----:|----:|----:|------:|")
    print(
        "| snapshot every \(snapshotEvery) writes (\(snapshots) snapshots) | \(snapshotting.percentile(0.5).milliseconds) "
            + "| \(snapshotting.percentile(0.99).milliseconds) | \((snapshotting.latencies.max() ?? .zero).milliseconds) "
            + "| \(worstAfterBegin.milliseconds) |")
    print(
        "| no snapshot (control) | \(control.percentile(0.5).milliseconds) | \(control.percentile(0.99).milliseconds) "
            + "| \((control.latencies.max() ?? .zero).milliseconds) | - |")
}
