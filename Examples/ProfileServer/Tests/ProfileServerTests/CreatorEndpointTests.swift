import Foundation
import Testing

@Suite("Creator spec over HTTP")
struct CreatorEndpointTests {
    @Test("PUT of the spec's sample answers 200 with an ETag, and GET returns the same profile")
    func putThenGet() async throws {
        try await TestServer.run { client async throws in
            let put = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile)
            #expect(put.status == 200)
            #expect(put.header("ETag") == "\"v1\"")
            let get = try await client.send(.get, "/api/v1/profiles/me", as: "alice")
            #expect(get.status == 200)
            let profile = try #require(get.json["profile"] as? [String: Any])
            #expect(profile["username"] as? String == "john_doe")
            #expect(get.header("ETag") == "\"v1\"")
        }
    }

    @Test("GET before any PUT is 404 in the creator envelope")
    func getBeforePut() async throws {
        try await TestServer.run { client async throws in
            let get = try await client.send(.get, "/api/v1/profiles/me", as: "nobody")
            #expect(get.status == 404)
            #expect(get.json["success"] as? Bool == false)
        }
    }

    @Test("Malformed JSON is 400 in the creator envelope and writes nothing")
    func malformedJSON() async throws {
        try await TestServer.run { client async throws in
            let put = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: #"{"username": "#)
            #expect(put.status == 400)
            #expect(put.json["success"] as? Bool == false)
            #expect(put.json["error"] as? String == "malformed_request")
            #expect(try await client.send(.get, "/api/v1/profiles/me", as: "alice").status == 404)
        }
    }

    @Test("A stale If-Match is 412 and leaves the stored profile as it was")
    func staleIfMatch() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile)
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: #"{"bio": "Second"}"#)
            let stale = try await client.send(
                .put, "/api/v1/profiles/me", as: "alice", json: #"{"bio": "Third"}"#, headers: ["If-Match": "\"v1\""])
            #expect(stale.status == 412)
            let get = try await client.send(.get, "/api/v1/profiles/me", as: "alice")
            #expect((get.json["profile"] as? [String: Any])?["bio"] as? String == "Second")
        }
    }

    @Test("A username another user holds, in another case, is 409")
    func usernameTaken() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile)
            let taken = try await client.send(
                .put, "/api/v1/profiles/me", as: "bob", json: Samples.creatorProfile(username: "John_Doe"))
            #expect(taken.status == 409)
        }
    }

    @Test("Field errors come back all at once with the creator's 400")
    func validationErrors() async throws {
        try await TestServer.run { client async throws in
            let bad = try await client.send(
                .put, "/api/v1/profiles/me", as: "alice",
                json: #"{"username": "x", "displayName": "", "bio": "b", "niche": []}"#)
            #expect(bad.status == 400)
            let errors = try #require(bad.json["errors"] as? [String: Any])
            #expect(errors.keys.contains("username"))
            #expect(errors.keys.contains("niche"))
        }
    }

    @Test("A declared body over the limit is 413 before it is read")
    func bodyTooLarge() async throws {
        try await TestServer.run(limits: .init(json: 256, upload: 1024)) { client async throws in
            let big = #"{"bio": "\#(String(repeating: "a", count: 400))"}"#
            let put = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: big)
            #expect(put.status == 413)
            #expect(put.json["error"] as? String == "payload_too_large")
        }
    }

    @Test("A JSON route refuses another content type with 415")
    func wrongContentType() async throws {
        try await TestServer.run { client async throws in
            let put = try await client.send(
                .put, "/api/v1/profiles/me", as: "alice", body: Array(Samples.creatorProfile.utf8),
                contentType: "text/plain")
            #expect(put.status == 415)
            let missing = try await client.send(
                .put, "/api/v1/profiles/me", as: "alice", body: Array(Samples.creatorProfile.utf8))
            #expect(missing.status == 415)
        }
    }

    @Test("An uploaded avatar comes back byte for byte from its media URL, typed, nosniff and cached")
    func uploadRoundTrip() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile)
            let form = Samples.form(file: ("file", "me.png", "image/png", Samples.png))
            let upload = try await client.send(
                .post, "/api/v1/profiles/upload-media", as: "alice", body: form.body, contentType: form.contentType)
            #expect(upload.status == 200)
            let url = try #require(upload.json["url"] as? String)
            #expect(url.hasPrefix("/media/avatars/"))
            let media = try await client.send(.get, url)
            #expect(media.status == 200)
            #expect(media.body == Samples.png)
            #expect(media.header("Content-Type") == "image/png")
            #expect(media.header("X-Content-Type-Options") == "nosniff")
            #expect(media.header("Cache-Control")?.contains("max-age") == true)
            let raw = try await client.send(
                .post, "/api/v1/profiles/upload-media", as: "alice", body: Samples.png, contentType: "image/png")
            #expect(raw.json["url"] as? String == url)
        }
    }

    @Test("An HTML file named .jpg is refused with 415 and nothing is served")
    func htmlNamedJPEG() async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile)
            let form = Samples.form(file: ("file", "cat.jpg", "image/jpeg", Samples.htmlPage))
            let upload = try await client.send(
                .post, "/api/v1/profiles/upload-media", as: "alice", body: form.body, contentType: form.contentType)
            #expect(upload.status == 415)
            #expect(upload.json["url"] == nil)
        }
    }

    @Test("A media path that is no media key is 404")
    func mediaNotFound() async throws {
        try await TestServer.run { client async throws in
            #expect(try await client.send(.get, "/media/avatars/..%2Fstore%2Fjournal.jsonl").status == 404)
            #expect(try await client.send(.get, "/media/avatars/nothing.png").status == 404)
        }
    }
}
