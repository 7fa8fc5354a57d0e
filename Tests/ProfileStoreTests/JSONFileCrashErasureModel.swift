import ProfileDomain
import ProfileStore
import Testing

/// What the writer acknowledged, across rounds: the state every reopening must show.
struct JSONFileCrashErasureModel: Sendable {
    /// The highest acknowledged value of each user not deleted.
    var values: [Int: Int] = [:]
    /// Acknowledged follows, `from` then `to`.
    var follows: Set<[Int]> = []
    /// Users whose deletion was acknowledged (or found durable after the kill).
    var deleted: Set<Int> = []
    /// A deletion begun and not acknowledged when the writer was killed.
    var deletionInFlight: Int?
    /// The highest user number any line named.
    var highestIndex = -1
    /// Acknowledged operations in all.
    var acknowledged = 0

    /// The first user number of the next run: past the user a killed step may have created
    /// without acknowledging it.
    var nextIndex: Int { highestIndex + 2 }

    /// Records one line of the writer; returns whether it acknowledged an operation.
    mutating func read(_ line: String) -> Bool {
        let parts = line.split(separator: " ")
        guard parts.count >= 3, let first = Int(parts[2]) else { return false }
        highestIndex = max(highestIndex, first)
        switch (parts[0], parts[1], parts.count == 4 ? Int(parts[3]) : nil) {
        case ("ack", "put", let value?):
            values[first] = max(values[first] ?? 0, value)
        case ("ack", "follow", let second?):
            follows.insert([first, second])
        case ("begin", "del", nil):
            deletionInFlight = first
            return false
        case ("ack", "del", nil):
            deleted.insert(first)
            values[first] = nil
            deletionInFlight = nil
        default:
            return false
        }
        acknowledged += 1
        return true
    }

    /// Takes a deletion the kill interrupted as done when `store` no longer has the user (its
    /// record was durable), as not done otherwise.
    mutating func settleDeletionInFlight(in store: JSONFileProfileStore) async throws {
        guard let user = deletionInFlight else { return }
        deletionInFlight = nil
        if try await store.record(for: eraseUser(user)) == nil {
            deleted.insert(user)
            values[user] = nil
        }
    }

    /// Checks every acknowledged write and deletion against `store`.
    func check(_ store: JSONFileProfileStore, round: Int) async throws {
        for (user, value) in values {
            let record = try #require(try await store.record(for: eraseUser(user)), "round \(round): \(user) lost")
            let posts = record.profile?.counters.posts ?? -1
            #expect(posts >= value, "round \(round): \(user) acknowledged \(value), stored \(posts)")
            #expect(
                record.profile?.bio?.hasPrefix("zq\(user)q value \(posts) ") == true, "round \(round): \(user) torn")
            let username = try #require(Username("zq\(user)q"))
            #expect(
                try await store.record(forUsername: username)?.userID == eraseUser(user),
                "round \(round): the username of \(user) does not lead to it")
        }
        for user in deleted {
            #expect(try await store.record(for: eraseUser(user)) == nil, "round \(round): deleted \(user) is back")
            #expect(try await store.edges(touching: eraseUser(user)).isEmpty, "round \(round): edges of \(user)")
        }
        for edge in follows where deleted.isDisjoint(with: edge) {
            let relationship = try await store.relationship(between: eraseUser(edge[0]), and: eraseUser(edge[1]))
            #expect(relationship.viewerFollowsSubject, "round \(round): follow \(edge) lost")
        }
    }

    private func eraseUser(_ index: Int) throws -> UserID {
        try #require(UserID("zq\(index)q"))
    }
}
