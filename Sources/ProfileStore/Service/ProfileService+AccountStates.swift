import ProfileDomain
import ProfileValidation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileService {
    /// Hides the caller's own account from public views until they reactivate it.
    ///
    /// - Throws: 401 anonymous; 403 for anyone but the owner (operators included); 404 unknown;
    ///   403 `account_suspended` while suspended; 409 `account_state_conflict` unless active.
    /// - Returns: the new state.
    @discardableResult
    public func deactivateAccount(_ target: UserID, for caller: Caller) async throws(ProfileError) -> AccountState {
        let userID = try owner(target, caller)
        return try await transition(userID) { state, now throws(ProfileError) in
            try Self.requireNotSuspended(state)
            guard state == .active else { throw Self.conflict(state, "only an active account can be deactivated") }
            return .deactivated(since: now)
        }
    }

    /// Makes the caller's deactivated account visible again.
    ///
    /// - Throws: 401; 403 for anyone but the owner; 404; 403 `account_suspended` while suspended
    ///   (an owner cannot lift a suspension); 409 unless deactivated.
    @discardableResult
    public func reactivateAccount(_ target: UserID, for caller: Caller) async throws(ProfileError) -> AccountState {
        let userID = try owner(target, caller)
        return try await transition(userID) { state, _ throws(ProfileError) in
            try Self.requireNotSuspended(state)
            guard case .deactivated = state else {
                throw Self.conflict(state, "only a deactivated account can be reactivated")
            }
            return .active
        }
    }

    /// Starts the grace period of the deletion of the caller's own account: hidden like a
    /// deactivated account, cancellable by the owner until the policy's
    /// ``ProfileValidation/ValidationPolicy/deletionGracePeriod`` has passed, purged after.
    ///
    /// - Throws: 401; 403 for anyone but the owner; 404; 403 `account_suspended` while suspended
    ///   (a deletion would end the suspension's record); 409 when a deletion is already pending.
    @discardableResult
    public func requestDeletion(_ target: UserID, for caller: Caller) async throws(ProfileError) -> AccountState {
        let userID = try owner(target, caller)
        let grace = TimeInterval(policy.deletionGracePeriod.components.seconds)
        return try await transition(userID) { state, now throws(ProfileError) in
            try Self.requireNotSuspended(state)
            if case .pendingDeletion = state { throw Self.conflict(state, "a deletion is already pending") }
            return .pendingDeletion(requestedAt: now, purgeAfter: now.addingTimeInterval(grace))
        }
    }

    /// Cancels the caller's pending deletion while its grace period lasts; the account is active
    /// again.
    ///
    /// - Throws: 401; 403 for anyone but the owner; 404; 409 when no deletion is pending or its
    ///   grace period has ended (the purge may already be running).
    @discardableResult
    public func cancelDeletion(_ target: UserID, for caller: Caller) async throws(ProfileError) -> AccountState {
        let userID = try owner(target, caller)
        return try await transition(userID) { state, now throws(ProfileError) in
            guard case .pendingDeletion(_, let purgeAfter) = state else {
                throw Self.conflict(state, "no deletion is pending")
            }
            guard now < purgeAfter else {
                throw Self.conflict(state, "the grace period ended at \(purgeAfter.formatted(.iso8601))")
            }
            return .active
        }
    }

    /// Suspends `target` until `until`, or indefinitely when `nil`; replaces any earlier
    /// suspension and any deactivation or pending deletion (the suspension must be seen).
    ///
    /// - Throws: 403 unless the caller is an operator with ``ProfileDomain/OperatorScope/suspendAccounts``
    ///   (401 anonymous); 404 unknown; 422 when `until` is not after now.
    @discardableResult
    public func suspendAccount(
        _ target: UserID, until: Date?, for caller: Caller
    ) async throws(ProfileError) -> AccountState {
        try requireOperator(caller, .suspendAccounts)
        return try await transition(target) { _, now throws(ProfileError) in
            if let until, until <= now {
                throw ProfileError.validation([
                    FieldError(field: "until", code: .outOfRange, message: "until must be a time after now")
                ])
            }
            return .suspended(since: now, until: until)
        }
    }

    /// Lifts a suspension of `target` (an expired one included); the account is active again.
    ///
    /// - Throws: 403 unless an operator with ``ProfileDomain/OperatorScope/suspendAccounts``; 404;
    ///   409 when the account is not suspended.
    @discardableResult
    public func reinstateAccount(_ target: UserID, for caller: Caller) async throws(ProfileError) -> AccountState {
        try requireOperator(caller, .suspendAccounts)
        return try await transition(target, effective: false) { state, _ throws(ProfileError) in
            guard state.isSuspended else { throw Self.conflict(state, "the account is not suspended") }
            return .active
        }
    }

    /// The state of `target` as it stands now (an expired suspension reads as active).
    ///
    /// An operator reads it with ``ProfileDomain/OperatorScope/readAccounts`` or
    /// ``ProfileDomain/OperatorScope/suspendAccounts`` (`operatorScopesReadingAccountState`):
    /// the suspend and reinstate calls answer the state anyway.
    ///
    /// - Throws: 401; 403 unless the owner or an operator with one of those scopes; 404 unknown.
    public func accountState(of target: UserID, for caller: Caller) async throws(ProfileError) -> AccountState {
        if !Self.operatorScopesReadingAccountState.contains(where: caller.hasOperatorScope) {
            _ = try owner(target, caller)
        }
        guard let record = try await storedRecord(target) else { throw .userNotFound }
        return record.state.effective(at: now())
    }

    /// The operator scopes that read another user's account state, the one that exists for it
    /// first: ``ProfileDomain/OperatorScope/readAccounts``, and
    /// ``ProfileDomain/OperatorScope/suspendAccounts``, whose calls answer the state anyway, so
    /// refusing it the read would protect nothing. Routes check the same list.
    package static let operatorScopesReadingAccountState: [OperatorScope] = [.readAccounts, .suspendAccounts]

    /// Applies `change` to the state of `userID` in one atomic store step, at the service's
    /// clock. `change` sees the effective state (an expired suspension as active) unless
    /// `effective` is `false`. 404 when the user has no record.
    func transition(
        _ userID: UserID,
        effective: Bool = true,
        _ change: (AccountState, Date) throws(ProfileError) -> AccountState
    ) async throws(ProfileError) -> AccountState {
        let date = now()
        return try await atomically(userID) { (record) throws(ProfileError) in
            guard var next = record else { throw ProfileError.userNotFound }
            next.state = try change(effective ? next.state.effective(at: date) : next.state, date)
            record = next
            return next.state
        }
    }

    /// 401 for anonymous, 403 unless the caller is an operator granted `scope`.
    func requireOperator(_ caller: Caller, _ scope: OperatorScope) throws(ProfileError) {
        if caller == .anonymous { throw .unauthenticated }
        guard caller.hasOperatorScope(scope) else {
            throw ProfileError(
                code: .forbidden, message: "This call needs an operator with the \(scope.rawValue) scope")
        }
    }

    /// 403 `account_suspended` when `state` is a suspension in force.
    static func requireNotSuspended(_ state: AccountState) throws(ProfileError) {
        if case .suspended(_, let until) = state { throw .accountSuspended(until: until) }
    }

    private static func conflict(_ state: AccountState, _ rule: String) -> ProfileError {
        .accountStateConflict("The account is \(state.name.replacingOccurrences(of: "_", with: " ")); \(rule)")
    }
}
