import Testing

@Suite("Social spec over HTTP")
struct SocialEndpointTests {
    @Test("A profile made through the creator spec is public by @username and by id, in the social envelope")
    func publicLookups() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile)
            let byName = try await client.send(.get, "/api/v1/profile/u/@john_doe")
            #expect(byName.status == 200)
            #expect(byName.json["success"] as? Bool == true)
            #expect(byName.json["httpStatus"] as? String != nil)
            let byID = try await client.send(.get, "/api/v1/profile/id/alice")
            #expect(byID.status == 200)
            let own = try await client.send(.get, "/api/v1/profile/me", as: "alice")
            #expect(own.status == 200)
            #expect(own.header("ETag") != nil)
            #expect(try await client.send(.get, "/api/v1/profile/u/nobody_here").status == 404)
        }
    }

    @Test("An update with a server-owned or invalid field is 422 with every field's error, nothing stored")
    func validation() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile)
            let bad = try await client.send(
                .put, "/api/v1/profile/update", as: "alice",
                json: #"{"bio": "new", "username": "other", "profilePictureUrls": ["http://example.com/a.txt"]}"#)
            #expect(bad.status == 422)
            let data = try #require(bad.json["data"] as? [String: Any])
            #expect(data.count >= 2)
            let own = try await client.send(.get, "/api/v1/profile/me", as: "alice")
            #expect((own.json["data"] as? [String: Any])?["bio"] as? String != "new")
        }
    }

    @Test("Follow and block answer relationship flags; following oneself is 400; an anonymous follow is 401")
    func relationships() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile)
            _ = try await client.send(
                .put, "/api/v1/profiles/me", as: "bob", json: Samples.creatorProfile(username: "bob"))
            #expect(try await client.send(.post, "/api/v1/profile/id/bob/follow", as: "alice").status == 200)
            #expect(try await client.send(.post, "/api/v1/profile/id/alice/follow", as: "alice").status == 400)
            #expect(try await client.send(.post, "/api/v1/profile/id/bob/follow").status == 401)
            #expect(try await client.send(.post, "/api/v1/profile/id/bob/block", as: "alice").status == 200)
            #expect(try await client.send(.delete, "/api/v1/profile/id/bob/block", as: "alice").status == 200)
        }
    }

    @Test("A username another user holds is 409 on the username change")
    func usernameChangeConflict() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile)
            _ = try await client.send(
                .put, "/api/v1/profiles/me", as: "bob", json: Samples.creatorProfile(username: "bob"))
            let change = try await client.send(
                .post, "/api/v1/account/username/change", as: "bob", json: #"{"newUsername": "JOHN_DOE"}"#)
            #expect(change.status == 409)
            #expect(change.json["success"] as? Bool == false)
        }
    }
}
