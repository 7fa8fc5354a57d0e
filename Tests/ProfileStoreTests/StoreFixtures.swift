import Foundation
import ProfileDomain

/// Records for store tests, built as a profile service would build them.
enum StoreFixtures {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    /// A record of `user` with a version-1 profile, optionally with a username and an email.
    static func record(_ user: UserID = .random(), username: String? = nil, email: String? = nil) -> UserRecord {
        var profile = Profile(userID: user, createdAt: date)
        profile.username = username.flatMap { Username($0) }
        return UserRecord(account: Account(userID: user, email: email, createdAt: date), profile: profile)
    }
}
