import Foundation
import ProfileDomain
import ProfileStore

// A process for the JSON-file store's crash and lock tests, which must kill or race a real
// second process: a test cannot `kill -9` itself.
//
//   ProfileStoreCrashWriter write <directory> [snapshotEvery] [writers]
//       Writes forever; after each acknowledged (returned) write prints `ack <user> <value>`.
//       With `writers` (1, 2, 4, 8 or 16; default 1) that many tasks write at once, each to users
//       of its own, so that their writes share group-commit batches.
//   ProfileStoreCrashWriter erase <directory> <snapshotEvery> <first> [seeds]
//       Creates, follows, rewrites and deletes users `zq<n>q` (n from `first`) forever, printing
//       `ack ...` lines (EraseMode.swift describes them); for JSONFileCrashErasureTests.
//   ProfileStoreCrashWriter hold-lock <directory>
//       Opens the store, prints `locked` and waits to be killed.
//   ProfileStoreCrashWriter verify <directory> <ack file>...
//       Opens the existing store (never creating one) and checks every `ack` line of the files
//       (what `write` printed) against it, and the store's invariants: unique usernames, follower
//       and following counts equal to the edges. Prints one `verified ...` line of figures, or
//       `FAILED ...` lines and exits 1.
//   Scripts/crash-loop.sh and Scripts/disk-faults.sh drive these modes.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Users the writer cycles through, so that records are both created and replaced.
let userCount = 16

/// Writes `line` and a newline to standard output unbuffered, so that a line printed is a line
/// the test can read even if the process is killed right after.
func emit(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    var written = 0
    while written < bytes.count {
        let count = bytes.withUnsafeBytes { write(1, $0.baseAddress.map { $0 + written }, bytes.count - written) }
        if count > 0 {
            written += count
        } else if count < 0 && errno != EINTR {
            exit(3)
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("ProfileStoreCrashWriter: " + message + "\n").utf8))
    exit(2)
}

func userID(_ index: Int) -> UserID {
    guard let id = UserID("crash-\(index)") else { fail("invalid user id") }
    return id
}

/// The record of user `index` carrying `value`, with a bio whose length varies so that journal
/// lines have many lengths and a kill lands at many offsets inside one.
func record(index: Int, value: Int, replacing existing: UserRecord?) -> UserRecord {
    let user = userID(index)
    var record =
        existing
        ?? UserRecord(account: Account(userID: user, email: "crash-\(index)@example.com", createdAt: Date()))
    var profile = record.profile ?? Profile(userID: user, createdAt: Date())
    profile.username = Username("crash_\(index)")
    profile.bio = "value \(value) " + String(repeating: "x", count: value % 173)
    profile.counters.posts = value
    profile.version += 1
    record.profile = profile
    return record
}

func writeForever(directory: String, snapshotEvery: Int, writers: Int) async -> Never {
    // Writer w writes the values base + j * writers + w; as `writers` divides `userCount`, the
    // users (value % userCount) of one writer are never another's, and each user's values grow.
    guard writers > 0, userCount % writers == 0 else { fail("writers must divide \(userCount)") }
    let store: JSONFileProfileStore
    do {
        store = try JSONFileProfileStore(
            directory: directory, options: .init(snapshotEvery: snapshotEvery, creation: .createIfMissing))
    } catch {
        fail("cannot open \(directory): \(error)")
    }
    var value = 0
    for index in 0..<userCount {
        let posts = (try? await store.record(for: userID(index)))??.profile?.counters.posts ?? 0
        value = max(value, posts)
    }
    emit("ready \(value)")
    let base = value
    await withTaskGroup(of: Void.self) { group in
        for writer in 0..<writers {
            group.addTask {
                var step = 0
                while true {
                    step += 1
                    await write(base + step * writers + writer, to: store)
                }
            }
        }
    }
    fail("the writers stopped")
}

/// One acknowledged write of `value` (and, every fifth value, a follow or unfollow); exits on failure.
func write(_ value: Int, to store: JSONFileProfileStore) async {
    let index = value % userCount
    do {
        try await store.update(userID(index), expectingVersion: nil) { existing in
            existing = record(index: index, value: value, replacing: existing)
        }
        emit("ack \(userID(index)) \(value)")
        if value % 5 == 0, value > userCount {
            let other = userID((index + 1) % userCount)
            if try await !store.follow(userID(index), other) {
                _ = try await store.unfollow(userID(index), other)
            }
        }
    } catch {
        fail("write \(value) failed: \(error)")
    }
}

func holdLock(directory: String) -> Never {
    let store: JSONFileProfileStore
    do {
        store = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
    } catch {
        fail("cannot open \(directory): \(error)")
    }
    emit("locked \(store.directory)")
    while true { pause() }
}

/// The highest acknowledged value of each user in the `ack <user> <value>` lines of `files`.
func acknowledgedValues(in files: [String]) -> (values: [String: Int], count: Int) {
    var values: [String: Int] = [:]
    var count = 0
    for file in files {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { fail("cannot read \(file)") }
        // A line cut by the kill has no line end: only whole lines count.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()
        for line in lines {
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "ack", let value = Int(parts[2]) else { continue }
            values[String(parts[1]), default: 0] = max(values[String(parts[1]), default: 0], value)
            count += 1
        }
    }
    return (values, count)
}

/// Checks the store in `directory` against the acknowledgements in `files`; exits 1 on any failure.
func verify(directory: String, ackFiles: [String]) async -> Never {
    let store: JSONFileProfileStore
    do {
        store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
    } catch {
        emit("FAILED cannot open \(directory): \(error)")
        exit(1)
    }
    var failures: [String] = []
    let (acknowledged, count) = acknowledgedValues(in: ackFiles)
    do {
        for (name, value) in acknowledged.sorted(by: { $0.key < $1.key }) {
            guard let user = UserID(name), let profile = try await store.record(for: user)?.profile else {
                failures.append("\(name): acknowledged \(value), missing")
                continue
            }
            if profile.counters.posts < value {
                failures.append("\(name): acknowledged \(value), stored \(profile.counters.posts)")
            }
            if profile.bio?.hasPrefix("value \(profile.counters.posts) ") != true {
                failures.append("\(name): torn record")
            }
            if let username = profile.username, try await store.record(forUsername: username)?.userID != user {
                failures.append("\(name): username \(username.rawValue) does not lead back to it")
            }
        }
        var followers = [Int](repeating: 0, count: userCount)
        var following = [Int](repeating: 0, count: userCount)
        for from in 0..<userCount {
            for to in 0..<userCount where from != to {
                if try await store.relationship(between: userID(from), and: userID(to)).viewerFollowsSubject {
                    following[from] += 1
                    followers[to] += 1
                }
            }
        }
        for index in 0..<userCount {
            let counts = try await store.socialCounts(for: userID(index))
            if counts.followers != followers[index] || counts.following != following[index] {
                failures.append(
                    "\(userID(index)): counts \(counts) differ from the edges (\(followers[index]), \(following[index]))"
                )
            }
        }
    } catch {
        failures.append("reading failed: \(error)")
    }
    let report = store.recoveryReport
    try? store.close()
    guard failures.isEmpty else {
        for failure in failures { emit("FAILED \(failure)") }
        exit(1)
    }
    emit(
        "verified acks=\(count) users=\(acknowledged.count) replayed=\(report.replayedRecordCount) "
            + "skipped=\(report.skippedRecordCount) temporary=\(report.removedTemporaryFiles) "
            + "tail=\(report.discardedTail != nil) snapshotSequence=\(report.snapshotSequence)")
    exit(0)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    fail(
        "usage: ProfileStoreCrashWriter write <directory> [snapshotEvery] [writers] "
            + "| erase <directory> <snapshotEvery> <first> [seeds] | hold-lock <directory> "
            + "| verify <directory> <ack file>...")
}
switch arguments[1] {
case "write":
    await writeForever(
        directory: arguments[2], snapshotEvery: arguments.count > 3 ? Int(arguments[3]) ?? 10_000 : 10_000,
        writers: arguments.count > 4 ? Int(arguments[4]) ?? 1 : 1)
case "erase":
    guard arguments.count >= 5, let snapshotEvery = Int(arguments[3]), let first = Int(arguments[4]) else {
        fail("usage: ProfileStoreCrashWriter erase <directory> <snapshotEvery> <first> [seeds]")
    }
    await eraseForever(
        directory: arguments[2], snapshotEvery: snapshotEvery, first: first,
        seeds: arguments.count > 5 ? Int(arguments[5]) ?? 0 : 0)
case "hold-lock":
    holdLock(directory: arguments[2])
case "verify":
    await verify(directory: arguments[2], ackFiles: Array(arguments.dropFirst(3)))
default:
    fail("unknown mode \(arguments[1]); use write, erase, hold-lock or verify")
}
