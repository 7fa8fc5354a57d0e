import ProfileDomain

extension ProfileStoreError {
    /// The error a client sees: statuses by meaning, and no file path, offset or errno in the
    /// message (those stay in ``ProfileDomain/ProfileError/underlyingDescription`` for the log).
    public var profileError: ProfileError {
        switch self {
        case .notFound:
            .userNotFound
        case .usernameTaken(let username):
            .usernameTaken(username)
        case .usernameHeld(let username, let until):
            .usernameHeld(username, until: until)
        case .emailTaken:
            .emailTaken
        case .versionConflict(let expected, let current):
            .versionConflict(expected: expected, current: current)
        case .invalidRelationship:
            // The store's reason names users and who blocks whom; a client gets none of it.
            ProfileError(
                code: .invalidRelationship, message: "This relationship change is not allowed",
                underlyingDescription: "\(self)")
        case .unavailable:
            ProfileError(
                code: .storeUnavailable,
                message: "The profile store is unavailable; please try again later",
                underlyingDescription: "\(self)")
        case .storageFailed(let failure):
            // The store's own words (file, offset, errno) go to the log, none to the client.
            .internalError(underlying: "storage failed: \(failure.description)")
        case .invalidMutation:
            .internalError(underlying: "\(self)")
        }
    }
}
