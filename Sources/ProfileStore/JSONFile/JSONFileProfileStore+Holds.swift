import ProfileDomain

/// The hold reads and the operator's release of the JSON-file store.
extension JSONFileProfileStore {
    /// The hold on `username`'s canonical key, active or expired, or `nil`.
    public func hold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? {
        try await read { $0.hold(on: username) }
    }

    /// Every hold of `user`, sorted by canonical key.
    public func holds(heldFor user: UserID) async throws(ProfileStoreError) -> [UsernameHold] {
        try await read { $0.holds(heldFor: user) }
    }

    /// The handles `user` left, oldest first.
    public func usernameHistory(for user: UserID) async throws(ProfileStoreError) -> [UsernameChange] {
        try await read { $0.usernameHistory(for: user) }
    }

    /// Durably ends the hold on `username`'s canonical key; returns it, or `nil` when there was
    /// none.
    public func releaseHold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? {
        defer { snapshotInBackgroundIfDue() }
        return try await durably { (core) throws(ProfileStoreError) -> UsernameHold? in
            let hold = core.state.hold(on: username)
            _ = try core.commit { state in state.planReleaseHold(on: username) }
            return hold
        }.get()
    }
}
