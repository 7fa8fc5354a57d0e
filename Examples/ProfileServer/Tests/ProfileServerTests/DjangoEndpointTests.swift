import Testing

@Suite("Django spec over HTTP")
struct DjangoEndpointTests {
    @Test("A JSON partial update answers the Django user; another user's pk is 403")
    func jsonUpdate() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "42", json: Samples.creatorProfile)
            let put = try await client.send(
                .put, "/api/users/update-profile/42/", as: "42",
                json: #"{"first_name": "Jon", "number_phone": "0987654321"}"#)
            #expect(put.status == 200)
            #expect(put.json["first_name"] as? String == "Jon")
            let other = try await client.send(
                .put, "/api/users/update-profile/7/", as: "42", json: #"{"first_name": "X"}"#)
            #expect(other.status == 403)
            let view = try await client.send(.get, "/api/users/profile/", as: "42")
            #expect(view.status == 200)
            #expect(view.json["number_phone"] as? String == "0987654321")
        }
    }

    @Test("A multipart update with an avatar stores it; its URL serves the same bytes")
    func multipartAvatar() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "42", json: Samples.creatorProfile)
            let form = Samples.form(
                fields: [("first_name", "Jon")], file: ("avatar", "me.png", "image/png", Samples.png))
            let put = try await client.send(
                .put, "/api/users/update-profile/42/", as: "42", body: form.body, contentType: form.contentType)
            #expect(put.status == 200)
            #expect(put.json["first_name"] as? String == "Jon")
            let avatar = try #require(put.json["avatar"] as? String)
            let path = try #require(avatar.range(of: "/media/avatars/").map { String(avatar[$0.lowerBound...]) })
            let media = try await client.send(.get, path)
            #expect(media.body == Samples.png)
            #expect(media.header("Content-Type") == "image/png")
        }
    }

    @Test("An HTML file sent as avatar.jpg is 415 and the user keeps no avatar")
    func htmlAvatar() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "42", json: Samples.creatorProfile)
            let form = Samples.form(file: ("avatar", "avatar.jpg", "image/jpeg", Samples.htmlPage))
            let put = try await client.send(
                .put, "/api/users/update-profile/42/", as: "42", body: form.body, contentType: form.contentType)
            #expect(put.status == 415)
            let view = try await client.send(.get, "/api/users/profile/", as: "42")
            #expect(view.json["avatar"] as? String == nil)
        }
    }

    @Test("A multipart body without a boundary is 400")
    func multipartWithoutBoundary() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "42", json: Samples.creatorProfile)
            let put = try await client.send(
                .put, "/api/users/update-profile/42/", as: "42", body: Array("x".utf8),
                contentType: "multipart/form-data")
            #expect(put.status == 400)
        }
    }

    @Test("Delete removes the user: the profile view is then 404")
    func delete() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "42", json: Samples.creatorProfile)
            #expect(try await client.send(.delete, "/api/users/delete/7/", as: "42").status == 403)
            #expect(try await client.send(.delete, "/api/users/delete/42/", as: "42").status == 200)
            #expect(try await client.send(.get, "/api/users/profile/", as: "42").status == 404)
        }
    }
}
