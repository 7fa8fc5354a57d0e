import Foundation
import ProfileKit
import Testing

extension CreatorSpecTests {
    /// The spec's "Success Criteria" not already pinned by the checklist suites.
    @Suite("Success Criteria")
    struct SuccessCriteria {
        @Test(
            "Success criteria 1-3: PUT creates, then updates, and both answer 200 with success: true and the profile",
            arguments: StoreKind.allCases)
        func createAndUpdateBothAnswer200(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let created = await client.put(sampleRequest)
            let updated = await client.put(#"{"displayName": "John D."}"#)

            for reply in [created, updated] {
                #expect(reply.status == 200)
                #expect(reply.succeeded)
                #expect(reply.object("profile")["username"] as? String == "john_doe")
                #expect(reply.string("error") == nil)
            }
            #expect(updated.object("profile")["displayName"] as? String == "John D.")
        }

        @Test(
            "Success criteria 4: username uniqueness is enforced, but re-sending your own username is not a conflict",
            arguments: StoreKind.allCases)
        func ownUsernameIsNoConflict(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)

            let same = await client.put(#"{"username": "john_doe", "bio": "Still me"}"#)
            let recased = await client.put(#"{"username": "John_Doe"}"#)
            let renamed = await client.put(#"{"username": "johnny"}"#)
            let freed = await client.put(
                #"{"username": "john_doe", "displayName": "Jane", "bio": "Painter", "niche": ["art"]}"#,
                as: client.other)

            #expect(same.status == 200)
            #expect(recased.status == 200, "\(recased.text)")
            #expect(recased.object("profile")["username"] as? String == "John_Doe")
            #expect(renamed.status == 200)
            #expect(freed.status == 409, "the old name is held for its owner: \(freed.text)")
            #expect(freed.text.contains("username_held"), "\(freed.text)")
            client.clock.advance(by: 30 * 86_400)
            let claimed = await client.put(
                #"{"username": "john_doe", "displayName": "Jane", "bio": "Painter", "niche": ["art"]}"#,
                as: client.other)
            #expect(claimed.status == 200, "free once the creator preset's 30-day hold ends: \(claimed.text)")
        }

        @Test(
            "Success criteria 5: all validation rules are enforced (limits, with their boundaries)",
            arguments: StoreKind.allCases,
            [
                (#""username": "jd""#, "username"),
                (#""username": "\#(String(repeating: "a", count: 31))""#, "username"),
                (#""username": "john-doe""#, "username"),
                (#""username": "john doe""#, "username"),
                (#""username": "admin""#, "username"),
                (#""displayName": "\#(String(repeating: "d", count: 51))""#, "displayName"),
                (#""bio": "\#(String(repeating: "b", count: 501))""#, "bio"),
                (#""niche": ["a", "b", "c", "d", "e", "f"]"#, "niche"),
                (#""socialLinks": {"instagram": "not a url"}"#, "socialLinks.instagram"),
                (#""socialLinks": {"instagram": "https://evil.example.com/johndoe"}"#, "socialLinks.instagram"),
                (#""socialLinks": {"instagram": "javascript:alert(1)"}"#, "socialLinks.instagram"),
                (#""socialLinks": {"myspace": "https://myspace.com/johndoe"}"#, "socialLinks.myspace"),
                (#""avatar": "http://cdn.example.com/avatar.jpg""#, "avatar"),
                (#""avatar": "not a url""#, "avatar"),
                (#""location": {"city": "\#(String(repeating: "c", count: 101))"}"#, "location.city"),
            ])
        func rulesAreEnforced(kind: StoreKind, change: (json: String, field: String)) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)
            let before = try await client.record()

            let reply = await client.put("{\(change.json)}")

            #expect(reply.status == 400, "\(reply.text)")
            #expect(reply.errors.keys.sorted() == [change.field], "\(reply.text)")
            #expect(try await client.record() == before)
        }

        @Test(
            "Success criteria 5: all validation rules are enforced (the longest allowed values pass)",
            arguments: StoreKind.allCases)
        func boundariesPass(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            let body = """
                {"username": "\(String(repeating: "a", count: 30))", "displayName": "\(String(repeating: "d", count: 50))",
                 "bio": "\(String(repeating: "b", count: 500))", "niche": ["a", "b", "c", "d", "e"]}
                """

            let reply = await client.put(body)
            let shortest = await client.put(#"{"username": "abc"}"#)

            #expect(reply.status == 200, "\(reply.text)")
            #expect(shortest.status == 200, "\(shortest.text)")
        }

        @Test(
            "Success criteria 6: error messages are clear and helpful (field, value and limit, all at once)",
            arguments: StoreKind.allCases)
        func messagesAreHelpful(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            let body = """
                {"username": "jd", "displayName": "John Doe", "bio": "\(String(repeating: "b", count: 501))",
                 "niche": ["a", "b", "c", "d", "e", "f"], "avatar": "http://cdn.example.com/a.jpg", "role": "admin"}
                """

            let reply = await client.put(body)

            #expect(reply.status == 400)
            #expect(reply.string("message") == "Validation failed: 5 fields need attention")
            #expect(reply.errors["bio"] == "bio is 501 characters; the limit is 500")
            #expect(reply.errors["niche"] == "niche is 6 items; the limit is 5")
            #expect(reply.errors["username"]?.contains("3") == true, "\(reply.text)")
            #expect(reply.errors["avatar"]?.contains("https") == true, "\(reply.text)")
            #expect(reply.errors["role"]?.hasPrefix("role is not a field of this request; accepted fields are") == true)
            #expect(!reply.text.contains("/tmp"))
        }
    }
}
