import Foundation
import ProfileKit
import Testing

extension CreatorSpecTests {
    /// Checklist section 3: the four failures the spec names, in its envelope and statuses.
    @Suite("3. Validation Tests")
    struct Validation {
        static let requiredFields = ["username", "displayName", "bio", "niche"]

        /// `requiredOnly` without `field`, as JSON text.
        static func body(without field: String) throws -> String {
            var object = try jsonObject(requiredOnly)
            object[field] = nil
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }

        @Test(
            "3. Validation: Try to create profile with missing required fields → Should return 400",
            arguments: StoreKind.allCases, requiredFields)
        func missingRequiredField(kind: StoreKind, field: String) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let reply = await client.put(try Self.body(without: field))

            #expect(reply.status == 400, "\(reply.text)")
            #expect(reply.json["success"] as? Bool == false)
            #expect(reply.string("error") == "validation_failed")
            #expect(reply.errors == [field: "\(field) is required to create a profile"])
            #expect(reply.string("message") == "\(field) is required to create a profile")
            #expect(try await client.record()?.profile == nil)
        }

        @Test(
            "3. Validation: Try to create profile with missing required fields → Should return 400 (all four listed at once)",
            arguments: StoreKind.allCases, ["{}", #"{"location": {"city": "New York"}}"#])
        func everyMissingFieldAtOnce(kind: StoreKind, body: String) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let reply = await client.put(body)

            #expect(reply.status == 400, "\(reply.text)")
            #expect(Set(reply.errors.keys) == Set(Self.requiredFields))
            #expect(reply.string("message") == "Validation failed: 4 fields need attention")
            #expect(try await client.record()?.profile == nil)
        }

        @Test(
            "3. Validation: Try to create profile with missing required fields → Should return 400 (null or blank is missing)",
            arguments: StoreKind.allCases, ["null", #""""#, #""   ""#])
        func blankRequiredField(kind: StoreKind, value: String) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            let body =
                #"{"username": "john_doe", "displayName": \#(value), "bio": "Content creator and influencer", "niche": ["fitness"]}"#

            let reply = await client.put(body)

            #expect(reply.status == 400, "\(reply.text)")
            #expect(Array(reply.errors.keys) == ["displayName"])
            #expect(reply.errors["displayName"]?.hasPrefix("displayName is required") == true)
            #expect(try await client.record()?.profile == nil)
        }

        @Test(
            "3. Validation: Try to use duplicate username → Should return 409",
            arguments: StoreKind.allCases, ["john_doe", "John_Doe", "JOHN_DOE"])
        func duplicateUsername(kind: StoreKind, username: String) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)

            let reply = await client.put(
                #"{"username": "\#(username)", "displayName": "Jane", "bio": "Painter", "niche": ["art"]}"#,
                as: client.other)

            #expect(reply.status == 409, "\(reply.text)")
            #expect(
                same(
                    reply.json,
                    ["success": false, "message": "Username is already taken", "error": "Username already exists"]))
            #expect(try await client.record(client.other)?.profile == nil)
            #expect(try await client.record()?.profile?.username?.rawValue == "john_doe")
        }

        @Test(
            "3. Validation: Try to use duplicate username → Should return 409 (on update too)",
            arguments: StoreKind.allCases)
        func duplicateUsernameOnRename(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)
            _ = await client.put(
                #"{"username": "jane_doe", "displayName": "Jane", "bio": "Painter", "niche": ["art"]}"#,
                as: client.other)
            let before = try await client.record(client.other)

            let reply = await client.put(#"{"username": "john_doe"}"#, as: client.other)

            #expect(reply.status == 409)
            #expect(try await client.record(client.other) == before)
        }

        @Test(
            "3. Validation: Try to submit with invalid niche (empty array) → Should return 400",
            arguments: StoreKind.allCases)
        func emptyNiche(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let reply = await client.put(
                #"{"username": "john_doe", "displayName": "John Doe", "bio": "Creator", "niche": []}"#)

            #expect(reply.status == 400, "\(reply.text)")
            #expect(reply.errors == ["niche": "niche is required; send at least 1 item"])
            #expect(try await client.record()?.profile == nil)
        }

        @Test(
            "3. Validation: Try to submit with invalid niche (empty array) → Should return 400 (on update too)",
            arguments: StoreKind.allCases, [#"{"niche": []}"#, #"{"niche": null}"#])
        func emptyNicheOnUpdate(kind: StoreKind, body: String) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)
            let before = try await client.record()

            let reply = await client.put(body)

            #expect(reply.status == 400, "\(reply.text)")
            #expect(reply.errors.keys.contains("niche"))
            #expect(try await client.record() == before)
        }

        @Test(
            "3. Validation: Try to submit with invalid niche (empty array) → Should return 400 (not an array, too many, blank item)",
            arguments: StoreKind.allCases,
            [
                (#""fitness""#, "niche"),
                (#"["a", "b", "c", "d", "e", "f"]"#, "niche"),
                (#"["fitness", "  "]"#, "niche[1]"),
                (#"["fitness", "Fitness"]"#, "niche[1]"),
            ])
        func invalidNiche(kind: StoreKind, niche: (json: String, field: String)) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let reply = await client.put(
                #"{"username": "john_doe", "displayName": "John Doe", "bio": "Creator", "niche": \#(niche.json)}"#)

            #expect(reply.status == 400, "\(reply.text)")
            #expect(reply.json["success"] as? Bool == false)
            if niche.json.hasPrefix("[") {
                #expect(reply.errors.keys.contains(niche.field), "\(reply.text)")
            }
            #expect(try await client.record()?.profile == nil)
        }

        @Test(
            "3. Validation: Try without authentication token → Should return 401",
            arguments: StoreKind.allCases,
            [
                ("PUT", "/api/v1/profiles/me"), ("GET", "/api/v1/profiles/me"), ("GET", "/api/v1/users/me"),
                ("POST", "/api/v1/profiles/upload-media"),
            ])
        func withoutToken(kind: StoreKind, endpoint: (method: String, path: String)) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            let body = endpoint.method == "POST" ? TestImages.png : Array(sampleRequest.utf8)

            let reply = await client.send(endpoint.method, endpoint.path, as: nil, bytes: body)

            #expect(reply.status == 401, "\(reply.text)")
            #expect(
                same(
                    reply.json,
                    ["success": false, "message": "Authentication is required", "error": "unauthenticated"]))
            #expect(try await client.record()?.profile == nil)
            #expect(try await client.record()?.media.isEmpty == true)
            #expect(client.harness.media.keys.isEmpty)
        }
    }
}
