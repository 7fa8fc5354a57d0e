import Foundation
import ProfileKit
import Testing

extension CreatorSpecTests {
    /// The spec's other endpoints (`GET /users/me`, `POST /upload-media`), the `If-Match` flow and
    /// mass-assignment attempts.
    @Suite("Related endpoints, concurrency and mass assignment")
    struct Endpoints {
        @Test("GET /api/v1/users/me: the dashboard gets user, profile and completeness", arguments: StoreKind.allCases)
        func dashboard(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(requiredOnly)

            let partial = await client.send("GET", "/api/v1/users/me", as: client.user)
            _ = await client.put(
                #"{"location": {"city": "New York"}, "socialLinks": {"tiktok": "@johndoe"}, "avatar": "https://cdn.example.com/a.png"}"#
            )
            let full = await client.send("GET", "/api/v1/users/me", as: client.user)

            #expect(partial.status == 200)
            #expect(Set(partial.json.keys) == ["success", "user", "profile", "completeness"])
            let completeness = partial.object("completeness")
            #expect(completeness["isComplete"] as? Bool == true)
            #expect(completeness["percentage"] as? Int == 57)
            #expect(completeness["missingRequired"] as? [String] == [])
            #expect(completeness["missingOptional"] as? [String] == ["location", "socialLinks", "avatar"])
            #expect(partial.object("profile")["username"] as? String == "john_doe")
            #expect(
                same(
                    partial.object("user"),
                    [
                        "id": "user_id", "email": "john@example.com", "isEmailVerified": true, "phoneNumber": NSNull(),
                        "isPhoneVerified": false, "isVerified": false, "isTwoFactorEnabled": false,
                        "roles": ["ROLE_USER"], "createdAt": "2024-01-01T00:00:00Z",
                    ]), "\(partial.text)")
            #expect(partial.etag == "\"v1\"")
            #expect(full.object("completeness")["percentage"] as? Int == 100)
            #expect(full.etag == "\"v2\"")
        }

        @Test("GET /api/v1/users/me: a caller the server never registered is 404", arguments: StoreKind.allCases)
        func dashboardUnknownUser(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let ghost = try #require(UserID("ghost"))

            let reply = await client.send("GET", "/api/v1/users/me", as: ghost)

            #expect(reply.status == 404)
            #expect(reply.string("message") == "User not found")
        }

        @Test(
            "POST /api/v1/profiles/upload-media: an image is stored and its URL becomes the avatar",
            arguments: StoreKind.allCases)
        func uploadThenSetAvatar(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)

            let upload = await client.send(
                "POST", "/api/v1/profiles/upload-media", as: client.user, bytes: TestImages.png)
            let url = try #require(upload.string("url"))
            let avatar = await client.put(#"{"avatar": "\#(url)"}"#)

            #expect(upload.status == 200, "\(upload.text)")
            #expect(Set(upload.json.keys) == ["success", "url", "contentType", "size"])
            #expect(upload.string("contentType") == "image/png")
            #expect(upload.json["size"] as? Int == TestImages.png.count)
            #expect(url.hasPrefix("/media/avatars/"))
            #expect(client.harness.media.keys.count == 1)
            #expect(try await client.record()?.media.count == 1)
            #expect(avatar.status == 200, "\(avatar.text)")
            #expect(try await client.record()?.profile?.avatar == url)
        }

        @Test(
            "POST /api/v1/profiles/upload-media: another user's upload path is not an avatar anyone else can claim",
            arguments: StoreKind.allCases)
        func foreignUploadPath(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)
            let upload = await client.send(
                "POST", "/api/v1/profiles/upload-media", as: client.other, bytes: TestImages.gif)
            let url = try #require(upload.string("url"))
            let before = try await client.record()

            let reply = await client.put(#"{"avatar": "\#(url)"}"#)

            #expect(upload.status == 200)
            #expect(reply.status == 400, "\(reply.text)")
            #expect(reply.errors.keys.sorted() == ["avatar"])
            #expect(try await client.record() == before)
        }

        @Test(
            "POST /api/v1/profiles/upload-media: a file that is not an image is 415, a huge one 413; nothing stored",
            arguments: StoreKind.allCases)
        func uploadRefusals(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)
            let huge = TestImages.png + [UInt8](repeating: 0, count: 20 * 1024 * 1024)

            let script = await client.send(
                "POST", "/api/v1/profiles/upload-media", as: client.user, bytes: TestImages.notAnImage)
            let tooLarge = await client.send("POST", "/api/v1/profiles/upload-media", as: client.user, bytes: huge)

            #expect(script.status == 415, "\(script.text)")
            #expect(script.string("error") == "unsupported_media_type")
            #expect(tooLarge.status == 413, "\(tooLarge.text)")
            #expect(tooLarge.string("error") == "payload_too_large")
            #expect(client.harness.media.keys.isEmpty)
            #expect(try await client.record()?.media.isEmpty == true)
        }

        @Test(
            "PUT /api/v1/profiles/me: the ETag flow; a stale If-Match is 412 and writes nothing",
            arguments: StoreKind.allCases)
        func staleIfMatch(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)
            let read = await client.send("GET", "/api/v1/profiles/me", as: client.user)
            let first = await client.put(#"{"bio": "First tab wins"}"#, ifMatch: read.etag)
            let before = try await client.record()

            let second = await client.put(#"{"bio": "Second tab loses"}"#, ifMatch: read.etag)

            #expect(read.etag == "\"v1\"")
            #expect(first.status == 200)
            #expect(first.etag == "\"v2\"")
            #expect(second.status == 412, "\(second.text)")
            #expect(second.string("error") == "version_conflict")
            #expect(second.string("message")?.contains("version 2") == true)
            #expect(try await client.record() == before)
        }

        @Test(
            "PUT /api/v1/profiles/me: If-Match that names no issued version is 412; * and weak tags match",
            arguments: StoreKind.allCases,
            [
                ("garbage", 412), ("\"v7\"", 412), ("*", 200), ("W/\"v1\"", 200), ("\"v1\"", 200),
            ])
        func ifMatchForms(kind: StoreKind, header: (value: String, status: Int)) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)

            let reply = await client.put(#"{"bio": "Conditional"}"#, ifMatch: header.value)

            #expect(reply.status == header.status, "\(reply.text)")
            #expect(try await client.record()?.profile?.version == (header.status == 200 ? 2 : 1))
        }

        @Test(
            "PUT /api/v1/profiles/me: every server-owned field in the body is refused and nothing is written",
            arguments: StoreKind.allCases, serverOwnedFields.map(\.field))
        func massAssignment(kind: StoreKind, field: String) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)
            let before = try await client.record()
            let value = try #require(serverOwnedFields.first { $0.field == field }?.value)

            let reply = await client.put(#"{"bio": "Sneaky", "\#(field)": \#(value)}"#)

            #expect(reply.status == 400, "\(reply.text)")
            #expect(reply.errors == [field: "\(field) is set by the server and cannot be changed"])
            #expect(try await client.record() == before)
        }

        @Test(
            "PUT /api/v1/profiles/me: a server-owned field cannot ride along on create either",
            arguments: StoreKind.allCases, ["userId", "id", "createdAt", "isVerified"])
        func massAssignmentOnCreate(kind: StoreKind, field: String) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            let value = try #require(serverOwnedFields.first { $0.field == field }?.value)
            let body = String(sampleRequest.dropLast()) + #", "\#(field)": \#(value)}"#

            let reply = await client.put(body)

            #expect(reply.status == 400, "\(reply.text)")
            #expect(reply.errors.keys.sorted() == [field])
            #expect(try await client.record()?.profile == nil)
            #expect(try await client.record()?.account.isVerified == false)
        }
    }
}
