import Foundation
import PostgresNIO
import ProfileKit
import Testing

@testable import PostgresProfileStore

@Suite("PostgresProfileStore beyond the conformance suite")
struct StoreBehaviourTests {
    @Test("every field of a record reads back bit for bit, fractional dates, JSON preferences and media included")
    func fullRecordRoundTrips() async throws {
        try await TestDatabase.withFreshStore { store in
            let user = try #require(UserID("full-user"))
            let date = Date(timeIntervalSinceReferenceDate: 812_345_678.123_456_789)
            var profile = Profile(id: try #require(ProfileID("full-profile")), userID: user, createdAt: date)
            profile.username = Username("Full_User")
            profile.displayName = "Fülle 🎉"
            profile.firstName = "F"
            profile.middleName = "M"
            profile.lastName = "L"
            profile.bio = "line one\nline two with 'quotes' and \"double\" and \\ backslash"
            profile.niches = ["tech", "art"]
            profile.location = Location(city: "Nairobi", country: "Kenya", text: "Nairobi, Kenya")
            profile.socialLinks = [.twitter: "https://x.com/full", .instagram: "https://instagram.com/full"]
            profile.avatar = "https://cdn.example.com/a.png"
            profile.pictureURLs = ["https://cdn.example.com/1.png"]
            profile.counters = ProfileCounters(posts: 3, shops: 1, events: Int(Int32.max) + 9)
            profile.updatedAt = date.addingTimeInterval(0.000_000_3)
            profile.usernameChangedAt = date.addingTimeInterval(-1e-7)
            profile.version = 41
            let record = UserRecord(
                account: Account(
                    userID: user, email: "Full@Example.COM", phoneNumber: "+254700000000", isVerified: true,
                    isEmailVerified: true, isPhoneVerified: false, isTwoFactorEnabled: true, isLocked: false,
                    roles: ["ROLE_USER", "ROLE_ADMIN"], createdAt: date),
                profile: profile,
                preferences: Preferences(
                    voicePreference: "echo", defaultScenario: "work",
                    additional: ["volume": .number(0.1), "tags": .array([.string("a"), .null, .bool(true)])],
                    updatedAt: date),
                media: [
                    MediaReference(
                        key: "sha256-b.png", contentType: "image/png", byteCount: 12, purpose: "avatar", createdAt: date
                    ),
                    MediaReference(
                        key: "sha256-a.jpg", contentType: "image/jpeg", byteCount: 7, purpose: "cover", createdAt: date),
                ])
            try await store.update(user, expectingVersion: nil) { $0 = record }
            #expect(try await store.record(for: user) == record)
            #expect(try await store.record(forProfile: try #require(ProfileID("full-profile"))) == record)
            #expect(try await store.record(forUsername: try #require(Username("FULL_USER"))) == record)
        }
    }

    @Test("a profile id of another user is invalidMutation, checked before the username, as in the other stores")
    func profileOwnershipBeforeUniqueness() async throws {
        try await TestDatabase.withFreshStore { store in
            let date = Date(timeIntervalSinceReferenceDate: 0)
            let (alice, bob) = (try #require(UserID("alice")), try #require(UserID("bob")))
            var profile = Profile(id: try #require(ProfileID("profile-alice")), userID: alice, createdAt: date)
            profile.username = Username("alice")
            let aliceRecord = UserRecord(account: Account(userID: alice, createdAt: date), profile: profile)
            try await store.update(alice, expectingVersion: nil) { $0 = aliceRecord }
            profile.userID = bob
            profile.username = Username("ALICE")
            let bobRecord = UserRecord(account: Account(userID: bob, createdAt: date), profile: profile)
            await #expect(
                throws: ProfileStoreFailure<Never>.store(
                    .invalidMutation("profile id profile-alice belongs to another user"))
            ) {
                try await store.update(bob, expectingVersion: nil) { $0 = bobRecord }
            }
            #expect(try await store.record(for: bob) == nil)
        }
    }

    @Test("the follower counters equal the edges counted, after deletes cascade through them")
    func countersMatchEdges() async throws {
        try await TestDatabase.withFreshStore { store in
            let date = Date(timeIntervalSinceReferenceDate: 0)
            let users = try (0..<6).map { try #require(UserID("c\($0)")) }
            for user in users {
                try await store.update(user, expectingVersion: nil) {
                    $0 = UserRecord(account: Account(userID: user, createdAt: date))
                }
            }
            for a in users { for b in users where a != b { _ = try await store.follow(a, b) } }
            _ = try await store.block(users[1], users[2])
            _ = try await store.deleteUser(users[0])
            let rows = try await store.client.query(
                """
                SELECT count(*) FROM \(unescaped: store.schema.name).users u WHERE
                    u.follower_count <> (SELECT count(*) FROM \(unescaped: store.schema.name).follows WHERE followee_id = u.user_id)
                    OR u.following_count <> (SELECT count(*) FROM \(unescaped: store.schema.name).follows WHERE follower_id = u.user_id)
                """)
            for try await (mismatches) in rows.decode(Int.self) { #expect(mismatches == 0) }
            #expect(try await store.socialCounts(for: users[3]) == SocialCounts(followers: 4, following: 4))
            #expect(try await store.socialCounts(for: users[1]) == SocialCounts(followers: 3, following: 3))
        }
    }

    @Test("eight stores starting at once on a fresh schema apply each migration exactly once")
    func concurrentStartUpsMigrateOnce() async throws {
        let configuration = try TestDatabase.freshConfiguration()
        let stores = try await withThrowingTaskGroup(of: PostgresProfileStore.self) { group in
            for _ in 0..<8 { group.addTask { try await PostgresProfileStore(configuration: configuration) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let latest = stores[0].schema.latestVersion
        for store in stores { #expect(try await store.schemaVersion() == latest) }
        let rows = try await stores[0].client.query(
            "SELECT count(*) FROM \(unescaped: configuration.schema).schema_migrations")
        for try await (count) in rows.decode(Int.self) { #expect(count == latest) }
        try await stores[0].dropSchema()
        for store in stores { await store.close() }
    }

    @Test("a database whose schema is newer than this build is refused at start-up")
    func newerSchemaIsRefused() async throws {
        let configuration = try TestDatabase.freshConfiguration()
        let store = try await PostgresProfileStore(configuration: configuration)
        try await store.client.query(
            "INSERT INTO \(unescaped: configuration.schema).schema_migrations (version) VALUES (99)")
        let supported = store.schema.latestVersion
        await #expect(throws: PostgresProfileStoreError.schemaTooNew(found: 99, supported: supported)) {
            _ = try await PostgresProfileStore(configuration: configuration)
        }
        try await store.dropSchema()
        await store.close()
    }

    @Test("a server that cannot be reached fails the start-up with unavailable, and a closed store's operations too")
    func unreachableServer() async throws {
        var configuration = PostgresProfileStore.Configuration(host: "127.0.0.1", port: 1, username: "nobody")
        configuration.connectTimeout = .milliseconds(500)
        let startUp = await #expect(throws: PostgresProfileStoreError.self) {
            _ = try await PostgresProfileStore(configuration: configuration)
        }
        guard case .unavailable = startUp else {
            Issue.record("expected unavailable, got \(String(describing: startUp))")
            return
        }
        let store = try await PostgresProfileStore(configuration: try TestDatabase.freshConfiguration())
        try await store.dropSchema()
        await store.close()
        let anyone = try #require(UserID("anyone"))
        let closed = await #expect(throws: ProfileStoreError.self) {
            _ = try await store.socialCounts(for: anyone)
        }
        guard case .unavailable = closed else {
            Issue.record("expected unavailable, got \(String(describing: closed))")
            return
        }
    }

    @Test("the service and the creator spec's endpoints work over the PostgreSQL store")
    func endpointsOverPostgres() async throws {
        try await TestDatabase.withFreshStore { store in
            let endpoints = ProfileAPI(store: store, media: InMemoryMediaStore(), specs: [.creator])
            let user = try #require(UserID("endpoint-user"))
            let body = Array(
                #"{"username":"John_Doe","displayName":"John Doe","bio":"Content creator","niche":["fitness"]}"#.utf8)
            let put = await endpoints.respond(
                to: EndpointRequest(method: "PUT", path: "/api/v1/profiles/me", caller: .user(user), body: body))
            #expect(put.status.code == 200)
            let other = try #require(UserID("endpoint-other"))
            let clash = await endpoints.respond(
                to: EndpointRequest(method: "PUT", path: "/api/v1/profiles/me", caller: .user(other), body: body))
            #expect(clash.status.code == 409)
            #expect(try await store.record(forUsername: try #require(Username("john_doe")))?.userID == user)
        }
    }
}
