// ci-run's check of profilekit-pg-import, through the library only:
//   PostgresImportCheck --make <dir>            a JSON-file store with users, profiles, media and edges
//   PostgresImportCheck --compare <dir> <url>   every record, edge and count equal in both stores
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

/// Fills `store` with `users` users, every fifth without a profile, follows and blocks between them.
func populate(_ store: JSONFileProfileStore) async throws {
    let date = Date(timeIntervalSinceReferenceDate: 812_345_678.987_654_321)
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
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "--make" where arguments.count == 2:
        let store = try JSONFileProfileStore(directory: arguments[1], options: .createIfMissing)
        try await populate(store)
        try store.close()
        print("made a JSON-file store of \(Population.users - 1) users at \(arguments[1])")
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
        }
        guard try await postgres.allEdges() == Set(contents.edges) else { fail("the edges differ") }
        print("compared \(contents.records.count) records, their counts and \(contents.edges.count) edges: all equal")
        await postgres.close()
    default:
        fail("usage: PostgresImportCheck --make <dir> | --compare <dir> <postgres URL>")
    }
} catch {
    fail("\(error)")
}
