#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileError.Code {
    /// The username is held for its previous owner (409): distinct from `username_taken`, so a
    /// client can say "not yet" rather than "never".
    public static let usernameHeld: Self = "username_held"
    /// A looked-up handle was left by a profile that now has another one (404 by default; the
    /// message and the `username` field error name the new handle).
    public static let profileMoved: Self = "profile_moved"
}

extension FieldErrorCode {
    /// The value is reserved for someone else for a while (a held username).
    public static let held: FieldErrorCode = "held"
    /// The value named something that now lives elsewhere (a left username).
    public static let moved: FieldErrorCode = "moved"
}

extension ProfileError {
    /// Another user's hold covers `username` until `until` (`nil`: with no end date).
    public static func usernameHeld(_ username: String, until: Date?) -> ProfileError {
        let end = until.map { "until \($0.formatted(.iso8601))" } ?? "with no end date"
        return ProfileError(
            code: .usernameHeld, message: "Username is held for its previous owner",
            fieldErrors: [
                FieldError(
                    field: "username", code: .held,
                    message: "username \(username) was released recently and is held for its previous owner \(end); "
                        + "choose another username")
            ])
    }

    /// The handle `handle` was left by a profile that is now `@newUsername`.
    public static func profileMoved(from handle: String, to newUsername: Username) -> ProfileError {
        ProfileError(
            code: .profileMoved, message: "This profile is now @\(newUsername.rawValue)",
            fieldErrors: [
                FieldError(
                    field: "username", code: .moved,
                    message: "@\(handle) is no longer in use; the profile is now @\(newUsername.rawValue)")
            ])
    }
}
