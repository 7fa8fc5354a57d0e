#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileError.Code {
    /// The account is suspended by an operator: its public views and its owner's writes are
    /// refused (403 in every spec).
    public static let accountSuspended: Self = "account_suspended"
    /// The account's state does not allow the transition asked for: reactivating an active
    /// account, cancelling a deletion that was not requested or whose grace period ended (409).
    public static let accountStateConflict: Self = "account_state_conflict"
}

extension ProfileError {
    /// The account is suspended; `until` is when the suspension ends, `nil` for indefinitely.
    public static func accountSuspended(until: Date?) -> ProfileError {
        let end = until.map { "until \($0.formatted(.iso8601))" } ?? "indefinitely"
        return ProfileError(code: .accountSuspended, message: "This account is suspended \(end)")
    }

    /// A lifecycle transition the account's current state does not allow; `message` says which
    /// state it is in and what would be allowed.
    public static func accountStateConflict(_ message: String) -> ProfileError {
        ProfileError(code: .accountStateConflict, message: message)
    }
}
