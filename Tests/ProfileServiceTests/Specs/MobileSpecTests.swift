import Foundation
import ProfileKit
import Testing

/// The mobile spec (`shared/specs/mobile-user-profile.txt`): `GET` and `POST /mobile/user/profile`
/// through `ProfileAPI`, with the spec's sample values.
@Suite("Mobile spec")
struct MobileSpecTests {
    static let path = "/mobile/user/profile"
    static let sampleRequest = """
        {"display_name": "John Smith", "preferences": {"voice_preference": "alloy", "default_scenario": "default"}}
        """

    /// A client whose `user_id` (user@example.com) registered at 2024-01-01T10:00:00Z.
    static func client(_ kind: StoreKind) async throws -> SpecClient {
        let client = try SpecClient(kind, spec: .mobile, now: "2024-01-01T10:00:00Z")
        try await client.service.registerAccount(
            Account(
                userID: client.user, email: "user@example.com", isEmailVerified: true, createdAt: client.clock.now()))
        return client
    }

    static func at(_ text: String) throws -> Date { try #require(WireTimestamp.parse(text)) }

    @Test(
        "POST /mobile/user/profile with the spec's sample request answers the spec's sample response",
        arguments: StoreKind.allCases)
    func samplePost(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        client.harness.clock.advance(
            by: try Self.at("2024-01-15T10:30:00Z").timeIntervalSince(client.harness.clock.now()))

        let reply = await client.send("POST", Self.path, as: client.user, json: Self.sampleRequest)

        #expect(reply.status == 200, "\(reply.text)")
        let expected = try jsonObject(
            """
            {"success": true, "message": "Profile updated successfully",
             "user_profile": {"display_name": "John Smith", "email": "user@example.com",
                              "preferences": {"voice_preference": "alloy", "default_scenario": "default"},
                              "updated_at": "2024-01-15T10:30:00Z"}}
            """)
        #expect(CreatorSpecTests.same(reply.json, expected), "\(reply.text)")
        #expect(reply.etag == "\"v1\"")
        let stored = try #require(try await client.record())
        #expect(stored.profile?.displayName == "John Smith")
        #expect(stored.preferences.voicePreference == "alloy")
    }

    @Test("GET /mobile/user/profile answers the spec's sample response", arguments: StoreKind.allCases)
    func sampleGet(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        _ = await client.send("POST", Self.path, as: client.user, json: #"{"display_name": "John"}"#)
        client.harness.clock.advance(by: 14 * 86_400)
        _ = await client.send("POST", Self.path, as: client.user, json: Self.sampleRequest)

        let reply = await client.send("GET", Self.path, as: client.user)

        #expect(reply.status == 200, "\(reply.text)")
        let expected = try jsonObject(
            """
            {"user_profile": {"display_name": "John Smith", "email": "user@example.com",
                              "created_at": "2024-01-01T10:00:00Z",
                              "preferences": {"voice_preference": "alloy", "default_scenario": "default"}}}
            """)
        #expect(CreatorSpecTests.same(reply.json, expected), "\(reply.text)")
        #expect(reply.etag == "\"v2\"")
    }

    @Test(
        "GET /mobile/user/profile for a new user: no display name, the defaults alloy and default",
        arguments: StoreKind.allCases)
    func newUserDefaults(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let reply = await client.send("GET", Self.path, as: client.user)

        #expect(reply.status == 200)
        let profile = reply.object("user_profile")
        #expect(profile["display_name"] is NSNull)
        #expect(profile["email"] as? String == "user@example.com")
        #expect(profile["created_at"] as? String == "2024-01-01T10:00:00Z")
        #expect(
            CreatorSpecTests.same(
                profile["preferences"] as? [String: Any] ?? [:],
                ["voice_preference": "alloy", "default_scenario": "default"]))
        #expect(reply.etag == "\"v0\"")
    }

    @Test(
        "POST /mobile/user/profile with preferences only keeps the name and creates no profile",
        arguments: StoreKind.allCases)
    func preferencesOnly(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let reply = await client.send(
            "POST", Self.path, as: client.user, json: #"{"preferences": {"voice_preference": "echo"}}"#)

        #expect(reply.status == 200, "\(reply.text)")
        #expect(reply.object("user_profile")["display_name"] is NSNull)
        #expect(
            (reply.object("user_profile")["preferences"] as? [String: Any])?["voice_preference"] as? String == "echo")
        let stored = try #require(try await client.record())
        #expect(stored.profile == nil)
        #expect(stored.preferences.voicePreference == "echo")
        #expect(stored.preferences.defaultScenario == "default")
    }

    @Test(
        "preferences merge key by key: a key not sent keeps its value, null resets it to the default",
        arguments: StoreKind.allCases)
    func keyByKeyMerge(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        _ = await client.send(
            "POST", Self.path, as: client.user,
            json: #"{"preferences": {"voice_preference": "echo", "default_scenario": "travel", "theme": "dark"}}"#)

        let scenario = await client.send(
            "POST", Self.path, as: client.user, json: #"{"preferences": {"default_scenario": "interview"}}"#)
        let reset = await client.send(
            "POST", Self.path, as: client.user, json: #"{"preferences": {"voice_preference": null, "theme": null}}"#)

        #expect(scenario.status == 200)
        let afterScenario = scenario.object("user_profile")["preferences"] as? [String: Any] ?? [:]
        #expect(
            CreatorSpecTests.same(
                afterScenario, ["voice_preference": "echo", "default_scenario": "interview", "theme": "dark"]))
        #expect(reset.status == 200, "\(reset.text)")
        let afterReset = reset.object("user_profile")["preferences"] as? [String: Any] ?? [:]
        #expect(CreatorSpecTests.same(afterReset, ["voice_preference": "alloy", "default_scenario": "interview"]))
        let stored = try #require(try await client.record()).preferences
        #expect(stored.voicePreference == "alloy")
        #expect(stored.defaultScenario == "interview")
        #expect(stored.additional.isEmpty)
    }

    @Test(
        "display_name is at most 100 characters: 100 is accepted, 101 is a 422 naming display_name",
        arguments: StoreKind.allCases, [100, 101])
    func displayNameLimit(kind: StoreKind, length: Int) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        let name = String(repeating: "é", count: length)

        let reply = await client.send("POST", Self.path, as: client.user, json: #"{"display_name": "\#(name)"}"#)

        if length <= 100 {
            #expect(reply.status == 200, "\(reply.text)")
            #expect(try await client.record()?.profile?.displayName == name)
        } else {
            #expect(reply.status == 422)
            #expect(
                CreatorSpecTests.same(
                    reply.json,
                    [
                        "success": false, "message": "display_name is 101 characters; the limit is 100",
                        "errors": ["display_name": "display_name is 101 characters; the limit is 100"],
                    ]), "\(reply.text)")
            #expect(try await client.record()?.profile == nil)
        }
    }

    @Test(
        "display_name: trimmed; null clears it; an empty one is refused",
        arguments: StoreKind.allCases)
    func displayNameStates(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let trimmed = await client.send("POST", Self.path, as: client.user, json: #"{"display_name": "  John Smith "}"#)
        let empty = await client.send("POST", Self.path, as: client.user, json: #"{"display_name": "  "}"#)
        let cleared = await client.send("POST", Self.path, as: client.user, json: #"{"display_name": null}"#)

        #expect(trimmed.object("user_profile")["display_name"] as? String == "John Smith")
        #expect(empty.status == 422)
        #expect(empty.errors.keys.sorted() == ["display_name"])
        #expect(cleared.status == 200)
        #expect(cleared.object("user_profile")["display_name"] is NSNull)
        #expect(try await client.record()?.profile?.displayName == nil)
    }

    @Test(
        "voice_preference accepts each allowed voice, case-insensitively",
        arguments: PreferencesRule.defaultVoices.sorted())
    func allowedVoices(voice: String) async throws {
        let client = try await Self.client(.inMemory)

        let reply = await client.send(
            "POST", Self.path, as: client.user,
            json: #"{"preferences": {"voice_preference": "\#(voice.uppercased())"}}"#)

        #expect(reply.status == 200, "\(reply.text)")
        #expect(try await client.record()?.preferences.voicePreference == voice)
    }

    @Test(
        "voice_preference outside the allowed set, empty, or too long is a 422 and nothing is written",
        arguments: StoreKind.allCases, [#""robot""#, #""""#, #""\#(String(repeating: "a", count: 21))""#, "42"])
    func refusedVoices(kind: StoreKind, value: String) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        let before = try await client.record()

        let reply = await client.send(
            "POST", Self.path, as: client.user,
            json: #"{"display_name": "John Smith", "preferences": {"voice_preference": \#(value)}}"#)

        #expect(reply.status == (value == "42" ? 400 : 422), "\(reply.text)")
        #expect(reply.json["success"] as? Bool == false)
        if value == #""robot""# {
            #expect(
                reply.errors["preferences.voice_preference"]
                    == "preferences.voice_preference must be one of alloy, ash, ballad, coral, echo, fable, nova, "
                    + "onyx, sage, shimmer or verse; robot is not")
        }
        #expect(try await client.record() == before)
    }

    @Test(
        "unknown preference keys are kept as sent; malformed keys and nested values are refused",
        arguments: StoreKind.allCases)
    func unknownPreferenceKeys(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let kept = await client.send(
            "POST", Self.path, as: client.user,
            json: #"{"preferences": {"speech_rate": 1.25, "captions": true, "theme": "dark"}}"#)
        let badKey = await client.send("POST", Self.path, as: client.user, json: #"{"preferences": {"Theme!": "x"}}"#)
        let nested = await client.send("POST", Self.path, as: client.user, json: #"{"preferences": {"list": [1, 2]}}"#)
        let whole = await client.send("POST", Self.path, as: client.user, json: #"{"preferences": null}"#)

        #expect(kept.status == 200, "\(kept.text)")
        let preferences = kept.object("user_profile")["preferences"] as? [String: Any] ?? [:]
        #expect(preferences["speech_rate"] as? Double == 1.25)
        #expect(preferences["captions"] as? Bool == true)
        #expect(preferences["theme"] as? String == "dark")
        #expect(badKey.status == 422)
        #expect(badKey.errors.keys.sorted() == ["preferences.Theme!"])
        #expect(nested.status == 422)
        #expect(nested.errors.keys.sorted() == ["preferences.list"])
        #expect(whole.status == 422)
        #expect(whole.errors.keys.sorted() == ["preferences"])
        #expect(try await client.record()?.preferences.additional.count == 3)
    }

    @Test(
        "anonymous callers get 401 on both endpoints, in the mobile envelope",
        arguments: StoreKind.allCases, ["GET", "POST"])
    func anonymous(kind: StoreKind, method: String) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let reply = await client.send(method, Self.path, as: nil, json: method == "POST" ? Self.sampleRequest : "")

        #expect(reply.status == 401)
        #expect(
            CreatorSpecTests.same(
                reply.json, ["success": false, "message": "Authentication is required", "errors": [String: String]()]),
            "\(reply.text)")
        #expect(try await client.record()?.profile == nil)
    }

    @Test(
        "every server-owned field in a POST body is refused and nothing is written",
        arguments: StoreKind.allCases,
        [
            ("id", "7"), ("user_id", #""someone_else""#), ("email", #""x@example.com""#),
            ("created_at", #""2020-01-01T00:00:00Z""#), ("updated_at", #""2020-01-01T00:00:00Z""#), ("version", "9"),
        ])
    func massAssignment(kind: StoreKind, field: (name: String, value: String)) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        _ = await client.send("POST", Self.path, as: client.user, json: Self.sampleRequest)
        let before = try await client.record()

        let reply = await client.send(
            "POST", Self.path, as: client.user, json: #"{"display_name": "Mallory", "\#(field.name)": \#(field.value)}"#
        )

        #expect(reply.status == 422, "\(reply.text)")
        #expect(reply.errors == [field.name: "\(field.name) is set by the server and cannot be changed"])
        #expect(try await client.record() == before)
    }

    @Test(
        "other account fields in a POST body are unknown fields, refused the same way",
        arguments: StoreKind.allCases, ["is_verified", "roles", "username", "phone_number", "isVerified"])
    func foreignFields(kind: StoreKind, field: String) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let reply = await client.send(
            "POST", Self.path, as: client.user, json: #"{"display_name": "Mallory", "\#(field)": true}"#)

        #expect(reply.status == 422, "\(reply.text)")
        #expect(reply.errors.keys.sorted() == [field])
        #expect(try await client.record()?.profile == nil)
    }

    @Test("a stale If-Match on POST is 412 and writes nothing", arguments: StoreKind.allCases)
    func staleIfMatch(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        let read = await client.send("GET", Self.path, as: client.user)
        _ = await client.send("POST", Self.path, as: client.user, json: Self.sampleRequest, ifMatch: read.etag)
        let before = try await client.record()

        let stale = await client.send(
            "POST", Self.path, as: client.user, json: #"{"display_name": "Lost"}"#, ifMatch: read.etag)

        #expect(stale.status == 412, "\(stale.text)")
        #expect(stale.json["success"] as? Bool == false)
        #expect(try await client.record() == before)
    }

    @Test("a caller the server never registered gets 404 on GET", arguments: StoreKind.allCases)
    func unknownUser(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        let ghost = try #require(UserID("ghost"))

        let reply = await client.send("GET", Self.path, as: ghost)

        #expect(reply.status == 404)
        #expect(reply.string("message") == "User not found")
    }
}
