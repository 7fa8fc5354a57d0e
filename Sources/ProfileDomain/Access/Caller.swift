/// Who is making a request, as the server's authentication established it.
///
/// The library never parses tokens: a server verifies its JWT (or session) and passes the result
/// here. Every use case takes the caller explicitly, so authorization lives in the library.
public enum Caller: Sendable, Hashable {
    /// No valid credentials: public reads only.
    case anonymous
    /// An authenticated user with the roles the token grants.
    case user(UserID, roles: Set<String> = [])
    /// A trusted operator (a moderator, a support tool) acting with explicit scopes.
    ///
    /// An operator is not a user: it owns no profile, so it is never "the owner" of anything,
    /// and each operator-only use case checks for its own ``OperatorScope``. `name` identifies
    /// the operator in logs and audit trails.
    case `operator`(name: String, scopes: Set<OperatorScope>)

    /// The authenticated user's id, or `nil` for an anonymous caller or an operator.
    public var userID: UserID? {
        if case .user(let id, _) = self { return id }
        return nil
    }

    /// Whether the caller is the user `id`.
    public func isUser(_ id: UserID) -> Bool { userID == id }

    /// Whether the caller is an operator granted `scope`.
    public func hasOperatorScope(_ scope: OperatorScope) -> Bool {
        if case .operator(_, let scopes) = self { return scopes.contains(scope) }
        return false
    }
}
