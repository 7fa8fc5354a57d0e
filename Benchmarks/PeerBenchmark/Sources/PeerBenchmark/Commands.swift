import Foundation
import ProfileDomain
import ProfileKitTestSupport

/// The benchmark's commands; each prints its numbers as `BenchmarkRow` lines.
enum Commands {
    /// The seed of every random choice of profile, so that runs pick the same ones.
    static let seed: UInt64 = 20_261_130

    static func openSubject(_ kind: String, root: String, count: Int) throws -> any StoreSubject {
        switch kind {
        case "json": return try JSONFileSubject(directory: Population.jsonFileDirectory(root, count: count))
        case "sqlite": return try SQLiteSubject(path: Population.sqlitePath(root, count: count))
        default: throw BenchmarkFailure("unknown store \(kind); expected json or sqlite")
        }
    }

    /// Start-up until the first read, peak RSS at that point, then `reads` reads by id and by
    /// username. Meant to run in a fresh process per store, so that the RSS is that store's alone.
    static func open(_ kind: String, root: String, count: Int, reads: Int) async throws {
        var generator = SeededGenerator(seed: seed)
        let indices = (0..<max(1, reads)).map { _ in Int.random(in: 0..<count, using: &generator) }
        let users = indices.map(Fixture.user)
        let usernames = try indices.map { index in
            guard let name = Username(Fixture.username(index)) else { throw BenchmarkFailure("bad username") }
            return name
        }
        let clock = ContinuousClock()
        let start = clock.now
        let subject = try openSubject(kind, root: root, count: count)
        guard try await subject.read(users[0]) else { throw BenchmarkFailure("the first read found nothing") }
        let startup = clock.now - start
        let peak = peakResidentMiB()
        try BenchmarkRow(row: "startup/\(count)", subject: subject.name, value: startup.microseconds / 1000, unit: "ms")
            .emit()
        try BenchmarkRow(row: "peak-rss/\(count)", subject: subject.name, value: peak, unit: "MiB").emit()
        try await measureReads(subject, users: users, usernames: usernames, count: count)
        if var sqlite = subject as? SQLiteSubject {
            sqlite.decodesRecords = false
            try await measureReads(sqlite, users: users, usernames: usernames, count: count)
        }
        try subject.close()
    }

    /// Reads every user by id, then by username, and prints the mean of each in ns per read.
    private static func measureReads(
        _ subject: some StoreSubject, users: [UserID], usernames: [Username], count: Int
    ) async throws {
        let clock = ContinuousClock()
        let byID = try await clock.measure {
            for user in users where try await !subject.read(user) { throw BenchmarkFailure("no record for \(user)") }
        }
        let byUsername = try await clock.measure {
            for name in usernames where try await !subject.read(username: name) {
                throw BenchmarkFailure("no record for @\(name)")
            }
        }
        for (row, elapsed) in [("read-id/\(count)", byID), ("read-username/\(count)", byUsername)] {
            let nanoseconds = elapsed.microseconds * 1000 / Double(users.count)
            try BenchmarkRow(row: row, subject: subject.name, value: nanoseconds, unit: "ns").emit()
        }
    }

    /// `writes` durable upserts of random profiles into each store of each size and into the
    /// append+fsync floor, interleaved one write at a time (the first subject rotating) so that
    /// noise from other processes hits every subject alike.
    static func upserts(root: String, writes: Int, counts: [Int]) async throws {
        var subjects: [(count: Int, subject: any StoreSubject)] = []
        for count in counts {
            for kind in ["json", "sqlite"] { subjects.append((count, try openSubject(kind, root: root, count: count))) }
        }
        let line = try JSONEncoder().encode(Fixture.record(0, revision: 1)) + Data("\n".utf8)
        let floor = try AppendFsyncFloor(path: root + "/append-fsync-floor.log", line: Array(line))
        defer { floor.finish() }
        var latencies = Array(repeating: Latencies(), count: subjects.count + 1)
        var generator = SeededGenerator(seed: seed)
        let clock = ContinuousClock()
        for write in 0..<writes {
            for step in 0...subjects.count {
                let which = (write + step) % (subjects.count + 1)
                let start = clock.now
                if which == subjects.count {
                    try floor.append()
                } else {
                    let index = Int.random(in: 0..<subjects[which].count, using: &generator)
                    try await subjects[which].subject.upsert(Fixture.record(index, revision: write + 2))
                }
                latencies[which].samples.append((clock.now - start).microseconds)
            }
        }
        for (which, entry) in subjects.enumerated() {
            try emitPercentiles(latencies[which], count: entry.count, subject: entry.subject.name)
            try entry.subject.close()
        }
        for count in counts {
            try emitPercentiles(latencies[subjects.count], count: count, subject: "append+fsync floor")
        }
    }

    private static func emitPercentiles(_ latencies: Latencies, count: Int, subject: String) throws {
        try BenchmarkRow(row: "upsert-p50/\(count)", subject: subject, value: latencies.percentile(0.5), unit: "us")
            .emit()
        try BenchmarkRow(row: "upsert-p99/\(count)", subject: subject, value: latencies.percentile(0.99), unit: "us")
            .emit()
    }

    /// Durable upserts per second with each number of concurrent writers (tasks), `rounds` rounds
    /// per store alternating between the stores; the median round counts.
    static func concurrent(root: String, count: Int, writesPerWriter: Int, rounds: Int, writers: [Int]) async throws {
        let subjects = try ["json", "sqlite"].map { try openSubject($0, root: root, count: count) }
        for writerCount in writers {
            var rates = Array(repeating: [Double](), count: subjects.count)
            for round in 0..<rounds {
                for (which, subject) in subjects.enumerated() {
                    let elapsed = try await ContinuousClock().measure {
                        try await writeConcurrently(
                            subject, writers: writerCount, writesPerWriter: writesPerWriter, count: count,
                            revision: round + 1_000)
                    }
                    rates[which].append(Double(writerCount * writesPerWriter) / (elapsed.microseconds / 1e6))
                }
            }
            for (which, subject) in subjects.enumerated() {
                try BenchmarkRow(
                    row: "writes-per-second/\(writerCount)", subject: subject.name, value: median(rates[which]),
                    unit: "writes/s"
                ).emit()
            }
        }
        for subject in subjects { try subject.close() }
    }

    /// `writers` tasks, each upserting its own profiles (writer w takes w, w + writers, ...).
    private static func writeConcurrently(
        _ subject: any StoreSubject, writers: Int, writesPerWriter: Int, count: Int, revision: Int
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for write in 0..<writesPerWriter {
                        let index = (writer + write * writers) % count
                        try await subject.upsert(Fixture.record(index, revision: revision))
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
