import Foundation
import ProfileKit
import Testing

extension CreatorSpecTests {
    /// Checklist section 4, plus what the spec's "Data Cleaning" note implies for the server.
    @Suite("4. Edge Cases")
    struct EdgeCases {
        /// Creates the sample profile, then sends `change`; the reply and the stored profile after it.
        static func putSample(then change: String, _ kind: StoreKind) async throws -> (SpecResponse, Profile?) {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)
            let reply = await client.put(change)
            return (reply, try await client.record()?.profile)
        }

        @Test(
            "4. Edge cases: Create profile, then immediately update it → Should work",
            arguments: StoreKind.allCases)
        func createThenUpdateAtOnce(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let created = await client.put(sampleRequest)
            let updated = await client.put(#"{"bio": "Updated the same second"}"#, ifMatch: created.etag)

            #expect(created.status == 200)
            #expect(updated.status == 200, "\(updated.text)")
            #expect(updated.etag == "\"v2\"")
            #expect(updated.object("profile")["id"] as? String == created.object("profile")["id"] as? String)
            #expect(updated.object("profile")["bio"] as? String == "Updated the same second")
            #expect(try await client.record()?.profile?.bio == "Updated the same second")
        }

        @Test(
            "4. Edge cases: Create profile with optional fields (location, socialLinks, avatar) → Should save correctly",
            arguments: StoreKind.allCases)
        func optionalFieldsSave(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            let body = """
                {"username": "john_doe", "displayName": "John Doe", "bio": "Creator", "niche": ["fitness"],
                 "location": {"city": "New York", "state": "NY", "country": "USA"},
                 "socialLinks": {"instagram": "https://instagram.com/johndoe", "tiktok": "https://tiktok.com/@johndoe",
                                 "youtube": "https://youtube.com/@johndoe", "twitch": "https://twitch.tv/johndoe",
                                 "twitter": "https://twitter.com/johndoe", "linkedin": "https://linkedin.com/in/johndoe"},
                 "avatar": "https://cdn.example.com/avatar.jpg"}
                """

            let reply = await client.put(body)

            #expect(reply.status == 200, "\(reply.text)")
            let profile = try #require(try await client.record()?.profile)
            #expect(profile.location == Location(city: "New York", state: "NY", country: "USA"))
            #expect(Set(profile.socialLinks.keys) == Set(SocialPlatform.allCases))
            #expect(profile.socialLinks[.linkedin] == "https://linkedin.com/in/johndoe")
            #expect(profile.avatar == "https://cdn.example.com/avatar.jpg")
            #expect((reply.object("profile")["socialLinks"] as? [String: String])?.count == 6)
        }

        @Test(
            "4. Edge cases: Create profile with optional fields (location, socialLinks, avatar) → Should save correctly (a bare handle becomes the profile URL)",
            arguments: StoreKind.allCases)
        func bareHandle(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }

            let reply = await client.put(
                #"{"username": "john_doe", "displayName": "John Doe", "bio": "Creator", "niche": ["fitness"], "socialLinks": {"tiktok": "@johndoe"}}"#
            )

            #expect(reply.status == 200, "\(reply.text)")
            #expect(try await client.record()?.profile?.socialLinks[.tiktok] == "https://tiktok.com/@johndoe")
        }

        @Test(
            "4. Edge cases: Update profile with partial data → Should merge with existing data",
            arguments: StoreKind.allCases)
        func partialMerge(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)

            let reply = await client.put(
                #"{"location": {"city": "Brooklyn"}, "socialLinks": {"youtube": "https://youtube.com/@johndoe"}}"#)

            #expect(reply.status == 200, "\(reply.text)")
            let profile = try #require(try await client.record()?.profile)
            #expect(profile.location == Location(city: "Brooklyn", state: "NY", country: "USA"))
            #expect(
                profile.socialLinks == [
                    .instagram: "https://instagram.com/johndoe", .tiktok: "https://tiktok.com/@johndoe",
                    .youtube: "https://youtube.com/@johndoe",
                ])
            #expect(profile.username?.rawValue == "john_doe")
            #expect(profile.bio == "Content creator and influencer")
            #expect(profile.niches == ["fitness", "lifestyle"])
            #expect(profile.avatar == "https://cdn.example.com/avatar.jpg")
        }

        @Test(
            "4. Edge cases: Update profile with partial data → Should merge with existing data (null clears an optional field)",
            arguments: StoreKind.allCases,
            [
                (#"{"avatar": null}"#, "avatar"), (#"{"location": null}"#, "location"),
                (#"{"socialLinks": null}"#, "socialLinks"),
                (#"{"socialLinks": {"tiktok": null}}"#, "socialLinks.tiktok"),
                (#"{"location": {"state": null}}"#, "location.state"),
            ])
        func nullClears(kind: StoreKind, change: (body: String, cleared: String)) async throws {
            let (reply, stored) = try await Self.putSample(then: change.body, kind)

            #expect(reply.status == 200, "\(reply.text)")
            let profile = try #require(stored)
            switch change.cleared {
            case "avatar":
                #expect(profile.avatar == nil)
                #expect(reply.object("profile")["avatar"] is NSNull)
            case "location":
                #expect(profile.location == nil)
                #expect(reply.object("profile")["location"] is NSNull)
            case "socialLinks":
                #expect(profile.socialLinks.isEmpty)
                #expect((reply.object("profile")["socialLinks"] as? [String: String]) == [:])
            case "socialLinks.tiktok":
                #expect(profile.socialLinks == [.instagram: "https://instagram.com/johndoe"])
            default:
                #expect(profile.location == Location(city: "New York", country: "USA"))
            }
            #expect(profile.bio == "Content creator and influencer")
            #expect(profile.version == 2)
        }

        @Test("Data cleaning: strings are trimmed before they are checked and stored", arguments: StoreKind.allCases)
        func stringsAreTrimmed(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            let body = """
                {"username": "  john_doe ", "displayName": "  John Doe\\t", "bio": "\\n Content creator \\n",
                 "niche": [" Fitness ", "lifestyle "], "location": {"city": " New York "},
                 "avatar": " https://cdn.example.com/avatar.jpg "}
                """

            let reply = await client.put(body)

            #expect(reply.status == 200, "\(reply.text)")
            let profile = try #require(try await client.record()?.profile)
            #expect(profile.username?.rawValue == "john_doe")
            #expect(profile.displayName == "John Doe")
            #expect(profile.bio == "Content creator")
            #expect(profile.niches == ["fitness", "lifestyle"])
            #expect(profile.location?.city == "New York")
            #expect(profile.avatar == "https://cdn.example.com/avatar.jpg")
        }

        @Test(
            "Data cleaning: an empty string for an optional field clears it, like null",
            arguments: StoreKind.allCases,
            [
                (#"{"avatar": ""}"#, "avatar"), (#"{"avatar": "   "}"#, "avatar"),
                (#"{"location": {"city": "", "state": "", "country": ""}}"#, "location"),
                (#"{"location": {"state": " "}}"#, "location.state"),
            ])
        func emptyOptionalClears(kind: StoreKind, change: (body: String, cleared: String)) async throws {
            let (reply, stored) = try await Self.putSample(then: change.body, kind)

            #expect(reply.status == 200, "\(reply.text)")
            let profile = try #require(stored)
            switch change.cleared {
            case "avatar": #expect(profile.avatar == nil)
            case "location": #expect(profile.location == nil)
            default: #expect(profile.location == Location(city: "New York", country: "USA"))
            }
        }

        @Test(
            "Data cleaning: an empty social link is refused (send null to remove one), empty objects change nothing",
            arguments: StoreKind.allCases)
        func emptyLinkAndEmptyObjects(kind: StoreKind) async throws {
            let client = try await SpecClient.creator(kind)
            defer { client.cleanUp() }
            _ = await client.put(sampleRequest)
            let before = try await client.record()

            let emptyLink = await client.put(#"{"socialLinks": {"tiktok": ""}}"#)
            let emptyObjects = await client.put(#"{"socialLinks": {}, "location": {}}"#)

            #expect(emptyLink.status == 400)
            #expect(
                emptyLink.errors == [
                    "socialLinks.tiktok": "socialLinks.tiktok is empty; send a link, or null to remove it"
                ])
            #expect(emptyObjects.status == 200, "\(emptyObjects.text)")
            #expect(emptyObjects.etag == "\"v1\"")
            #expect(try await client.record() == before)
        }
    }
}
