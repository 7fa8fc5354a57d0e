import Foundation
import PostgresNIO
import ProfileKit
import Testing

@testable import PostgresProfileStore

/// Real erasure in PostgreSQL: `deleteUser` deletes rows (the foreign keys cascade), so that no
/// row of any table of the store's schema mentions the user afterwards, while the other users'
/// rows are all still there (`Docs/Lifecycle.md`, "Real erasure"). With holds, the names held
/// after the deletion (its own, and the one an earlier rename left) stay in `username_holds`, by
/// design, but not the user's id.
@Suite("PostgresProfileStore erasure")
struct ErasureTests {
    static let terms = UsernameHoldTerms(
        now: Date(timeIntervalSinceReferenceDate: 800_000_000), afterRename: .lasting(.seconds(86_400 * 30)),
        afterDeletion: .forever)

    @Test(
        "after deleteUser, no row of any table in the schema holds the deleted user's id or data",
        arguments: [false, true])
    func noRowMentionsTheDeletedUser(holdsNames: Bool) async throws {
        try await TestDatabase.withFreshStore { store in
            let tag = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            var markers: [UserID: [String]] = [:]
            for index in 0..<3 {
                let marker = "m\(index)\(tag)"
                let user = try #require(UserID("user-\(marker)"))
                var profile = Profile(userID: user, createdAt: Date())
                profile.username = Username("u_\(marker)")
                profile.displayName = "\(marker)display"
                profile.bio = "\(marker)bio"
                profile.socialLinks = [.instagram: "https://instagram.com/\(marker)link"]
                let record = UserRecord(
                    account: Account(userID: user, email: "\(marker)mail@example.com", createdAt: Date()),
                    profile: profile,
                    preferences: Preferences(additional: ["note": .string("\(marker)pref")]),
                    media: [
                        MediaReference(
                            key: "\(marker)media.png", contentType: "image/png", byteCount: 1, purpose: "avatar",
                            createdAt: Date())
                    ])
                if holdsNames {
                    // A first name that the rename below leaves: history and a hold for the user.
                    var first = record
                    first.profile?.username = Username("p_\(marker)")
                    try await store.update(user, expectingVersion: nil, holding: Self.terms) { $0 = first }
                    try await store.update(user, expectingVersion: nil, holding: Self.terms) { $0 = record }
                } else {
                    try await store.update(user, expectingVersion: nil) { $0 = record }
                }
                markers[user] = [
                    user.rawValue, "u_\(marker)", "\(marker)display", "\(marker)bio", "\(marker)link", "\(marker)mail",
                    "\(marker)pref", "\(marker)media",
                ]
            }
            let users = markers.keys.sorted()
            _ = try await store.follow(users[0], users[1])
            _ = try await store.follow(users[1], users[0])
            _ = try await store.block(users[1], users[2])
            if holdsNames {
                _ = try await store.deleteUser(users[1], holding: Self.terms)
                let deleted = try #require(markers[users[1]]?.first?.dropFirst("user-".count))
                let held = try await store.holds(heldFor: users[1])
                #expect(held == [], "holds still naming the deleted user")
                for name in ["p_\(deleted)", "u_\(deleted)"] {
                    let hold = try await store.hold(on: try #require(Username(name)))
                    #expect(hold != nil && hold?.holder == nil, "the hold on \(name): \(String(describing: hold))")
                }
            } else {
                _ = try await store.deleteUser(users[1])
            }

            let tables = try await store.client.query(
                """
                SELECT table_name::text FROM information_schema.tables
                WHERE table_schema::text = \(store.schema.name) AND table_type = 'BASE TABLE'
                """)
            var names: [String] = []
            for try await name in tables.decode(String.self) { names.append(name) }
            #expect(names.count >= 6, "the schema's tables: \(names)")
            let tableNames = names
            func rowsMentioning(_ marker: String) async throws -> [String] {
                var found: [String] = []
                for table in tableNames {
                    let rows = try await store.client.query(
                        PostgresQuery(
                            unsafeSQL:
                                "SELECT count(*) FROM \(store.schema.name).\(table) t WHERE strpos(t::text, $1) > 0",
                            binds: {
                                var binds = PostgresBindings(); binds.append(marker); return binds
                            }()))
                    for try await count in rows.decode(Int.self) where count > 0 { found.append(table) }
                }
                return found
            }
            let heldNames = holdsNames ? ["u_", "p_"].map { $0 + "m1\(tag)" } : []
            for marker in markers[users[1]] ?? [] where !heldNames.contains(marker) {
                #expect(try await rowsMentioning(marker) == [], "\(marker) is still in the database (tag \(tag))")
            }
            for user in [users[0], users[2]] {
                for marker in markers[user] ?? [] {
                    #expect(
                        try await rowsMentioning(marker) != [], "\(marker) of a remaining user is gone (tag \(tag))")
                }
            }
        }
    }
}
