import ProfileKit

/// The operator scopes this server grants, by the names a token's `scopes` claim and the
/// `token --scope` option use.
///
/// A token names scopes by their library spelling (`accounts:suspend`); the command line also
/// takes the kebab-case aliases (`suspend-accounts`). A name outside this list is refused, never
/// dropped: a token that silently lost a scope would fail later with a confusing 403.
public enum OperatorScopes {
    /// Every scope a token may carry, with its command-line alias.
    public static let known: [(scope: OperatorScope, alias: String)] = [
        (.suspendAccounts, "suspend-accounts"),
        (.releaseUsernames, "release-usernames"),
        (.purgeAccounts, "purge-accounts"),
        (.readAccounts, "read-accounts"),
    ]

    /// The scope a token's claim names (`accounts:suspend`), or `nil` for an unknown name.
    public static func scope(claimed name: String) -> OperatorScope? {
        known.first { $0.scope.rawValue == name }?.scope
    }

    /// The scope a command line names, by its claim name or its alias; `nil` for an unknown one.
    public static func scope(named name: String) -> OperatorScope? {
        scope(claimed: name) ?? known.first { $0.alias == name }?.scope
    }

    /// The known names, for error messages: `accounts:suspend (suspend-accounts), ...`.
    public static var listing: String {
        known.map { "\($0.scope.rawValue) (\($0.alias))" }.joined(separator: ", ")
    }
}
