import ProfileDomain

extension ProfileService {
    /// The caller follows `target`. Idempotent.
    ///
    /// - Throws: 401; 400 for oneself or when the caller has blocked `target` (unblock first);
    ///   404 for an unknown target and for a target who has blocked the caller, which that caller
    ///   cannot tell from a missing user, as with the profile views.
    /// - Returns: the relationship from the caller's side afterwards.
    @discardableResult
    public func follow(_ target: UserID, for caller: Caller) async throws(ProfileError) -> Relationship {
        let me = try authenticated(caller)
        guard me != target else { throw Self.relationshipRefused("You cannot follow yourself") }
        do {
            return try await changeRelationship(with: target, for: caller) {
                (store, me) async throws(ProfileStoreError) in
                _ = try await store.follow(me, target)
            }
        } catch  where error.code == .invalidRelationship {
            // The store's reason names both users and who blocks whom; the caller may only learn
            // about their own block.
            let edges = try await storeCall { () async throws(ProfileStoreError) in
                try await store.relationship(between: me, and: target)
            }
            if edges.isBlockedBy { throw .userNotFound }
            throw Self.relationshipRefused("You have blocked this user; unblock them before following")
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
    ///
    /// - Throws: 401; 400 for oneself; 404 unknown target.
    @discardableResult
    public func block(_ target: UserID, for caller: Caller) async throws(ProfileError) -> Relationship {
        guard caller.userID != target else { throw Self.relationshipRefused("You cannot block yourself") }
        return try await changeRelationship(with: target, for: caller) { (store, me) async throws(ProfileStoreError) in
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

    private static func relationshipRefused(_ message: String) -> ProfileError {
        ProfileError(code: .invalidRelationship, status: .badRequest, message: message)
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
