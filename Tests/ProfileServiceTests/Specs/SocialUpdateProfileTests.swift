import Foundation
import ProfileKit
import Testing

/// The social spec's endpoint 4, `PUT /api/v1/profile/update`: the request sample, the 422
/// sample, the fields it refuses and the picture URL rules.
@Suite("Social spec: PUT /profile/update")
struct SocialUpdateProfileTests {
    private typealias Sample = SocialSample

    static let requestSample = """
        {
          "firstName": "John", "lastName": "Doe", "middleName": "K",
          "bio": "Building cool things one commit at a time.", "location": "Nairobi, Kenya",
          "profilePictureUrls": [
            "https://cdn.example.com/profiles/john_main.jpg", "https://cdn.example.com/profiles/john_alt.jpg"
          ]
        }
        """

    static let responseSample = """
        {
          "success": true, "httpStatus": "OK", "message": "Profile updated successfully",
          "action_time": "2026-05-19T10:30:45",
          "data": {
            "id": "550e8400-e29b-41d4-a716-446655440000", "userName": "john_doe",
            "firstName": "John", "lastName": "Doe", "middleName": "K",
            "email": "john@example.com", "phoneNumber": "+254712345678",
            "bio": "Building cool things one commit at a time.", "location": "Nairobi, Kenya",
            "profilePictureUrls": [
              "https://cdn.example.com/profiles/john_main.jpg", "https://cdn.example.com/profiles/john_alt.jpg"
            ],
            "isVerified": true, "isEmailVerified": true, "isPhoneVerified": true,
            "isTwoFactorEnabled": false, "isAccountLocked": false,
            "createdAt": "2025-12-01T14:00:00", "editedAt": "2026-05-19T10:30:45", "roles": ["ROLE_USER"],
            "securityStrength": {
              "score": 50, "level": "MEDIUM",
              "description": "Your account security is good but can be improved",
              "recommendations": ["Enable two-factor authentication"]
            }
          }
        }
        """

    @Test(
        "4. PUT /api/v1/profile/update with the request sample answers the success sample (editedAt, pictures)",
        arguments: StoreKind.allCases)
    func requestSampleIsApplied(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        let before = try #require(await client.record(Sample.john))

        let response = await client.send(
            "PUT", "/api/v1/profile/update", as: Sample.john, json: Self.requestSample,
            ifMatch: EntityTag.header(for: before.version))

        #expect(response.status == 200)
        #expect(response.matches(Self.responseSample), "\(response.text)")
        let profile = try #require(await client.record(Sample.john)?.profile)
        #expect(response.headers["ETag"] == EntityTag.header(for: profile.version))
        #expect(profile.version == before.version + 1)
        #expect(profile.middleName == "K")
        #expect(profile.pictureURLs.count == 2)
        #expect(profile.primaryPictureURL == "https://cdn.example.com/profiles/john_main.jpg")
        #expect(profile.updatedAt == client.clock.now())
        #expect(profile.counters == ProfileCounters(posts: 42, shops: 1, events: 3))
        #expect(profile.username?.rawValue == "john_doe")
    }

    @Test("4. all fields are optional: only the fields provided are updated", arguments: StoreKind.allCases)
    func partialUpdate(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }

        let response = await client.send(
            "PUT", "/api/v1/profile/update", as: Sample.john, json: #"{"bio": "Shipping."}"#)

        #expect(response.status == 200)
        #expect(response.data["bio"] as? String == "Shipping.")
        #expect(response.data["followersCount"] == nil, "the update sample has no counts")
        let profile = try #require(await client.record(Sample.john)?.profile)
        #expect(profile.firstName == "John")
        #expect(profile.location?.displayText == "Nairobi, Kenya")
        #expect(profile.pictureURLs == ["https://cdn.example.com/profiles/john_main.jpg"])
    }

    @Test(
        "4. the 422 sample: a 31-character firstName and 6 profile pictures give a field map and store nothing",
        arguments: StoreKind.allCases)
    func errorSample(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        let before = try await client.record(Sample.john)
        let urls = (1...6).map { "https://cdn.example.com/profiles/\($0).jpg" }

        let response = await client.send(
            "PUT", "/api/v1/profile/update", as: Sample.john,
            json: try jsonBody(["firstName": String(repeating: "J", count: 31), "profilePictureUrls": urls]))

        #expect(response.status == 422)
        #expect(
            response.matches(
                """
                {"success": false, "httpStatus": "UNPROCESSABLE_ENTITY", "message": "Validation failed",
                 "action_time": "2026-05-19T10:30:45",
                 "data": {"firstName": "firstName is 31 characters; the limit is 30",
                          "profilePictureUrls": "profilePictureUrls is 6 items; the limit is 5"}}
                """), "\(response.text)")
        #expect(try await client.record(Sample.john) == before)
    }

    @Test(
        "4. firstName and lastName must be 1-30 characters, middleName at most 30",
        arguments: [
            ("firstName", String(repeating: "a", count: 30), true), ("firstName", "", false),
            ("lastName", String(repeating: "a", count: 31), false), ("lastName", "O'Neil", true),
            ("middleName", String(repeating: "a", count: 30), true),
            ("middleName", String(repeating: "a", count: 31), false),
        ])
    func nameLimits(field: String, value: String, accepted: Bool) async throws {
        let client = try await Sample.client(.inMemory)

        let response = await client.send(
            "PUT", "/api/v1/profile/update", as: Sample.john, json: try jsonBody([field: value]))

        #expect(response.status == (accepted ? 200 : 422), "\(response.text)")
        if !accepted { #expect(response.data[field] is String) }
    }

    @Test("4. middleName may be null (cleared)", arguments: StoreKind.allCases)
    func middleNameNull(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        _ = await client.send("PUT", "/api/v1/profile/update", as: Sample.john, json: #"{"middleName": "K"}"#)

        let response = await client.send(
            "PUT", "/api/v1/profile/update", as: Sample.john, json: #"{"middleName": null}"#)

        #expect(response.status == 200)
        #expect(response.data["middleName"] is NSNull)
        #expect(try await client.record(Sample.john)?.profile?.middleName == nil)
    }

    @Test(
        "4. username, email and phone are refused by /update with a message pointing at the account API",
        arguments: [
            ("userName", "johnny", "POST /api/v1/account/username/change"),
            ("username", "johnny", "POST /api/v1/account/username/change"),
            ("email", "johnny@example.com", "Account Linking API (/api/v1/account/link)"),
            ("phoneNumber", "+254700000000", "Account Linking API (/api/v1/account/link)"),
        ])
    func accountFieldsRefused(field: String, value: String, pointer: String) async throws {
        for kind in StoreKind.allCases {
            let client = try await Sample.client(kind)
            defer { client.cleanUp() }
            let before = try await client.record(Sample.john)

            let response = await client.send(
                "PUT", "/api/v1/profile/update", as: Sample.john, json: try jsonBody([field: value, "bio": "New"]))

            #expect(response.status == 422)
            #expect(response.json["message"] as? String == "Validation failed")
            let message = try #require(response.data[field] as? String)
            #expect(message.contains(pointer), "\(message)")
            #expect(try await client.record(Sample.john) == before, "nothing of a refused request is stored")
        }
    }

    @Test(
        "4. mass assignment: every server-owned field in an /update body is a 422 and the record is unchanged",
        arguments: [
            ("id", "\"7c9e6679-7425-40de-944b-e07fc1f90ae7\""), ("userId", "\"someone\""),
            ("createdAt", "\"2020-01-01T00:00:00\""), ("editedAt", "\"2020-01-01T00:00:00\""),
            ("updatedAt", "\"2020-01-01T00:00:00\""), ("version", "99"), ("isVerified", "true"),
            ("isEmailVerified", "true"), ("isPhoneVerified", "true"), ("isTwoFactorEnabled", "true"),
            ("isAccountLocked", "false"), ("roles", "[\"ROLE_ADMIN\"]"), ("followersCount", "1000000"),
            ("followingCount", "0"), ("postsCount", "1"), ("shopsCount", "1"), ("eventsCount", "1"),
            ("securityStrength", "{\"score\": 100}"), ("isOwnProfile", "true"),
            ("relationship", "{\"isBlocked\": false}"),
        ])
    func massAssignment(field: String, value: String) async throws {
        for kind in StoreKind.allCases {
            let client = try await Sample.client(kind)
            defer { client.cleanUp() }
            let before = try await client.record(Sample.john)

            let response = await client.send(
                "PUT", "/api/v1/profile/update", as: Sample.john, json: "{\"bio\": \"Hi\", \"\(field)\": \(value)}")

            #expect(response.status == 422, "\(field): \(response.text)")
            #expect(response.data[field] as? String == "\(field) is set by the server and cannot be changed")
            #expect(try await client.record(Sample.john) == before)
        }
    }

    @Test(
        "4. profile picture URLs: https only, the extension on the path not the query, at most 500 characters",
        arguments: [
            ("https://cdn.example.com/profiles/john_main.jpg", true),
            ("https://cdn.example.com/p/a.jpeg", true), ("https://cdn.example.com/p/a.png", true),
            ("https://cdn.example.com/p/a.gif", true), ("https://cdn.example.com/p/a.webp", true),
            ("https://cdn.example.com/p/a.PNG", true), ("https://cdn.example.com/p/a.png?size=large", true),
            ("http://cdn.example.com/profiles/john_main.jpg", false), ("ftp://cdn.example.com/a.jpg", false),
            ("javascript:alert(1)//a.png", false), ("https://cdn.example.com/profiles/john?format=.png", false),
            ("https://cdn.example.com/profiles/john#.png", false), ("https://cdn.example.com/p/a.bmp", false),
            ("https://cdn.example.com/p/a.svg", false), ("https://cdn.example.com/p/a.jpg.exe", false),
            ("cdn.example.com/a.jpg", false), ("https:///a.jpg", false),
            (Self.url(length: 500), true), (Self.url(length: 501), false),
        ])
    func pictureURLRules(url: String, accepted: Bool) async throws {
        let client = try await Sample.client(.inMemory)

        let response = await client.send(
            "PUT", "/api/v1/profile/update", as: Sample.john, json: try jsonBody(["profilePictureUrls": [url]]))

        #expect(response.status == (accepted ? 200 : 422), "\(url): \(response.text)")
        if accepted {
            #expect(try await client.record(Sample.john)?.profile?.pictureURLs == [url])
        } else {
            #expect(response.data["profilePictureUrls[0]"] is String, "\(response.text)")
        }
    }

    @Test("4. at most 5 profile pictures: 5 are stored, 6 are refused", arguments: [5, 6])
    func pictureCount(count: Int) async throws {
        let client = try await Sample.client(.inMemory)
        let urls = (1...count).map { "https://cdn.example.com/profiles/\($0).jpg" }

        let response = await client.send(
            "PUT", "/api/v1/profile/update", as: Sample.john, json: try jsonBody(["profilePictureUrls": urls]))

        #expect(response.status == (count <= 5 ? 200 : 422))
        let stored = try await client.record(Sample.john)?.profile?.pictureURLs
        #expect(stored == (count <= 5 ? urls : ["https://cdn.example.com/profiles/john_main.jpg"]))
    }

    @Test("4. PUT /update without a token is 401 and stores nothing", arguments: StoreKind.allCases)
    func updateNeedsAuthentication(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        let before = try await client.record(Sample.john)

        let response = await client.send("PUT", "/api/v1/profile/update", json: Self.requestSample)

        #expect(response.status == 401)
        #expect(response.json["httpStatus"] as? String == "UNAUTHORIZED")
        #expect(try await client.record(Sample.john) == before)
    }

    @Test("4. PUT /update with a stale If-Match is 412 and writes nothing", arguments: StoreKind.allCases)
    func staleVersion(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        let before = try #require(await client.record(Sample.john))

        let response = await client.send(
            "PUT", "/api/v1/profile/update", as: Sample.john, json: #"{"bio": "stale"}"#,
            ifMatch: EntityTag.header(for: before.version - 1))

        #expect(response.status == 412)
        #expect(response.json["httpStatus"] as? String == "PRECONDITION_FAILED")
        #expect(try await client.record(Sample.john) == before)
    }

    @Test("4. a body that is not a JSON object is a 400 in the envelope", arguments: ["", "[]", "{", "\"bio\""])
    func malformedBody(body: String) async throws {
        let client = try await Sample.client(.inMemory)

        let response = await client.send("PUT", "/api/v1/profile/update", as: Sample.john, json: body)

        #expect(response.status == 400, "\(response.text)")
        #expect(response.json["success"] as? Bool == false)
        #expect(response.json["httpStatus"] as? String == "BAD_REQUEST")
    }

    /// An https picture URL of exactly `length` characters.
    static func url(length: Int) -> String {
        let head = "https://cdn.example.com/"
        return head + String(repeating: "a", count: length - head.count - 4) + ".jpg"
    }
}
