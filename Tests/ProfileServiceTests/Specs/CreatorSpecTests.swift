import Foundation
import ProfileKit
import Testing

/// The creator spec (`shared/specs/creator-profile-upsert.txt`) as executable tests: every request
/// goes through `ProfileAPI` as JSON, the way a server forwards it.
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

extension SpecClient {
    /// A creator client over a fresh store of one kind, with two registered users: `user_id`
    /// (john@example.com, the spec's sample user) and `other_user` (jane@example.com).
    static func creator(_ kind: StoreKind) async throws -> SpecClient {
        let client = try SpecClient(kind, spec: .creator)
        for (id, email) in [(client.user, "john@example.com"), (client.other, "jane@example.com")] {
            try await client.service.registerAccount(
                Account(userID: id, email: email, isEmailVerified: true, createdAt: client.clock.now()))
        }
        return client
    }

    /// `PUT /api/v1/profiles/me`, the creator spec's upsert, as `caller` (default ``user``).
    func put(_ body: String, as caller: UserID? = nil, ifMatch: String? = nil) async -> SpecResponse {
        await send("PUT", "/api/v1/profiles/me", as: caller ?? user, json: body, ifMatch: ifMatch)
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
        return try jsonObject(text)
    }

    /// Whether two JSON objects are equal, ignoring the keys in `ignoring`.
    static func same(_ actual: [String: Any], _ expected: [String: Any], ignoring: Set<String> = []) -> Bool {
        JSONMatch.matches(
            actual.filter { !ignoring.contains($0.key) }, expected.filter { !ignoring.contains($0.key) })
    }
}
