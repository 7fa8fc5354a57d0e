import Foundation
import ProfileKit
import Testing

/// `POST /api/v1/account/username/change` and the relationship endpoints
/// `POST|DELETE /api/v1/profile/id/{userId}/follow` and `.../block`.
@Suite("Social spec: username change and relationships")
struct SocialAccountAndRelationshipTests {
    private typealias Sample = SocialSample

    // MARK: Username change

    @Test(
        "POST /api/v1/account/username/change renames the caller and answers the owner view",
        arguments: StoreKind.allCases)
    func usernameChange(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }

        let response = await client.send(
            "POST", "/api/v1/account/username/change", as: Sample.jane, json: #"{"newUsername": "Jane_Doe"}"#)

        #expect(response.status == 200)
        #expect(response.json["message"] as? String == "Username changed successfully")
        #expect(response.data["userName"] as? String == "Jane_Doe")
        #expect(response.data["id"] as? String == Sample.janeID)
        #expect(try await client.record(Sample.jane)?.profile?.username?.rawValue == "Jane_Doe")
        let found = await client.send("GET", "/api/v1/profile/u/jane_doe")
        #expect(found.data["userId"] as? String == Sample.janeID)
    }

    @Test(
        "POST /api/v1/account/username/change to a taken name, in any case, is 409 and changes nothing",
        arguments: StoreKind.allCases)
    func usernameTaken(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        let before = try await client.record(Sample.jane)

        for name in ["john_doe", "JOHN_DOE", "John_Doe"] {
            let response = await client.send(
                "POST", "/api/v1/account/username/change", as: Sample.jane, json: try jsonBody(["newUsername": name]))
            #expect(response.status == 409)
            #expect(response.json["httpStatus"] as? String == "CONFLICT")
            #expect(response.json["data"] as? String == "Username is already taken")
        }
        #expect(try await client.record(Sample.jane) == before)
    }

    @Test(
        "POST /api/v1/account/username/change to a reserved or invalid name is 422 with the username field",
        arguments: [
            "admin", "Support", "me", "root", "ab", "john doe", "@jane", "jane-doe", String(repeating: "j", count: 31),
        ])
    func usernameInvalid(name: String) async throws {
        let client = try await Sample.client(.inMemory)

        let response = await client.send(
            "POST", "/api/v1/account/username/change", as: Sample.jane, json: try jsonBody(["newUsername": name]))

        #expect(response.status == 422, "\(name): \(response.text)")
        #expect(response.data["username"] is String)
        #expect(try await client.record(Sample.jane)?.profile == nil)
    }

    @Test(
        "POST /api/v1/account/username/change within 30 days of a rename is 422 too_soon; after 30 days it is accepted",
        arguments: StoreKind.allCases)
    func usernameCooldown(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        let change = { (name: String) in
            await client.send(
                "POST", "/api/v1/account/username/change", as: Sample.jane, json: "{\"newUsername\": \"\(name)\"}")
        }
        #expect(await change("jane_doe").status == 200, "a first claim starts no cooldown")
        #expect(await change("jane_k").status == 200)

        let tooSoon = await change("jane_x")
        #expect(tooSoon.status == 422)
        let message = try #require(tooSoon.data["username"] as? String)
        #expect(message.contains("30 days"), "\(message)")
        let profile = try #require(await client.record(Sample.jane)?.profile)
        #expect(profile.username?.rawValue == "jane_k")
        #expect(await change("jane_k").status == 200, "asking for the name one has is a no-op")

        client.clock.advance(by: 30 * 86_400)
        #expect(await change("jane_x").status == 200)
    }

    @Test(
        "the old username is held for 90 days after a rename: 409 username_held for others, then free",
        arguments: StoreKind.allCases)
    func oldNameIsHeld(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }

        let rename = await client.send(
            "POST", "/api/v1/account/username/change", as: Sample.john, json: #"{"newUsername": "johnny"}"#)
        let claim = await client.send(
            "POST", "/api/v1/account/username/change", as: Sample.jane, json: #"{"newUsername": "john_doe"}"#)

        #expect(rename.status == 200)
        #expect(claim.status == 409, "\(claim.text)")
        #expect(claim.text.contains(#""code":"held""#), "the details say held, not taken: \(claim.text)")
        client.clock.advance(by: 90 * 86_400)
        let later = await client.send(
            "POST", "/api/v1/account/username/change", as: Sample.jane, json: #"{"newUsername": "john_doe"}"#)
        #expect(later.status == 200, "\(later.text)")
        let found = await client.send("GET", "/api/v1/profile/u/john_doe")
        #expect(found.data["userId"] as? String == Sample.janeID)
    }

    @Test(
        "GET /api/v1/profile/u/{old handle} during its hold: 404 in the spec's envelope naming the new handle",
        arguments: StoreKind.allCases)
    func heldHandleLookup(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        _ = await client.send(
            "POST", "/api/v1/account/username/change", as: Sample.john, json: #"{"newUsername": "johnny"}"#)

        let moved = await client.send("GET", "/api/v1/profile/u/John_Doe")

        #expect(moved.status == 404)
        #expect(moved.json["message"] as? String == "This profile is now @johnny", "\(moved.text)")
        #expect(moved.text.contains(#""code":"moved""#), "\(moved.text)")
        client.clock.advance(by: 90 * 86_400)
        let expired = await client.send("GET", "/api/v1/profile/u/john_doe")
        #expect(expired.status == 404)
        #expect(!expired.text.contains("johnny"), "after the hold the old handle says nothing: \(expired.text)")
    }

    @Test(
        "POST /api/v1/account/username/change refuses server-owned fields in its body",
        arguments: ["id", "userId", "createdAt", "editedAt", "updatedAt", "version", "roles", "isVerified"])
    func usernameChangeMassAssignment(field: String) async throws {
        let client = try await Sample.client(.inMemory)
        let before = try await client.record(Sample.jane)

        let response = await client.send(
            "POST", "/api/v1/account/username/change", as: Sample.jane,
            json: "{\"newUsername\": \"jane_doe\", \"\(field)\": true}")

        #expect(response.status == 422)
        #expect(response.data[field] as? String == "\(field) is set by the server and cannot be changed")
        #expect(try await client.record(Sample.jane) == before)
    }

    @Test("POST /api/v1/account/username/change without a token is 401; without newUsername 400")
    func usernameChangeErrors() async throws {
        let client = try await Sample.client(.inMemory)

        let anonymous = await client.send(
            "POST", "/api/v1/account/username/change", json: #"{"newUsername": "jane_doe"}"#)
        let missing = await client.send("POST", "/api/v1/account/username/change", as: Sample.jane, json: "{}")

        #expect(anonymous.status == 401)
        #expect(missing.status == 400, "\(missing.text)")
        #expect(try await client.record(Sample.jane)?.profile == nil)
    }

    // MARK: Routing

    @Test(
        "a known social path with another method is 405, an unknown path 404",
        arguments: [
            ("POST", "/api/v1/profile/me", 405), ("DELETE", "/api/v1/profile/update", 405),
            ("PUT", "/api/v1/profile/u/john_doe", 405), ("GET", "/api/v1/account/username/change", 405),
            ("GET", "/api/v1/profile/nowhere", 404),
        ])
    func routing(method: String, path: String, status: Int) async throws {
        let client = try await Sample.client(.inMemory)
        let response = await client.send(method, path, as: Sample.jane)
        #expect(response.status == status, "\(method) \(path): \(response.text)")
    }

    // MARK: Relationships

    @Test(
        "an anonymous follow or block is 401 whatever the id, even one that cannot exist",
        arguments: ["POST", "DELETE"], ["follow", "block"])
    func anonymousRelationshipChanges(method: String, action: String) async throws {
        let client = try await Sample.client(.inMemory)
        for id in [Sample.jane.rawValue, "no%20such%20id"] {
            let response = await client.send(method, "/api/v1/profile/id/\(id)/\(action)")
            #expect(response.status == 401, "\(method) \(id)/\(action): \(response.text)")
        }
    }

    @Test(
        "POST/DELETE /profile/id/{id}/follow set and clear isFollowing, and the counts follow",
        arguments: StoreKind.allCases)
    func followAndUnfollow(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        let path = "/api/v1/profile/id/\(Sample.johnID)/follow"
        try await Sample.giveJaneAProfile(client)

        let follow = await client.send("POST", path, as: Sample.jane)
        let again = await client.send("POST", path, as: Sample.jane)
        #expect(follow.status == 200)
        #expect(follow.matches(Self.envelope(Sample.relationship(following: true))), "\(follow.text)")
        #expect(again.status == 200, "following is idempotent")
        let seen = await client.send("GET", "/api/v1/profile/id/\(Sample.johnID)")
        #expect(seen.data["followersCount"] as? Int == 1)
        let janeSeen = await client.send("GET", "/api/v1/profile/id/\(Sample.janeID)", as: Sample.john)
        #expect(janeSeen.data["followingCount"] as? Int == 1)
        #expect(
            JSONMatch.matches(
                janeSeen.data["relationship"] ?? NSNull(),
                try SocialProfileViewTests.parse(Sample.relationship(followedBy: true))))

        let unfollow = await client.send("DELETE", path, as: Sample.jane)
        #expect(unfollow.matches(Self.envelope(Sample.relationship())), "\(unfollow.text)")
        let after = await client.send("GET", "/api/v1/profile/id/\(Sample.johnID)")
        #expect(after.data["followersCount"] as? Int == 0)
        #expect(try await client.store.socialCounts(for: Sample.john) == SocialCounts(followers: 0, following: 0))
    }

    @Test(
        "POST /profile/id/{id}/block: the blocked user gets 404 for the blocker, follows are removed both ways",
        arguments: StoreKind.allCases)
    func block(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        try await Sample.giveJaneAProfile(client)
        try await client.service.follow(Sample.john, for: .user(Sample.jane))
        try await client.service.follow(Sample.jane, for: .user(Sample.john))

        let block = await client.send("POST", "/api/v1/profile/id/\(Sample.janeID)/block", as: Sample.john)
        #expect(block.status == 200)
        #expect(block.matches(Self.envelope(Sample.relationship(blocked: true))), "\(block.text)")

        for path in [
            "/api/v1/profile/id/\(Sample.johnID)", "/api/v1/profile/u/john_doe", "/api/v1/profile/u/@JOHN_DOE",
        ] {
            let hidden = await client.send("GET", path, as: Sample.jane)
            #expect(hidden.status == 404, "\(path)")
            #expect(hidden.json["data"] as? String == "User not found")
        }
        let followAgain = await client.send("POST", "/api/v1/profile/id/\(Sample.johnID)/follow", as: Sample.jane)
        #expect(followAgain.status == 404, "a follow must not reveal the block: \(followAgain.text)")

        let blockerView = await client.send("GET", "/api/v1/profile/u/jane_doe", as: Sample.john)
        #expect(blockerView.status == 200)
        #expect(
            JSONMatch.matches(
                blockerView.data["relationship"] ?? NSNull(),
                try SocialProfileViewTests.parse(Sample.relationship(blocked: true))))
        let blockerFollows = await client.send("POST", "/api/v1/profile/id/\(Sample.janeID)/follow", as: Sample.john)
        #expect(blockerFollows.status == 400)
        #expect(blockerFollows.json["data"] as? String == "You have blocked this user; unblock them before following")
        #expect(try await client.store.socialCounts(for: Sample.john) == SocialCounts(followers: 0, following: 0))
        #expect(await client.send("GET", "/api/v1/profile/id/\(Sample.johnID)").status == 200, "others still see John")
    }

    @Test(
        "DELETE /profile/id/{id}/block makes the profile visible again without restoring follows",
        arguments: StoreKind.allCases)
    func unblock(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        try await Sample.giveJaneAProfile(client)
        try await client.service.follow(Sample.john, for: .user(Sample.jane))
        try await client.service.block(Sample.jane, for: .user(Sample.john))

        let unblock = await client.send("DELETE", "/api/v1/profile/id/\(Sample.janeID)/block", as: Sample.john)

        #expect(unblock.matches(Self.envelope(Sample.relationship())), "\(unblock.text)")
        let visible = await client.send("GET", "/api/v1/profile/id/\(Sample.johnID)", as: Sample.jane)
        #expect(visible.status == 200)
        #expect(visible.data["followersCount"] as? Int == 0)
        #expect(
            JSONMatch.matches(
                visible.data["relationship"] ?? NSNull(), try SocialProfileViewTests.parse(Sample.relationship())))
    }

    @Test(
        "relationship endpoints without a token are 401",
        arguments: [("POST", "follow"), ("DELETE", "follow"), ("POST", "block"), ("DELETE", "block")])
    func relationshipsNeedAuthentication(method: String, action: String) async throws {
        let client = try await Sample.client(.inMemory)

        let response = await client.send(method, "/api/v1/profile/id/\(Sample.johnID)/\(action)")

        #expect(response.status == 401)
        #expect(response.json["httpStatus"] as? String == "UNAUTHORIZED")
        #expect(try await client.store.relationship(between: Sample.jane, and: Sample.john) == .none)
    }

    @Test("following or blocking oneself is 400; an unknown target is 404", arguments: ["follow", "block"])
    func invalidTargets(action: String) async throws {
        let client = try await Sample.client(.inMemory)

        let own = await client.send("POST", "/api/v1/profile/id/\(Sample.johnID)/\(action)", as: Sample.john)
        let unknown = await client.send("POST", "/api/v1/profile/id/nobody/\(action)", as: Sample.john)

        #expect(own.status == 400)
        #expect(own.json["data"] as? String == "You cannot \(action) yourself")
        #expect(unknown.status == 404)
    }

    static func envelope(_ relationship: String) -> String {
        """
        {"success": true, "httpStatus": "OK", "message": "Relationship updated successfully",
         "action_time": "2026-05-19T10:30:45", "data": \(relationship)}
        """
    }
}
