/// One power granted to an operator ``Caller``; each operator-only use case requires its own.
///
/// Scopes are open strings, like OAuth scopes, so a deployment can grant exactly what a tool
/// needs; the library's use cases check for the constants below.
public struct OperatorScope: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The scope's name, as a token or configuration would spell it.
    public let rawValue: String

    /// A scope named `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A scope named by a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Release a held username before its hold ends.
    public static let releaseUsernames: OperatorScope = "usernames:release"
    /// Suspend and reinstate accounts.
    public static let suspendAccounts: OperatorScope = "accounts:suspend"
    /// Purge accounts pending deletion before their grace period ends.
    public static let purgeAccounts: OperatorScope = "accounts:purge"
    /// Read another user's account state and username history (a support or audit tool that
    /// must not change anything). ``suspendAccounts`` also reads the state, which its own calls
    /// answer anyway, but not the history.
    public static let readAccounts: OperatorScope = "accounts:read"
}
