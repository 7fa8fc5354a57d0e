import ProfileDomain

/// One account-lifecycle use case a route runs (`Docs/Lifecycle.md`): the owner's transitions and
/// reads on their own account, and the operator's calls on someone else's.
///
/// Every spec routes the same ten operations; they differ only in paths and envelopes, so the
/// dispatch is written once (`ProfileAPI+Lifecycle.swift`) and each spec only renders.
enum LifecycleOperation: Sendable, Hashable, CaseIterable {
    case deactivate, reactivate, requestDeletion, cancelDeletion, accountState, usernameHistory
    case suspend, reinstate, releaseUsernameHold, purge

    /// The scope an operator needs, `nil` for the owner's operations.
    var operatorScope: OperatorScope? {
        switch self {
        case .suspend, .reinstate: .suspendAccounts
        case .releaseUsernameHold: .releaseUsernames
        case .purge: .purgeAccounts
        case .deactivate, .reactivate, .requestDeletion, .cancelDeletion, .accountState, .usernameHistory: nil
        }
    }
}
