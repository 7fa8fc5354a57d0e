import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

private typealias Fixture = StoreFixtures

@Suite("JSONFileProfileStore opens a snapshot written before records were decoded lazily")
struct JSONFileSnapshotMigrationTests {
    /// `snapshot.json` as the previous code (commit 0d3079a, which decoded every record at
    /// opening) wrote it for three users of `StoreBenchmark`, user-0 following user-1 and user-1
    /// following user-2. The format did not change (schemaVersion 1), so there is nothing to
    /// migrate; this pins that the scan reads the old writer's bytes.
    static let previousWriterSnapshot = #"""
        {
        "edges" : [
        {"from":"user-0","kind":"follow","to":"user-1"},
        {"from":"user-1","kind":"follow","to":"user-2"}
        ],
        "records" : [
        {"account":{"createdAt":780000000,"email":"user0@example.com","isEmailVerified":true,"isLocked":false,"isPhoneVerified":false,"isTwoFactorEnabled":false,"isVerified":false,"roles":["ROLE_USER"],"userID":"user-0"},"media":[],"preferences":{"additional":{},"defaultScenario":"default","voicePreference":"alloy"},"profile":{"bio":"Creator number 0, revision 1. Writes about travel and food.","counters":{"events":0,"posts":0,"shops":0},"createdAt":780000000,"displayName":"User 0","id":"profile-0","location":{"city":"Nairobi","country":"Kenya"},"niches":["travel","food"],"pictureURLs":[],"socialLinks":{"instagram":"https://instagram.com/user_0"},"updatedAt":780000000,"userID":"user-0","username":"user_0","version":1}},
        {"account":{"createdAt":780000000,"email":"user1@example.com","isEmailVerified":true,"isLocked":false,"isPhoneVerified":false,"isTwoFactorEnabled":false,"isVerified":false,"roles":["ROLE_USER"],"userID":"user-1"},"media":[],"preferences":{"additional":{},"defaultScenario":"default","voicePreference":"alloy"},"profile":{"bio":"Creator number 1, revision 1. Writes about travel and food.","counters":{"events":0,"posts":0,"shops":0},"createdAt":780000000,"displayName":"User 1","id":"profile-1","location":{"city":"Nairobi","country":"Kenya"},"niches":["travel","food"],"pictureURLs":[],"socialLinks":{"instagram":"https://instagram.com/user_1"},"updatedAt":780000000,"userID":"user-1","username":"user_1","version":1}},
        {"account":{"createdAt":780000000,"email":"user2@example.com","isEmailVerified":true,"isLocked":false,"isPhoneVerified":false,"isTwoFactorEnabled":false,"isVerified":false,"roles":["ROLE_USER"],"userID":"user-2"},"media":[],"preferences":{"additional":{},"defaultScenario":"default","voicePreference":"alloy"},"profile":{"bio":"Creator number 2, revision 1. Writes about travel and food.","counters":{"events":0,"posts":0,"shops":0},"createdAt":780000000,"displayName":"User 2","id":"profile-2","location":{"city":"Nairobi","country":"Kenya"},"niches":["travel","food"],"pictureURLs":[],"socialLinks":{"instagram":"https://instagram.com/user_2"},"updatedAt":780000000,"userID":"user-2","username":"user_2","version":1}}
        ],
        "schemaVersion" : 1,
        "sequence" : 0,
        "crc32c" : "3eaf891d"
        }

        """#

    @Test("the previous writer's snapshot opens through the scan, reads, writes and snapshots again")
    func previousSnapshotOpens() async throws {
        try await Fixture.withDirectory { directory in
            let bytes = Array(Self.previousWriterSnapshot.utf8)
            try Fixture.write(bytes, to: "snapshot.json", in: directory)
            try Fixture.write([], to: "journal.jsonl", in: directory)
            try Fixture.write(JSONFileProfileStore.storeMarkerContent, to: "STORE", in: directory)
            let scanned = try #require(try JSONFileSnapshot.load(path: directory + "/snapshot.json"))
            #expect(scanned.state == (try JSONFileSnapshot.decode(bytes, path: "snapshot.json")).state)
            #expect(scanned.state.records.values.allSatisfy { if case .encoded = $0 { true } else { false } })

            var store = try JSONFileProfileStore(directory: directory)
            #expect(store.userCount == 3)
            let user = try Fixture.user("user-1")
            #expect(try await store.record(forUsername: #require(Username("USER_1")))?.userID == user)
            #expect(try await store.socialCounts(for: user) == SocialCounts(followers: 1, following: 1))
            try await store.update(user, expectingVersion: 1) { $0?.profile?.bio = "changed" }
            try store.close()

            store = try JSONFileProfileStore(directory: directory)
            #expect(try await store.record(for: user)?.profile?.bio == "changed")
            #expect(try await store.record(for: Fixture.user("user-2"))?.profile?.bio?.hasPrefix("Creator") == true)
            let rewritten = String(decoding: try Fixture.bytes("snapshot.json", in: directory), as: UTF8.self)
            let untouched = try #require(
                Self.previousWriterSnapshot.split(separator: "\n").first { $0.contains(#""userID":"user-2"}"#) })
            #expect(rewritten.contains(untouched), "an untouched record keeps its bytes")
            try store.close()
        }
    }
}
