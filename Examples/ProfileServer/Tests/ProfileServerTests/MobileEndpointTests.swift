import Testing

@Suite("Mobile spec over HTTP")
struct MobileEndpointTests {
    @Test("POST then GET with X-App-Type: mobile answers the mobile shapes")
    func happyPath() async throws {
        try await TestServer.run { client async throws in
            let post = try await client.send(
                .post, "/mobile/user/profile", as: "carol",
                json: #"{"display_name": "Carol", "preferences": {"voice_preference": "alloy"}}"#,
                headers: ["X-App-Type": "mobile"])
            #expect(post.status == 200)
            #expect(post.header("ETag") != nil)
            let get = try await client.send(
                .get, "/mobile/user/profile", as: "carol", headers: ["X-App-Type": "mobile"])
            #expect(get.status == 200)
            #expect((get.json["user_profile"] as? [String: Any])?["display_name"] as? String == "Carol")
        }
    }

    @Test("Without X-App-Type: mobile the request is 400 in the mobile envelope")
    func appTypeRequired() async throws {
        try await TestServer.run { client async throws in
            let get = try await client.send(.get, "/mobile/user/profile", as: "carol")
            #expect(get.status == 400)
            #expect(get.json["success"] as? Bool == false)
            #expect(get.json["errors"] != nil)
            let web = try await client.send(.get, "/mobile/user/profile", as: "carol", headers: ["X-App-Type": "web"])
            #expect(web.status == 400)
        }
    }

    @Test("Every invalid field at once is 422")
    func validation() async throws {
        try await TestServer.run { client async throws in
            let post = try await client.send(
                .post, "/mobile/user/profile", as: "carol",
                json:
                    #"{"display_name": "\#(String(repeating: "J", count: 101))", "preferences": {"voice_preference": "robot"}}"#,
                headers: ["X-App-Type": "mobile"])
            #expect(post.status == 422)
            #expect((post.json["errors"] as? [String: Any])?.count == 2)
        }
    }
}
