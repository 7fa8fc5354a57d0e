import ProfileDomain

extension InMemoryProfileStore: UsernameHoldingStore {
    /// Runs `body` under the lock like ``update(_:expectingVersion:_:)``, keeping username holds
    /// and history under `terms`; see ``UsernameHoldingStore``.
    public func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value {
        try update(user, expectingVersion: expectedVersion, terms: terms, body)
    }

    /// Removes `user` like ``deleteUser(_:)`` and holds its username under `terms.afterDeletion`.
    public func deleteUser(
        _ user: UserID, holding terms: UsernameHoldTerms
    ) async throws(ProfileStoreError)
        -> UserRecord?
    {
        try deleteUser(user, terms: terms)
    }

    /// The hold on `username`'s canonical key, active or expired, or `nil`.
    public func hold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? {
        state.withLock { $0.hold(on: username) }
    }

    /// Every hold of `user`, sorted by canonical key.
    public func holds(heldFor user: UserID) async throws(ProfileStoreError) -> [UsernameHold] {
        state.withLock { $0.holds(heldFor: user) }
    }

    /// The handles `user` left, oldest first.
    public func usernameHistory(for user: UserID) async throws(ProfileStoreError) -> [UsernameChange] {
        state.withLock { $0.usernameHistory(for: user) }
    }

    /// Ends the hold on `username`'s canonical key; returns it, or `nil` when there was none.
    public func releaseHold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? {
        try state.withLock { state throws(ProfileStoreError) in
            let hold = state.hold(on: username)
            if let mutation = state.planReleaseHold(on: username) { try state.apply(mutation) }
            return hold
        }
    }
}
