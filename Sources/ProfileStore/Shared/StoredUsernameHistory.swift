import ProfileDomain

/// One user's username history as a snapshot stores it: `{"user":"u1","history":[...]}`.
struct StoredUsernameHistory: Sendable, Hashable, Codable {
    /// Whose history it is.
    var user: UserID
    /// The handles the user's profile left, oldest first.
    var history: [UsernameChange]
}
