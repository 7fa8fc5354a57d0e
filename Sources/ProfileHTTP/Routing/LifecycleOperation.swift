import ProfileDomain
import ProfileStore

/// One account-lifecycle use case a route runs (`Docs/Lifecycle.md`): the owner's transitions and
/// reads on their own account, and the operator's calls on someone else's.
///
/// Every spec routes the same twelve operations; they differ only in paths and envelopes, so the
/// dispatch is written once (`ProfileAPI+Lifecycle.swift`) and each spec only renders.
enum LifecycleOperation: Sendable, Hashable, CaseIterable {
    case deactivate, reactivate, requestDeletion, cancelDeletion, accountState, usernameHistory
    case suspend, reinstate, releaseUsernameHold, purge
    /// The operator's reads of another user's account state and username history: the owner's
    /// `accountState` and `usernameHistory`, for the user the path names.
    case userAccountState, userUsernameHistory

    /// The scopes of which an operator needs one, the one named in a refusal first; empty for
    /// the owner's operations.
    var operatorScopes: [OperatorScope] {
        switch self {
        case .suspend, .reinstate: [.suspendAccounts]
        case .releaseUsernameHold: [.releaseUsernames]
        case .purge: [.purgeAccounts]
        case .userAccountState: ProfileService.operatorScopesReadingAccountState
        case .userUsernameHistory: [.readAccounts]
        case .deactivate, .reactivate, .requestDeletion, .cancelDeletion, .accountState, .usernameHistory: []
        }
    }
}
