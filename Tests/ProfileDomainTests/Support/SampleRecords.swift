import Foundation
import Testing

@testable import ProfileDomain

/// The model values behind the specs' samples.
enum SampleRecords {
    static let socialUserID = UserID("550e8400-e29b-41d4-a716-446655440000")

    /// The user of the social spec's `GET /me` sample.
    static func socialOwner() throws -> UserRecord {
        let userID = try #require(socialUserID)
        let account = Account(
            userID: userID, email: "john@example.com", phoneNumber: "+254712345678", isVerified: true,
            isEmailVerified: true, isPhoneVerified: true, isTwoFactorEnabled: false, isLocked: false,
            roles: ["ROLE_USER"], createdAt: try date("2025-12-01T14:00:00"))
        var profile = Profile(
            id: ProfileID("p-1") ?? .random(), userID: userID, createdAt: try date("2025-12-01T14:00:00"))
        profile.username = Username("john_doe")
        profile.firstName = "John"
        profile.lastName = "Doe"
        profile.bio = "Building cool things."
        profile.location = Location(text: "Nairobi, Kenya")
        profile.pictureURLs = ["https://cdn.example.com/profiles/john_main.jpg"]
        profile.counters = ProfileCounters(posts: 42, shops: 1, events: 3)
        profile.updatedAt = try date("2026-05-10T08:22:00")
        return UserRecord(account: account, profile: profile)
    }

    static let socialCounts = SocialCounts(followers: 1420, following: 310)

    /// The user of the Django spec's profile sample.
    static func djangoUser() throws -> UserRecord {
        let userID = try #require(UserID("1"))
        let account = Account(
            userID: userID, email: "john@example.com", phoneNumber: "1234567890",
            createdAt: try date("2024-01-01T00:00:00Z"))
        var profile = Profile(userID: userID, createdAt: try date("2024-01-01T00:00:00Z"))
        profile.username = Username("johndoe")
        profile.firstName = "John"
        profile.lastName = "Doe"
        profile.avatar = "/media/avatars/profile_123.jpg"
        return UserRecord(account: account, profile: profile)
    }

    /// The user of the mobile spec's samples, before the `POST`.
    static func mobileUser() throws -> UserRecord {
        let userID = try #require(UserID("mobile-1"))
        let created = try date("2024-01-01T10:00:00Z")
        var profile = Profile(userID: userID, createdAt: created)
        profile.displayName = "John"
        return UserRecord(
            account: Account(userID: userID, email: "user@example.com", createdAt: created), profile: profile)
    }
}
