import Foundation
import ProfileKit
import Testing

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
        let client = try SpecClient(kind, spec: .social, now: editedAt, user: john, other: jane)
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
    /// Gives Jane a profile holding `jane_doe`: only users with a profile can be seen, followed or
    /// blocked.
    static func giveJaneAProfile(_ client: SpecClient) async throws {
        _ = try await client.service.changeUsername(to: "jane_doe", for: .user(jane))
    }

    static func addFollowers(_ count: Int, to client: SpecClient) async throws {
        for index in 0..<count {
            let follower = fixtureUserID("follower-\(index)")
            try await client.service.registerAccount(Account(userID: follower, createdAt: client.clock.now()))
            try await client.service.follow(john, for: .user(follower))
        }
    }
}
