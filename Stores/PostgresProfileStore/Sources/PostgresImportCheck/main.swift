// ci-run's check of profilekit-pg-import, through the library only:
//   PostgresImportCheck --make <dir>            a JSON-file store with users, profiles, media, edges,
//                                               renames and deletions under holding terms
//   PostgresImportCheck --compare <dir> <url>   every record, edge, count, username hold and history
//                                               equal in both stores
import Foundation
import PostgresProfileStore
import ProfileDomain
import ProfileStore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("PostgresImportCheck: \(message)\n".utf8))
    exit(1)
}

func user(_ index: Int) -> UserID { UserID("import-\(index)") ?? .random() }
enum Population {
    static let users = 200
}

let date = Date(timeIntervalSinceReferenceDate: 812_345_678.987_654_321)

/// Fills `store` with `users` users, every fifth without a profile, follows and blocks between them.
func populate(_ store: JSONFileProfileStore) async throws {
    for index in 0..<Population.users {
        let id = user(index)
        var record = UserRecord(
            account: Account(
                userID: id, email: index.isMultiple(of: 3) ? nil : "User\(index)@Example.com", createdAt: date))
        if !index.isMultiple(of: 5) {
            var profile = Profile(userID: id, createdAt: date.addingTimeInterval(Double(index) / 7))
            profile.username = Username("user_\(index)")
            profile.bio = "bio of \(index)\nwith a second line"
            profile.niches = ["fitness", "n\(index % 4)"]
            profile.socialLinks = [.instagram: "https://instagram.com/u\(index)"]
            profile.version = 1 + index % 3
            record.profile = profile
        }
        record.preferences.additional["index"] = .number(Double(index))
        record.media = (0..<index % 3).map {
            MediaReference(
                key: "sha256-\(index)-\($0).png", contentType: "image/png", byteCount: 10 * $0 + 1, purpose: "avatar",
                createdAt: date)
        }
        try await store.update(id, expectingVersion: nil) { $0 = record }
    }
    for index in 0..<Population.users {
        for step in [1, 7, 31] { _ = try await store.follow(user(index), user((index + step) % Population.users)) }
        if index.isMultiple(of: 11) { _ = try await store.block(user(index), user((index + 1) % Population.users)) }
    }
    _ = try await store.deleteUser(user(42))
    try await populateHolds(store)
}

/// Renames and deletions under holding terms: holds with a holder and without one (a deleted
/// user's, including those of its earlier renames), expired (ended a minute after `date`) and
/// unexpired, and histories with case-only changes, which leave history but no hold.
func populateHolds(_ store: JSONFileProfileStore) async throws {
    let expired = UsernameHoldTerms(
        now: date, afterRename: .lasting(.seconds(60)), afterDeletion: .lasting(.seconds(60)))
    let unexpired = UsernameHoldTerms(
        now: date, afterRename: .lasting(.seconds(86_400 * 365 * 50)), afterDeletion: .forever)
    func terms(_ index: Int) -> UsernameHoldTerms { index.isMultiple(of: 2) ? expired : unexpired }
    for index in stride(from: 1, to: Population.users, by: 3) where !index.isMultiple(of: 5) && index != 42 {
        for name in ["renamed_\(index)", "Renamed_\(index)", "again_\(index)"].prefix(1 + index % 3) {
            try await store.update(user(index), expectingVersion: nil, holding: terms(index)) {
                $0?.profile?.username = Username(name)
            }
        }
    }
    // 4, 13, 22, ... renamed first; 6, 24, 33, ... did not.
    for index in Array(stride(from: 4, to: Population.users, by: 9))
        + Array(stride(from: 6, to: Population.users, by: 9))
    where index != 42 {
        _ = try await store.deleteUser(user(index), holding: terms(index))
    }
}

/// Fails unless `holds` has every kind of hold the import must carry.
func requireEveryKind(of holds: [UsernameHold]) {
    let now = Date()
    let kinds: [(String, (UsernameHold) -> Bool)] = [
        ("with a holder", { $0.holder != nil }), ("without a holder", { $0.holder == nil }),
        ("expired", { !$0.isActive(at: now) }), ("unexpired", { $0.isActive(at: now) }),
        ("holder-less and expired", { $0.holder == nil && !$0.isActive(at: now) }),
    ]
    for (kind, matches) in kinds where !holds.contains(where: matches) {
        fail("the source store has no hold \(kind); the check would prove nothing about such holds")
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "--make" where arguments.count == 2:
        let store = try JSONFileProfileStore(directory: arguments[1], options: .createIfMissing)
        try await populate(store)
        let contents = try store.exportContents()
        try store.close()
        requireEveryKind(of: contents.holds)
        print(
            "made a JSON-file store of \(contents.records.count) users, \(contents.holds.count) username holds and "
                + "\(contents.usernameHistories.count) histories at \(arguments[1])")
    case "--compare" where arguments.count == 3:
        let json = try JSONFileProfileStore(directory: arguments[1])
        defer { try? json.close() }
        let contents = try json.exportContents()
        let postgres = try await PostgresProfileStore(configuration: .init(url: arguments[2]))
        for record in contents.records {
            guard try await postgres.record(for: record.userID) == record else {
                fail("record \(record.userID) differs")
            }
            let counts = try await json.socialCounts(for: record.userID)
            guard try await postgres.socialCounts(for: record.userID) == counts else {
                fail("the counts of \(record.userID) differ")
            }
            guard try await postgres.holds(heldFor: record.userID) == json.holds(heldFor: record.userID),
                try await postgres.usernameHistory(for: record.userID) == json.usernameHistory(for: record.userID)
            else { fail("the holds or history of \(record.userID) differ") }
        }
        guard try await postgres.allEdges() == Set(contents.edges) else { fail("the edges differ") }
        requireEveryKind(of: contents.holds)
        guard try await postgres.allHolds() == contents.holds else { fail("the username holds differ") }
        guard try await postgres.allUsernameHistories() == contents.usernameHistories else {
            fail("the username histories differ")
        }
        print(
            "compared \(contents.records.count) records, their counts, \(contents.edges.count) edges, "
                + "\(contents.holds.count) username holds and \(contents.usernameHistories.count) histories: all equal")
        await postgres.close()
    default:
        fail("usage: PostgresImportCheck --make <dir> | --compare <dir> <postgres URL>")
    }
} catch {
    fail("\(error)")
}
