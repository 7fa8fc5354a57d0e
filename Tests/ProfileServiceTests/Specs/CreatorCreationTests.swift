import Foundation
import ProfileKit
import Testing

extension CreatorSpecTests {
    /// Checklist section 1: a new user creates their profile with one `PUT`.
    @Suite("1. New User Profile Creation")
    struct Creation {
        @Test("1. New user profile creation: Register a new user", arguments: StoreKind.allCases)
        func registerNewUser(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let dashboard = await client.send("GET", "/api/v1/users/me", as: client.user)

            #expect(dashboard.status == 200)
            #expect(dashboard.object("user")["id"] as? String == "user_id")
            #expect(dashboard.object("user")["email"] as? String == "john@example.com")
            #expect(dashboard.json["profile"] is NSNull)
            #expect(dashboard.object("completeness")["isComplete"] as? Bool == false)
            #expect(dashboard.object("completeness")["percentage"] as? Int == 0)
            #expect(
                dashboard.object("completeness")["missingRequired"] as? [String] == [
                    "username", "displayName", "bio", "niche",
                ])
            #expect(try await client.record()?.profile == nil)
        }

        @Test(
            "1. New user profile creation: Navigate to /profile/complete-profile",
            arguments: StoreKind.allCases)
        func completeProfilePageNeedsNoGet(kind: StoreKind) async throws {
            // The page does not GET (there is nothing to fetch); if it did, it would get the spec's
            // 404 envelope, and the PUT that follows must not depend on any earlier call.
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let fetched = await client.send("GET", "/api/v1/profiles/me", as: client.user)
            let created = await client.put(sampleRequest)

            #expect(fetched.status == 404)
            #expect(fetched.json["success"] as? Bool == false)
            #expect(fetched.string("error") == "Profile not found")
            #expect(created.status == 200)
        }

        @Test(
            "1. New user profile creation: Fill in all required fields (username, displayName, bio, niche)",
            arguments: StoreKind.allCases)
        func requiredFieldsSuffice(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let reply = await client.put(requiredOnly)

            #expect(reply.status == 200)
            let profile = reply.object("profile")
            #expect(profile["username"] as? String == "john_doe")
            #expect(profile["niche"] as? [String] == ["fitness", "lifestyle"])
            #expect(profile["location"] is NSNull)
            #expect(profile["avatar"] is NSNull)
            #expect((profile["socialLinks"] as? [String: Any])?.isEmpty == true)
        }

        @Test("1. New user profile creation: Submit the form", arguments: StoreKind.allCases)
        func submitTheForm(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let reply = await client.put(sampleRequest)

            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.etag == "\"v1\"")
            #expect(reply.headers["Content-Type"] == "application/json; charset=utf-8")
        }

        @Test("1. New user profile creation: Verify profile is created successfully", arguments: StoreKind.allCases)
        func createdSuccessfully(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let reply = await client.put(sampleRequest)

            #expect(reply.status == 200)
            #expect(reply.succeeded)
            #expect(Set(reply.json.keys) == ["success", "profile"])
            let again = await client.send("GET", "/api/v1/profiles/me", as: client.user)
            #expect(again.status == 200)
            #expect(same(again.object("profile"), reply.object("profile")))
        }

        @Test(
            "1. New user profile creation: Verify response includes complete profile data",
            arguments: StoreKind.allCases)
        func responseHasCompleteData(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let reply = await client.put(sampleRequest)

            let profile = reply.object("profile")
            #expect(
                Set(profile.keys) == [
                    "id", "userId", "username", "displayName", "bio", "niche", "location", "socialLinks", "avatar",
                    "createdAt", "updatedAt",
                ])
            #expect(same(profile, try sampleProfile(), ignoring: ["id"]), "\(reply.text)")
            let id = try #require(profile["id"] as? String)
            #expect(!id.isEmpty)
        }

        @Test("1. New user profile creation: Verify profile appears in database", arguments: StoreKind.allCases)
        func profileIsStored(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let reply = await client.put(sampleRequest)

            let profile = try #require(try await client.record()?.profile)
            #expect(profile.id.rawValue == reply.object("profile")["id"] as? String)
            #expect(profile.userID == client.user)
            #expect(profile.username?.rawValue == "john_doe")
            #expect(profile.displayName == "John Doe")
            #expect(profile.bio == "Content creator and influencer")
            #expect(profile.niches == ["fitness", "lifestyle"])
            #expect(profile.location == Location(city: "New York", state: "NY", country: "USA"))
            #expect(
                profile.socialLinks == [
                    .instagram: "https://instagram.com/johndoe", .tiktok: "https://tiktok.com/@johndoe",
                ])
            #expect(profile.avatar == "https://cdn.example.com/avatar.jpg")
            #expect(profile.createdAt == client.harness.clock.now())
            #expect(profile.version == 1)
            let byName = try await client.harness.store.record(forUsername: try #require(Username("john_doe")))
            #expect(byName?.userID == client.user)
        }
    }
}
