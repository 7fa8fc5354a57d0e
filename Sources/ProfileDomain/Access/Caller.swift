/// Who is making a request, as the server's authentication established it.
///
/// The library never parses tokens: a server verifies its JWT (or session) and passes the result
/// here. Every use case takes the caller explicitly, so authorization lives in the library.
public enum Caller: Sendable, Hashable {
    /// No valid credentials: public reads only.
    case anonymous
    /// An authenticated user with the roles the token grants.
    case user(UserID, roles: Set<String> = [])

    /// The authenticated user's id, or `nil` for an anonymous caller.
    public var userID: UserID? {
        if case .user(let id, _) = self { return id }
        return nil
    }

    /// Whether the caller is the user `id`.
    public func isUser(_ id: UserID) -> Bool { userID == id }
}
