import Foundation
import ProfileKit
import Testing

extension CreatorSpecTests {
    /// Checklist section 2: a user who has a profile edits it with the same `PUT`.
    @Suite("2. Profile Update (Existing User)")
    struct Update {
        /// A client whose `user_id` created the sample profile an hour before "now".
        static func existing(_ kind: StoreKind) async throws -> SpecClient {
            let client = try await SpecClient.creator(kind)
            let created = await client.put(sampleRequest)
            try #require(created.status == 200, "\(created.text)")
            client.harness.clock.advance(by: 3600)
            return client
        }

        @Test("2. Profile update: Login with existing user who has a profile", arguments: StoreKind.allCases)
        func existingUserGetsTheirProfile(kind: StoreKind) async throws {
            let client = try await Self.existing(kind)
            defer { client.cleanUp() }

            let reply = await client.send("GET", "/api/v1/profiles/me", as: client.user)

            #expect(reply.status == 200)
            #expect(reply.succeeded)
            #expect(reply.etag == "\"v1\"")
            #expect(same(reply.object("profile"), try sampleProfile(), ignoring: ["id"]), "\(reply.text)")
        }

        @Test(
            "2. Profile update: Navigate to /profile/edit or update profile",
            arguments: StoreKind.allCases)
        func editPageRoundTripsItsFields(kind: StoreKind) async throws {
            // The edit page GETs, shows the editable fields, and PUTs them back unchanged when the
            // user saves without editing: nothing is written.
            let client = try await Self.existing(kind)
            defer { client.cleanUp() }
            let fetched = await client.send("GET", "/api/v1/profiles/me", as: client.user)
            let editable = ["username", "displayName", "bio", "niche", "location", "socialLinks", "avatar"]
            let form = fetched.object("profile").filter { editable.contains($0.key) }
            let body = String(decoding: try JSONSerialization.data(withJSONObject: form), as: UTF8.self)

            let saved = await client.put(body, ifMatch: fetched.etag)

            #expect(saved.status == 200, "\(saved.text)")
            #expect(saved.etag == "\"v1\"")
            #expect(same(saved.object("profile"), fetched.object("profile")))
        }

        @Test("2. Profile update: Modify profile fields", arguments: StoreKind.allCases)
        func modifyFields(kind: StoreKind) async throws {
            let client = try await Self.existing(kind)
            defer { client.cleanUp() }

            let reply = await client.put(
                #"{"displayName": "Johnny D", "bio": "Runner, cook, creator", "niche": ["fitness", "food", "travel"]}"#)

            #expect(reply.status == 200, "\(reply.text)")
            let profile = reply.object("profile")
            #expect(profile["displayName"] as? String == "Johnny D")
            #expect(profile["bio"] as? String == "Runner, cook, creator")
            #expect(profile["niche"] as? [String] == ["fitness", "food", "travel"])
            let stored = try #require(try await client.record()?.profile)
            #expect(stored.displayName == "Johnny D")
            #expect(stored.niches == ["fitness", "food", "travel"])
        }

        @Test("2. Profile update: Submit the form", arguments: StoreKind.allCases)
        func submitWithTheETagItRead(kind: StoreKind) async throws {
            let client = try await Self.existing(kind)
            defer { client.cleanUp() }
            let fetched = await client.send("GET", "/api/v1/profiles/me", as: client.user)

            let reply = await client.put(#"{"bio": "Edited on the edit page"}"#, ifMatch: fetched.etag)

            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.etag == "\"v2\"")
            #expect(try await client.record()?.profile?.version == 2)
        }

        @Test("2. Profile update: Verify profile is updated successfully", arguments: StoreKind.allCases)
        func updatedSuccessfully(kind: StoreKind) async throws {
            let client = try await Self.existing(kind)
            defer { client.cleanUp() }

            let reply = await client.put(#"{"bio": "Now also a podcaster"}"#)

            #expect(reply.status == 200)
            #expect(reply.succeeded)
            let profile = reply.object("profile")
            #expect(profile["bio"] as? String == "Now also a podcaster")
            #expect(profile["createdAt"] as? String == "2024-01-01T00:00:00Z")
            #expect(profile["updatedAt"] as? String == "2024-01-01T01:00:00Z")
            #expect(try await client.record()?.profile?.bio == "Now also a podcaster")
        }

        @Test(
            "2. Profile update: Verify existing profile data is preserved where not updated",
            arguments: StoreKind.allCases)
        func untouchedFieldsArePreserved(kind: StoreKind) async throws {
            let client = try await Self.existing(kind)
            defer { client.cleanUp() }
            let before = try #require(try await client.record()?.profile)

            let reply = await client.put(#"{"displayName": "Johnny D"}"#)

            #expect(reply.status == 200)
            #expect(
                same(
                    reply.object("profile"), try sampleProfile(),
                    ignoring: ["id", "displayName", "updatedAt"]), "\(reply.text)")
            let after = try #require(try await client.record()?.profile)
            var expected = before
            expected.displayName = "Johnny D"
            expected.updatedAt = client.harness.clock.now()
            expected.version = 2
            #expect(after == expected)
        }
    }
}
