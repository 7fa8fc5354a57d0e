import Foundation
import ProfileKit
import Testing

/// The social spec's endpoints 1-3: `GET /profile/me`, `GET /profile/id/{userId}`,
/// `GET /profile/u/{username}`, each sample sent through `ProfileEndpoints(.social)`.
@Suite("Social spec: viewing profiles")
struct SocialProfileViewTests {
    private typealias Sample = SocialSample

    @Test(
        "1. GET /api/v1/profile/me returns the sample's owner view: private fields, counts, securityStrength 50 MEDIUM",
        arguments: StoreKind.allCases)
    func ownerView(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        try await Sample.addFollowers(3, to: client)
        try await Sample.giveJaneAProfile(client)
        try await client.service.follow(Sample.jane, for: .user(Sample.john))

        let response = await client.send("GET", "/api/v1/profile/me", as: Sample.john)

        #expect(response.status == 200)
        #expect(response.matches(Sample.ownerSample(followers: 3, following: 1)), "\(response.text)")
        #expect(
            response.headers["ETag"] == EntityTag.header(for: try #require(await client.record(Sample.john)).version))
    }

    @Test(
        "1. GET /api/v1/profile/me without a token is the 401 sample's envelope", arguments: StoreKind.allCases)
    func ownerViewNeedsAuthentication(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }

        let response = await client.send("GET", "/api/v1/profile/me")

        #expect(response.status == 401)
        #expect(
            response.matches(
                """
                {"success": false, "httpStatus": "UNAUTHORIZED", "message": "Authentication is required",
                 "action_time": "2026-05-19T10:30:45", "data": "Authentication is required"}
                """), "\(response.text)")
    }

    @Test(
        "1. securityStrength.score adds 50 for 2FA and 25 each for a verified email and phone",
        arguments: [
            (false, false, false, 0, "VERY_WEAK"), (true, false, false, 25, "WEAK"), (true, true, false, 50, "MEDIUM"),
            (false, false, true, 50, "MEDIUM"), (true, false, true, 75, "STRONG"), (true, true, true, 100, "STRONG"),
        ])
    func securityStrength(email: Bool, phone: Bool, twoFactor: Bool, score: Int, level: String) async throws {
        let client = try SpecClient(
            .inMemory, spec: .social, now: Sample.actionTime, user: Sample.john, other: Sample.jane)
        try await client.service.registerAccount(
            Account(
                userID: Sample.john, email: "john@example.com", phoneNumber: "+254712345678",
                isEmailVerified: email, isPhoneVerified: phone, isTwoFactorEnabled: twoFactor,
                createdAt: client.clock.now()))

        let strength = await client.send("GET", "/api/v1/profile/me", as: Sample.john).data["securityStrength"]
        let payload = try #require(strength as? [String: Any])
        #expect(payload["score"] as? Int == score)
        #expect(payload["level"] as? String == level)
        let recommendations = try #require(payload["recommendations"] as? [String])
        #expect(recommendations.contains("Enable two-factor authentication") == !twoFactor)
        #expect(recommendations.contains("Verify your email address") == !email)
        #expect(recommendations.contains("Verify your phone number") == !phone)
    }

    @Test(
        "2. GET /api/v1/profile/id/{userId} anonymously: the public view without relationship or private fields",
        arguments: StoreKind.allCases)
    func publicByIDAnonymous(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        try await Sample.addFollowers(2, to: client)

        let response = await client.send("GET", "/api/v1/profile/id/\(Sample.johnID)")

        #expect(response.status == 200)
        #expect(response.json["message"] as? String == "Profile retrieved successfully")
        #expect(
            JSONMatch.matches(
                response.data, try Self.parse(Sample.publicSample(followers: 2, relationship: nil))),
            "\(response.text)")
        for privateKey in ["email", "phoneNumber", "securityStrength", "roles", "relationship"] {
            #expect(response.data[privateKey] == nil, "\(privateKey) leaked")
        }
    }

    @Test(
        "2. GET /api/v1/profile/id/{userId} by another signed-in user: the sample with relationship flags",
        arguments: StoreKind.allCases)
    func publicByIDWithRelationship(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        try await client.service.follow(Sample.john, for: .user(Sample.jane))

        let response = await client.send("GET", "/api/v1/profile/id/\(Sample.johnID)", as: Sample.jane)

        #expect(response.status == 200)
        let expected = Sample.publicSample(followers: 1, relationship: Sample.relationship(following: true))
        #expect(JSONMatch.matches(response.data, try Self.parse(expected)), "\(response.text)")
        #expect(response.json["success"] as? Bool == true)
        #expect(response.json["httpStatus"] as? String == "OK")
    }

    @Test(
        "2. isFollowedBy is true when the viewed user follows the caller", arguments: StoreKind.allCases)
    func followedBy(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }
        try await Sample.giveJaneAProfile(client)
        try await client.service.follow(Sample.jane, for: .user(Sample.john))

        let response = await client.send("GET", "/api/v1/profile/id/\(Sample.johnID)", as: Sample.jane)

        let relationship = try #require(response.data["relationship"] as? [String: Any])
        #expect(JSONMatch.matches(relationship, try Self.parse(Sample.relationship(followedBy: true))))
        #expect(response.data["followingCount"] as? Int == 1)
    }

    @Test(
        "2. GET /api/v1/profile/id/{userId} of oneself: isOwnProfile true, no relationship",
        arguments: StoreKind.allCases)
    func publicByIDOwn(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }

        let response = await client.send("GET", "/api/v1/profile/id/\(Sample.johnID)", as: Sample.john)

        #expect(response.status == 200)
        let expected = Sample.publicSample(followers: 0, isOwnProfile: true, relationship: nil)
        #expect(JSONMatch.matches(response.data, try Self.parse(expected)), "\(response.text)")
    }

    @Test(
        "2. GET /api/v1/profile/id/{userId} of an unknown or malformed id is the 404 sample",
        arguments: ["00000000-0000-0000-0000-000000000000", "not%20an%20id", "%ZZ"])
    func publicByIDNotFound(id: String) async throws {
        let client = try await Sample.client(.inMemory)

        for caller in [nil, Sample.jane] {
            let response = await client.send("GET", "/api/v1/profile/id/\(id)", as: caller)
            #expect(response.status == 404)
            #expect(
                response.matches(
                    """
                    {"success": false, "httpStatus": "NOT_FOUND", "message": "User not found",
                     "action_time": "2026-05-19T10:30:45", "data": "User not found"}
                    """), "\(response.text)")
        }
    }

    @Test(
        "3. GET /api/v1/profile/u/{username} accepts @username, %40username and any letter case",
        arguments: ["john_doe", "@john_doe", "%40john_doe", "JOHN_DOE", "@John_Doe", "%40John_DOE"])
    func publicByUsername(handle: String) async throws {
        let client = try await Sample.client(.inMemory)

        let response = await client.send("GET", "/api/v1/profile/u/\(handle)", as: Sample.jane)

        #expect(response.status == 200, "\(response.text)")
        let expected = Sample.publicSample(followers: 0, relationship: Sample.relationship())
        #expect(JSONMatch.matches(response.data, try Self.parse(expected)), "\(response.text)")
    }

    @Test("3. GET /api/v1/profile/u/{username} answers the sample for both stores", arguments: StoreKind.allCases)
    func publicByUsernameSample(kind: StoreKind) async throws {
        let client = try await Sample.client(kind)
        defer { client.cleanUp() }

        let anonymous = await client.send("GET", "/api/v1/profile/u/@john_doe")
        let own = await client.send("GET", "/api/v1/profile/u/john_doe", as: Sample.john)

        #expect(JSONMatch.matches(anonymous.data, try Self.parse(Sample.publicSample(followers: 0, relationship: nil))))
        #expect(own.data["isOwnProfile"] as? Bool == true)
        #expect(own.data["relationship"] == nil)
    }

    @Test(
        "3. GET /api/v1/profile/u/{username} of an unknown or invalid handle is the 404 sample",
        arguments: ["nobody_here", "@@john_doe", "john doe", "%40", "j%C3%B6hn"])
    func publicByUsernameNotFound(handle: String) async throws {
        let client = try await Sample.client(.inMemory)

        let response = await client.send("GET", "/api/v1/profile/u/\(handle)")

        #expect(response.status == 404)
        #expect(response.json["httpStatus"] as? String == "NOT_FOUND")
        #expect(response.json["data"] as? String == "User not found")
    }

    static func parse(_ json: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(json.utf8))
    }
}
