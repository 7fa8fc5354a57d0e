import Foundation
import ProfileKit
import ProfileKitTestSupport
import Testing

/// `ProfileService.exportData`: what the owner gets, who is refused, and the committed example
/// (`Conformance/export.example.json`, checked against `Conformance/export.schema.json` by CI).
@Suite("Data export through the service")
struct DataExportTests {
    @Test(
        "the owner's export holds the account, profile, preferences, media and follows both ways",
        arguments: StoreKind.allCases)
    func ownerGetsEverything(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .creator)
        defer { harness.cleanUp() }
        let owner = try await harness.registerUser("owner", email: "owner@example.com")
        try await harness.createProfile(for: owner, username: "owner_name")
        try await harness.store.update(owner, expectingVersion: nil) { $0?.preferences.voicePreference = "nova" }
        _ = try await harness.service.uploadMedia(TestImages.png, purpose: "avatar", for: .user(owner))
        let fan = try await harness.registerUserWithProfile("fan")
        let idol = try await harness.registerUserWithProfile("idol")
        try await harness.service.follow(owner, for: .user(fan))
        try await harness.service.follow(idol, for: .user(owner))

        let export = try await harness.service.exportData(for: .user(owner))

        #expect(export.format == "profilekit-export" && export.version == 1)
        #expect(export.userId == owner)
        #expect(export.account.email == "owner@example.com" && export.account.isEmailVerified)
        #expect(export.profile?.username?.rawValue == "owner_name")
        #expect(export.profile?.bio == SpecSamplePatches.creator().bio.value)
        #expect(export.preferences.voicePreference == "nova")
        #expect(export.media.count == 1 && export.media.first?.purpose == "avatar")
        #expect(export.relationships.following == [idol])
        #expect(export.relationships.followers == [fan])
        #expect(export.relationships.blocking == [])
        #expect(export.exportedAt == ProfileDataExport.timestamp(harness.clock.now()))
    }

    @Test(
        "the export lists every rename (old and new handle, when) and the holds in the owner's favour, not others'",
        arguments: StoreKind.allCases)
    func usernameSections(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: UsernameHoldTests.policy)
        defer { harness.cleanUp() }
        let owner = try await harness.registerUser("owner")
        let other = try await harness.registerUser("other")
        let start = harness.clock.now()
        for name in ["first_name", "second_name", "third_name"] {
            _ = try await harness.service.changeUsername(to: name, for: .user(owner))
            harness.clock.advance(by: 86_400)
        }
        _ = try await harness.service.changeUsername(to: "other_old", for: .user(other))
        _ = try await harness.service.changeUsername(to: "other_new", for: .user(other))

        let export = try await harness.service.exportData(for: .user(owner))

        #expect(export.usernameHistory.map(\.oldUsername.rawValue) == ["first_name", "second_name"])
        #expect(export.usernameHistory.map { $0.newUsername?.rawValue } == ["second_name", "third_name"])
        #expect(
            export.usernameHistory.map(\.changedAt)
                == [86_400.0, 2 * 86_400].map { ProfileDataExport.timestamp(start.addingTimeInterval($0)) })
        #expect(export.usernameHolds.map(\.username.rawValue) == ["first_name", "second_name"])
        #expect(export.usernameHolds.first?.since == ProfileDataExport.timestamp(start.addingTimeInterval(86_400)))
        #expect(export.usernameHolds.first?.until == ProfileDataExport.timestamp(start.addingTimeInterval(11 * 86_400)))
        let text = String(decoding: try export.encoded(), as: UTF8.self)
        #expect(!text.contains("other_old"), "the document lists another user's hold: \(text)")
    }

    @Test("a version-1 document written before the username sections reads back with both empty")
    func documentWithoutUsernameSections() throws {
        let export = ProfileDataExport(record: Self.exampleRecord, edges: Self.exampleEdges, exportedAt: Self.date(5))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(try export.encoded())) as? [String: Any])
        #expect(
            object.removeValue(forKey: "usernameHistory") != nil && object.removeValue(forKey: "usernameHolds") != nil)
        let older = try JSONSerialization.data(withJSONObject: object)
        let decoded = try JSONDecoder().decode(ProfileDataExport.self, from: older)
        #expect(decoded == export && decoded.usernameHistory.isEmpty && decoded.usernameHolds.isEmpty)
    }

    @Test("blocks the owner made are exported; blocks made against the owner are not", arguments: StoreKind.allCases)
    func blocksAgainstTheOwnerStayHidden(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .social)
        defer { harness.cleanUp() }
        let owner = try await harness.registerUserWithProfile("owner")
        let pest = try await harness.registerUserWithProfile("pest")
        let wary = try await harness.registerUserWithProfile("wary")
        try await harness.service.block(pest, for: .user(owner))
        try await harness.service.block(owner, for: .user(wary))

        let export = try await harness.service.exportData(for: .user(owner))
        #expect(export.relationships.blocking == [pest])
        let text = String(decoding: try export.encoded(), as: UTF8.self)
        #expect(!text.contains(wary.rawValue), "the document names a user who blocked the owner: \(text)")
    }

    @Test("a registered account without a profile exports with \"profile\": null")
    func accountWithoutProfile() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .creator)
        let owner = try await harness.registerUser("bare")
        let export = try await harness.service.exportData(for: .user(owner))
        #expect(export.profile == nil)
        let object = try jsonObject(String(decoding: try export.encoded(), as: UTF8.self))
        #expect(object["profile"] is NSNull)
    }

    @Test("anonymous is 401, another user 403 before any look-up, a caller without a record 404")
    func refusals() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .creator)
        let owner = try await harness.registerUserWithProfile("owner")
        let stranger = try await harness.registerUserWithProfile("stranger")
        let service = harness.service
        #expect(await profileError { _ = try await service.exportData(for: .anonymous) }?.code == .unauthenticated)
        #expect(
            await profileError { _ = try await service.exportData(of: owner, for: .anonymous) }?.code
                == .unauthenticated)
        #expect(
            await profileError { _ = try await service.exportData(of: owner, for: .user(stranger)) }?.code == .forbidden
        )
        #expect(
            await profileError { _ = try await service.exportData(of: .random(), for: .user(stranger)) }?.code
                == .forbidden)
        #expect(await profileError { _ = try await service.exportData(for: .user(.random())) }?.code == .notFound)
    }

    @Test("the encoded document of a fixed record is the committed Conformance/export.example.json")
    func committedExample() async throws {
        let export = ProfileDataExport(
            record: Self.exampleRecord, edges: Self.exampleEdges, usernameHistory: Self.exampleHistory,
            holds: Self.exampleHolds, exportedAt: Self.date(5))
        let encoded = try export.encoded()
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Conformance/export.example.json")
        if ProcessInfo.processInfo.environment["PROFILEKIT_WRITE_VECTORS"] == "1" {
            let object = try JSONSerialization.jsonObject(with: Data(encoded))
            let pretty = try JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            try (pretty + Data("\n".utf8)).write(to: url)
        }
        let committed = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? NSDictionary
        let current = try JSONSerialization.jsonObject(with: Data(encoded)) as? NSDictionary
        #expect(
            committed == current,
            "export.example.json differs from the encoder; run PROFILEKIT_WRITE_VECTORS=1 swift test --filter DataExport"
        )
        let decoded = try JSONDecoder().decode(ProfileDataExport.self, from: Data(encoded))
        #expect(decoded == export, "the document reads back as it was written")
    }

    static func date(_ seconds: TimeInterval) -> Date { Date(timeIntervalSince1970: 1_767_225_600 + seconds) }

    /// A record with every field set, so that the example shows every key.
    static var exampleRecord: UserRecord {
        let user = fixtureUserID("user-1")
        var profile = Profile(id: ProfileID("profile-1") ?? .random(), userID: user, createdAt: date(1))
        profile.username = Username("jane_doe")
        profile.displayName = "Jane Doe"
        profile.firstName = "Jane"
        profile.middleName = "Q."
        profile.lastName = "Doe"
        profile.bio = "Writes about trains."
        profile.niches = ["travel", "history"]
        profile.location = Location(city: "Lyon", state: "ARA", country: "France")
        profile.socialLinks = [.instagram: "https://instagram.com/janedoe"]
        profile.avatar = "/media/avatars/example.png"
        profile.pictureURLs = ["https://cdn.example.com/jane.png"]
        profile.counters = ProfileCounters(posts: 3, shops: 0, events: 1)
        profile.updatedAt = date(3)
        profile.usernameChangedAt = date(2)
        profile.version = 4
        return UserRecord(
            account: Account(
                userID: user, email: "jane@example.com", phoneNumber: "+33612345678", isVerified: true,
                isEmailVerified: true, isPhoneVerified: false, isTwoFactorEnabled: true, createdAt: date(0)),
            profile: profile,
            preferences: Preferences(
                voicePreference: "nova", defaultScenario: "travel", additional: ["theme": .string("dark")],
                updatedAt: date(4)),
            media: [
                MediaReference(
                    key: "example.png", contentType: "image/png", byteCount: 1234, purpose: "avatar", createdAt: date(3)
                )
            ])
    }

    /// Two renames: `janedoe` to `jane_d` to `jane_doe`, the current name.
    static var exampleHistory: [UsernameChange] {
        [
            UsernameChange(username: Username(checked: "janedoe"), leftAt: date(1)),
            UsernameChange(username: Username(checked: "jane_d"), leftAt: date(2)),
        ]
    }

    /// A forever hold on the first name, one for 30 days on the second, and another user's hold,
    /// which the document leaves out.
    static var exampleHolds: [UsernameHold] {
        let (me, other) = (fixtureUserID("user-1"), fixtureUserID("user-2"))
        return [
            UsernameHold(username: Username(checked: "janedoe"), holder: me, since: date(1), until: nil),
            UsernameHold(
                username: Username(checked: "jane_d"), holder: me, since: date(2), until: date(2 + 30 * 86_400)),
            UsernameHold(username: Username(checked: "someone_else"), holder: other, since: date(2), until: nil),
        ]
    }

    /// Follows both ways, a block made and a block received (which the document leaves out).
    static var exampleEdges: [RelationshipEdge] {
        let (me, fan, idol, pest, wary) = (
            fixtureUserID("user-1"), fixtureUserID("user-2"), fixtureUserID("user-3"), fixtureUserID("user-4"),
            fixtureUserID("user-5")
        )
        return [
            RelationshipEdge(from: fan, to: me, kind: .follow), RelationshipEdge(from: me, to: idol, kind: .follow),
            RelationshipEdge(from: me, to: pest, kind: .block), RelationshipEdge(from: wary, to: me, kind: .block),
        ]
    }
}
