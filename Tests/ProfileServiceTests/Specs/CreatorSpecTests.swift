import Foundation
import ProfileKit
import Testing

/// The creator spec (`shared/specs/creator-profile-upsert.txt`) as executable tests: every request
/// goes through `ProfileEndpoints(.creator, ...)` as JSON, the way a server forwards it.
///
/// The suites nested in this namespace (one file each) are named after the spec's sections; each
/// test is named after the checklist line it pins.
@Suite("Creator spec")
enum CreatorSpecTests {
    /// The spec's sample request body, verbatim (minus its `// Optional` comment, which is not JSON).
    static let sampleRequest = """
        {
          "username": "john_doe",
          "displayName": "John Doe",
          "bio": "Content creator and influencer",
          "niche": ["fitness", "lifestyle"],
          "location": {"city": "New York", "state": "NY", "country": "USA"},
          "socialLinks": {
            "instagram": "https://instagram.com/johndoe",
            "tiktok": "https://tiktok.com/@johndoe"
          },
          "avatar": "https://cdn.example.com/avatar.jpg"
        }
        """

    /// The four required fields only, as the complete-profile form sends them.
    static let requiredOnly = """
        {"username": "john_doe", "displayName": "John Doe", "bio": "Content creator and influencer",
         "niche": ["fitness", "lifestyle"]}
        """

    /// Every server-owned or foreign key a creator body might try to set, with a JSON value.
    static let serverOwnedFields: [(field: String, value: String)] = [
        ("id", #""profile_id""#), ("userId", #""someone_else""#), ("createdAt", #""2020-01-01T00:00:00Z""#),
        ("updatedAt", #""2020-01-01T00:00:00Z""#), ("version", "99"), ("email", #""x@example.com""#),
        ("phoneNumber", #""+14155550100""#), ("roles", #"["ROLE_ADMIN"]"#), ("isVerified", "true"),
        ("isEmailVerified", "true"), ("isPhoneVerified", "true"), ("isTwoFactorEnabled", "true"),
        ("isAccountLocked", "false"), ("completeness", #"{"percentage": 100}"#), ("counters", #"{"posts": 9}"#),
        ("followersCount", "1000000"), ("followingCount", "0"), ("postsCount", "5"), ("shopsCount", "1"),
        ("eventsCount", "1"), ("securityStrength", #"{"score": 100}"#), ("editedAt", #""2020-01-01T00:00:00Z""#),
    ]
}

extension CreatorSpecTests {
    /// A service over a fresh store of one kind, the spec's endpoints, and two registered users:
    /// `user_id` (john@example.com, the spec's sample user) and `other_user`.
    struct Client: Sendable {
        let harness: ServiceHarness
        let endpoints: ProfileEndpoints
        let user: UserID
        let other: UserID

        /// A creator client with both users registered.
        init(_ kind: StoreKind) async throws {
            self.init(
                harness: try ServiceHarness(kind, policy: .creator), spec: .creator,
                user: try #require(UserID("user_id")), other: try #require(UserID("other_user")))
            for (id, email) in [(user, "john@example.com"), (other, "jane@example.com")] {
                try await harness.service.registerAccount(
                    Account(userID: id, email: email, isEmailVerified: true, createdAt: harness.clock.now()))
            }
        }

        /// A client of `spec` over `harness`; registers no one.
        init(harness: ServiceHarness, spec: ProfileEndpoints.Spec, user: UserID, other: UserID) {
            self.harness = harness
            self.endpoints = ProfileEndpoints(spec, service: harness.service)
            self.user = user
            self.other = other
        }

        /// Sends `body` (JSON text) as `caller`; `caller` `nil` means no `Authorization` header.
        func send(
            _ method: String, _ path: String, as caller: UserID?, body: String = "", ifMatch: String? = nil
        ) async -> Reply {
            await send(method, path, as: caller, bytes: Array(body.utf8), ifMatch: ifMatch)
        }

        /// Sends raw body bytes (the upload endpoint's image).
        func send(
            _ method: String, _ path: String, as caller: UserID?, bytes: [UInt8], ifMatch: String? = nil
        ) async -> Reply {
            let response = await endpoints.respond(
                to: EndpointRequest(
                    method: method, path: path, caller: caller.map { Caller.user($0) } ?? .anonymous, body: bytes,
                    ifMatch: ifMatch))
            return Reply(response)
        }

        /// `PUT /api/v1/profiles/me` as `user`.
        func put(_ body: String, as caller: UserID? = nil, ifMatch: String? = nil) async -> Reply {
            await send("PUT", "/api/v1/profiles/me", as: caller ?? user, body: body, ifMatch: ifMatch)
        }

        /// The stored record of `id` (default `user`).
        func stored(_ id: UserID? = nil) async throws -> UserRecord? {
            try await harness.store.record(for: id ?? user)
        }

        func cleanUp() { harness.cleanUp() }
    }

    /// A response with its JSON body parsed.
    struct Reply: @unchecked Sendable {
        let status: Int
        let headers: [String: String]
        let text: String
        /// The body as a JSON object (empty when it is not one).
        let json: [String: Any]

        init(_ response: EndpointResponse) {
            status = response.status.code
            headers = response.headers
            text = response.bodyText
            json = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        }

        /// A nested object, e.g. `object("profile")`.
        func object(_ key: String) -> [String: Any] { json[key] as? [String: Any] ?? [:] }
        /// A string at the top level.
        func string(_ key: String) -> String? { json[key] as? String }
        /// The field -> message map of an error envelope.
        var errors: [String: String] { json["errors"] as? [String: String] ?? [:] }
        /// Whether the body is `true` at `success`.
        var succeeded: Bool { json["success"] as? Bool == true }
        /// The `ETag` header.
        var etag: String? { headers["ETag"] }
    }
}

extension CreatorSpecTests {
    /// The spec's sample `profile` object as the library answers it at 2024-01-01T00:00:00Z for
    /// `user_id`, without the generated `id`.
    static func sampleProfile() throws -> [String: Any] {
        let text = """
            {
              "userId": "user_id",
              "username": "john_doe",
              "displayName": "John Doe",
              "bio": "Content creator and influencer",
              "niche": ["fitness", "lifestyle"],
              "location": {"city": "New York", "state": "NY", "country": "USA"},
              "socialLinks": {"instagram": "https://instagram.com/johndoe", "tiktok": "https://tiktok.com/@johndoe"},
              "avatar": "https://cdn.example.com/avatar.jpg",
              "createdAt": "2024-01-01T00:00:00Z",
              "updatedAt": "2024-01-01T00:00:00Z"
            }
            """
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Whether two JSON objects are equal, ignoring the keys in `ignoring`.
    static func same(_ actual: [String: Any], _ expected: [String: Any], ignoring: Set<String> = []) -> Bool {
        JSONMatch.matches(
            actual.filter { !ignoring.contains($0.key) }, expected.filter { !ignoring.contains($0.key) })
    }
}
