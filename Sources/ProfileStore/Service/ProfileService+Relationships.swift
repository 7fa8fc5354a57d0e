import ProfileDomain

extension ProfileService {
    /// The caller follows `target`. Idempotent.
    ///
    /// - Throws: 401; 400 for oneself or across a block (either way); 404 unknown target.
    /// - Returns: the relationship from the caller's side afterwards.
    @discardableResult
    public func follow(_ target: UserID, for caller: Caller) async throws(ProfileError) -> Relationship {
        try await changeRelationship(with: target, for: caller) { (store, me) async throws(ProfileStoreError) in
            _ = try await store.follow(me, target)
        }
    }

    /// The caller stops following `target`. Idempotent.
    @discardableResult
    public func unfollow(_ target: UserID, for caller: Caller) async throws(ProfileError) -> Relationship {
        try await changeRelationship(with: target, for: caller) { (store, me) async throws(ProfileStoreError) in
            _ = try await store.unfollow(me, target)
        }
    }

    /// The caller blocks `target`: follows both ways are removed and cannot be made again, and
    /// `target` sees 404 for the caller's profile. Idempotent.
    @discardableResult
    public func block(_ target: UserID, for caller: Caller) async throws(ProfileError) -> Relationship {
        try await changeRelationship(with: target, for: caller) { (store, me) async throws(ProfileStoreError) in
            _ = try await store.block(me, target)
        }
    }

    /// The caller lifts a block of `target`; removed follows are not restored. Idempotent.
    @discardableResult
    public func unblock(_ target: UserID, for caller: Caller) async throws(ProfileError) -> Relationship {
        try await changeRelationship(with: target, for: caller) { (store, me) async throws(ProfileStoreError) in
            _ = try await store.unblock(me, target)
        }
    }

    private func changeRelationship(
        with target: UserID,
        for caller: Caller,
        _ change: (any ProfileStore, UserID) async throws(ProfileStoreError) -> Void
    ) async throws(ProfileError) -> Relationship {
        let me = try authenticated(caller)
        return try await storeCall { () async throws(ProfileStoreError) in
            try await change(store, me)
            return try await store.relationship(between: me, and: target)
        }
    }
}
