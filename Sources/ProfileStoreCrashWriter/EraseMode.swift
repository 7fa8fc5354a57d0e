import Foundation
import ProfileDomain
import ProfileStore

// The `erase` mode: writes, follows and deletes users without end, so that a kill lands inside
// deletions, their background compactions and the snapshot rotations around them.
//
// User `n` carries the token `zq<n>q` in every field of its own (user id, profile id, username,
// email, bio), so that a test finds any byte of a deleted user left in a file by searching for it.
// Each step `n` creates user `n`, makes it follow the previous user the run created and rewrites
// that one; every third step deletes the user created two steps before. Output, one line per
// step, each printed only after the operation returned (durable):
//
//   ack put <n> <value>        user n is stored with counters.posts == value
//   ack follow <a> <b>         a follows b
//   begin del <n>              the deletion of n starts (printed before it; may be cut short)
//   ack del <n>                n is deleted (durably; its erasure runs in the background)

/// The token of user `index`: `zq<index>q`, which no other user's token contains.
func eraseToken(_ index: Int) -> String { "zq\(index)q" }

/// The id of user `index` in the `erase` mode.
func eraseUserID(_ index: Int) -> UserID {
    guard let id = UserID(eraseToken(index)) else { fail("invalid user id") }
    return id
}

/// The record of user `index` carrying `value`: its token in every field, and a bio whose length
/// varies with `value` so that records and snapshots have many sizes.
func eraseRecord(index: Int, value: Int, replacing existing: UserRecord?) -> UserRecord {
    let token = eraseToken(index)
    let user = eraseUserID(index)
    guard let profileID = ProfileID("profile-\(token)"), let username = Username(token) else {
        fail("invalid profile id or username for \(token)")
    }
    var record =
        existing
        ?? UserRecord(account: Account(userID: user, email: "\(token)@example.com", createdAt: Date()))
    var profile = record.profile ?? Profile(id: profileID, userID: user, createdAt: Date())
    profile.username = username
    profile.displayName = "Display \(token)"
    profile.bio = "\(token) value \(value) " + String(repeating: "y", count: 200 + (value * 37) % 700)
    profile.counters.posts = value
    profile.version += 1
    record.profile = profile
    return record
}

/// Stores user `index` with `value` and prints its `ack put`; exits on failure.
func erasePut(_ index: Int, value: Int, in store: JSONFileProfileStore) async {
    do {
        try await store.update(eraseUserID(index), expectingVersion: nil) { existing in
            existing = eraseRecord(index: index, value: value, replacing: existing)
        }
    } catch {
        fail("put \(index) failed: \(error)")
    }
    emit("ack put \(index) \(value)")
}

/// Runs the `erase` mode: first stores `seeds` users (`first` on, never deleted, written 16 at a
/// time so that they share group commits) to give every compaction a snapshot of some size, prints
/// `ready <first>`, then steps from `first + seeds` until killed.
func eraseForever(directory: String, snapshotEvery: Int, first: Int, seeds: Int) async -> Never {
    let store: JSONFileProfileStore
    do {
        store = try JSONFileProfileStore(
            directory: directory, options: .init(snapshotEvery: snapshotEvery, creation: .createIfMissing))
    } catch {
        fail("cannot open \(directory): \(error)")
    }
    for batch in stride(from: first, to: first + seeds, by: 16) {
        await withTaskGroup(of: Void.self) { group in
            for index in batch..<min(batch + 16, first + seeds) {
                group.addTask { await erasePut(index, value: 1, in: store) }
            }
        }
    }
    emit("ready \(first)")
    // The users this run created and has not deleted, oldest first; seeds are never among them.
    var created: [Int] = []
    var index = first + seeds
    while true {
        await erasePut(index, value: index, in: store)
        if let previous = created.last {
            do {
                _ = try await store.follow(eraseUserID(index), eraseUserID(previous))
            } catch {
                fail("follow \(index) \(previous) failed: \(error)")
            }
            emit("ack follow \(index) \(previous)")
            await erasePut(previous, value: index, in: store)
        }
        created.append(index)
        if index % 3 == 2, created.count >= 2 {
            let victim = created.remove(at: created.count - 2)
            emit("begin del \(victim)")
            do {
                guard try await store.deleteUser(eraseUserID(victim)) != nil else { fail("\(victim) was missing") }
            } catch {
                fail("delete \(victim) failed: \(error)")
            }
            emit("ack del \(victim)")
        }
        index += 1
    }
}
