import Foundation
import ProfileKit
import Testing

// The social and Django spec suites share this client: it sends a spec's JSON through
// `ProfileEndpoints` the way a server would and reads the answer back as JSON.

/// A service harness with the endpoints of one spec in front of it.
struct SpecClient: Sendable {
    let harness: ServiceHarness
    let endpoints: ProfileEndpoints

    init(_ kind: StoreKind, spec: ProfileEndpoints.Spec, policy: ValidationPolicy, now: String) throws {
        let clock = TestClock(try #require(WireTimestamp.parse(now)))
        harness = try ServiceHarness(kind, policy: policy, clock: clock)
        endpoints = ProfileEndpoints(spec, service: harness.service)
    }

    var service: ProfileService { harness.service }
    var store: any ProfileStore { harness.store }
    var clock: TestClock { harness.clock }

    /// Sends a request; `caller` `nil` is anonymous.
    func send(
        _ method: String,
        _ path: String,
        as caller: UserID? = nil,
        json: String? = nil,
        ifMatch: String? = nil,
        avatar: [UInt8]? = nil
    ) async -> SpecResponse {
        let request = EndpointRequest(
            method: method, path: path, caller: caller.map { Caller.user($0) } ?? .anonymous,
            body: json.map { Array($0.utf8) } ?? [], ifMatch: ifMatch, avatar: avatar)
        return SpecResponse(await endpoints.respond(to: request))
    }

    /// The stored record of `user`.
    func record(_ user: UserID) async throws -> UserRecord? {
        try await store.record(for: user)
    }

    func cleanUp() { harness.cleanUp() }
}

/// An endpoint's answer with its body parsed.
struct SpecResponse: @unchecked Sendable {
    let status: Int
    let headers: [String: String]
    let text: String
    /// The parsed body (`NSNull` when it is not JSON, so that assertions fail rather than crash).
    let json: Any

    init(_ response: EndpointResponse) {
        status = response.status.code
        headers = response.headers
        text = response.bodyText
        json = (try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])) ?? NSNull()
    }

    /// The body as an object.
    var object: [String: Any] { json as? [String: Any] ?? [:] }

    /// The social envelope's `data` as an object.
    var data: [String: Any] { object["data"] as? [String: Any] ?? [:] }

    /// Whether the body equals `expected` (JSON text; `"<any>"` matches any value).
    func matches(_ expected: String) -> Bool {
        guard let expected = try? JSONSerialization.jsonObject(with: Data(expected.utf8), options: [.fragmentsAllowed])
        else { return false }
        return JSONMatch.matches(json, expected)
    }
}

/// A user id written in a test; a malformed one is a mistake in the test itself.
func fixtureUserID(_ raw: String) -> UserID {
    guard let id = UserID(raw) else { preconditionFailure("\(raw) is not a user id") }
    return id
}

/// A JSON object literal from key/value pairs, for bodies built from test arguments.
func jsonBody(_ fields: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
}

/// The social spec's sample account and the state its samples show.
enum SocialSample {
    static let johnID = "550e8400-e29b-41d4-a716-446655440000"
    static let janeID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
    /// When John last edited his profile in the `GET /me` sample.
    static let editedAt = "2026-05-10T08:22:00"
    /// The sample's `action_time`.
    static let actionTime = "2026-05-19T10:30:45"
    /// From `editedAt` to `actionTime`.
    static let secondsFromEditToAction: TimeInterval = 9 * 86_400 + 2 * 3600 + 8 * 60 + 45

    static let john = fixtureUserID(johnID)
    static let jane = fixtureUserID(janeID)

    /// A social client at `editedAt` with John registered as the sample's account (email and
    /// phone verified, no 2FA) and nothing else; `withProfile` also gives him the sample's
    /// username and display fields, its post, shop and event counters, and moves the clock to
    /// `actionTime`.
    static func client(_ kind: StoreKind, withProfile: Bool = true) async throws -> SpecClient {
        let client = try SpecClient(kind, spec: .social, policy: .social, now: editedAt)
        try await client.service.registerAccount(
            Account(
                userID: john, email: "john@example.com", phoneNumber: "+254712345678", isVerified: true,
                isEmailVerified: true, isPhoneVerified: true,
                createdAt: try #require(WireTimestamp.parse("2025-12-01T14:00:00"))))
        try await client.service.registerAccount(
            Account(
                userID: jane, email: "jane@example.com", isEmailVerified: true,
                createdAt: try #require(WireTimestamp.parse("2026-01-15T09:00:00"))))
        guard withProfile else { return client }
        _ = try await client.service.changeUsername(to: "john_doe", for: .user(john))
        _ = try await client.service.upsertProfile(
            ProfileUpdate(
                profile: ProfilePatch(
                    firstName: .value("John"), lastName: .value("Doe"), bio: .value("Building cool things."),
                    location: .value(LocationPatch(text: .value("Nairobi, Kenya"))),
                    pictureURLs: .value(["https://cdn.example.com/profiles/john_main.jpg"]))),
            for: .user(john))
        // Posts, shops and events are counted by other services of the server, never by a request.
        try await client.store.update(john, expectingVersion: nil) { record in
            record?.profile?.counters = ProfileCounters(posts: 42, shops: 1, events: 3)
        }
        client.clock.advance(by: secondsFromEditToAction)
        return client
    }

    /// The sample of `GET /api/v1/profile/me`, with the follower counts this test set up.
    static func ownerSample(followers: Int, following: Int) -> String {
        """
        {
          "success": true, "httpStatus": "OK", "message": "Profile retrieved successfully",
          "action_time": "2026-05-19T10:30:45",
          "data": {
            "id": "550e8400-e29b-41d4-a716-446655440000", "userName": "john_doe",
            "firstName": "John", "lastName": "Doe", "middleName": null,
            "email": "john@example.com", "phoneNumber": "+254712345678",
            "bio": "Building cool things.", "location": "Nairobi, Kenya",
            "profilePictureUrls": ["https://cdn.example.com/profiles/john_main.jpg"],
            "isVerified": true, "isEmailVerified": true, "isPhoneVerified": true,
            "isTwoFactorEnabled": false, "isAccountLocked": false,
            "followersCount": \(followers), "followingCount": \(following),
            "postsCount": 42, "shopsCount": 1, "eventsCount": 3,
            "createdAt": "2025-12-01T14:00:00", "editedAt": "2026-05-10T08:22:00", "roles": ["ROLE_USER"],
            "securityStrength": {
              "score": 50, "level": "MEDIUM",
              "description": "Your account security is good but can be improved",
              "recommendations": ["Enable two-factor authentication"]
            }
          }
        }
        """
    }

    /// The `data` of the public samples (`GET /id/{userId}`, `GET /u/{username}`), with the
    /// counts and relationship this test set up; `relationship` `nil` leaves the key out.
    static func publicSample(
        followers: Int, following: Int = 0, isOwnProfile: Bool = false, relationship: String?
    ) -> String {
        """
        {
          "userId": "550e8400-e29b-41d4-a716-446655440000", "userName": "john_doe",
          "firstName": "John", "lastName": "Doe",
          "profilePictureUrl": "https://cdn.example.com/profiles/john_main.jpg",
          "bio": "Building cool things.", "location": "Nairobi, Kenya", "isVerified": true,
          "followersCount": \(followers), "followingCount": \(following),
          "postsCount": 42, "shopsCount": 1, "eventsCount": 3,
          "createdAt": "2025-12-01T14:00:00", "isOwnProfile": \(isOwnProfile)
          \(relationship.map { #", "relationship": \#($0)"# } ?? "")
        }
        """
    }

    /// A relationship object.
    static func relationship(
        following: Bool = false, followedBy: Bool = false, blocked: Bool = false, blockedBy: Bool = false
    ) -> String {
        """
        {"isFollowing": \(following), "isFollowedBy": \(followedBy), "isBlocked": \(blocked), \
        "isBlockedBy": \(blockedBy)}
        """
    }

    /// Registers `count` followers of John.
    static func addFollowers(_ count: Int, to client: SpecClient) async throws {
        for index in 0..<count {
            let follower = fixtureUserID("follower-\(index)")
            try await client.service.registerAccount(Account(userID: follower, createdAt: client.clock.now()))
            try await client.service.follow(john, for: .user(follower))
        }
    }
}
