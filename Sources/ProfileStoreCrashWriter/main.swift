import Foundation
import ProfileDomain
import ProfileStore

// A process for the JSON-file store's crash and lock tests, which must kill or race a real
// second process: a test cannot `kill -9` itself.
//
//   ProfileStoreCrashWriter write <directory> [snapshotEvery]
//       Writes forever; after each acknowledged (returned) write prints `ack <user> <value>`.
//   ProfileStoreCrashWriter hold-lock <directory>
//       Opens the store, prints `locked` and waits to be killed.
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

func writeForever(directory: String, snapshotEvery: Int) async -> Never {
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
    while true {
        value += 1
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

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    fail("usage: ProfileStoreCrashWriter write <directory> [snapshotEvery] | hold-lock <directory>")
}
switch arguments[1] {
case "write":
    await writeForever(
        directory: arguments[2], snapshotEvery: arguments.count > 3 ? Int(arguments[3]) ?? 10_000 : 10_000)
case "hold-lock":
    holdLock(directory: arguments[2])
default:
    fail("unknown mode \(arguments[1]); use write or hold-lock")
}
