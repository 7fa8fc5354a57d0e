import Foundation
import ProfileDomain

/// The profiles every subject stores: the same records, so that each writes the same bytes.
enum Fixture {
    /// The creation date of every record: fixed, so that runs write identical records.
    static let createdAt = Date(timeIntervalSinceReferenceDate: 780_000_000)

    /// The user of profile `index`.
    static func user(_ index: Int) -> UserID {
        guard let user = UserID("user-\(index)") else { preconditionFailure("user-\(index) is not a user ID") }
        return user
    }

    /// The username of profile `index`, as stored (mixed case, so the lower-cased index matters).
    static func username(_ index: Int) -> String { "Creator_\(index)" }

    /// Profile `index` at `revision`: about 1 KB of JSON, the size of a filled-in creator profile.
    static func record(_ index: Int, revision: Int) -> UserRecord {
        guard let profileID = ProfileID("profile-\(index)") else { preconditionFailure("profile-\(index)") }
        let user = user(index)
        var profile = Profile(id: profileID, userID: user, createdAt: createdAt)
        profile.username = Username(username(index))
        profile.displayName = "Creator \(index)"
        profile.bio =
            "Revision \(revision). Coach, cook and content creator: a workout every morning, a budget recipe "
            + "every evening and a long video about training for a first marathon every Sunday."
        profile.niches = ["fitness", "food", "travel"]
        profile.location = Location(city: "Lisbon", state: "Lisboa", country: "Portugal")
        profile.socialLinks = [
            .instagram: "https://instagram.com/creator_\(index)", .tiktok: "https://tiktok.com/@creator_\(index)",
        ]
        profile.version = revision
        let account = Account(
            userID: user, email: "creator\(index)@example.com", isEmailVerified: true, createdAt: createdAt)
        return UserRecord(account: account, profile: profile)
    }
}
