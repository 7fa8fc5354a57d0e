import ProfileDomain

/// The hold reads and the operator's release of the in-memory store.
extension InMemoryProfileStore {
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
