import ProfileStore

extension ProfileStoreError {
    /// The case without its associated values: what the suite compares when a payload (a
    /// message, a path) is the store's own business.
    var caseName: String {
        switch self {
        case .notFound: "notFound"
        case .usernameTaken: "usernameTaken"
        case .usernameHeld: "usernameHeld"
        case .emailTaken: "emailTaken"
        case .versionConflict: "versionConflict"
        case .invalidRelationship: "invalidRelationship"
        case .invalidMutation: "invalidMutation"
        case .unavailable: "unavailable"
        case .storageFailed: "storageFailed"
        }
    }
}
