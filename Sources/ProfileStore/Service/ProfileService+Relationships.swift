import ProfileDomain

extension ProfileService {
    /// The caller follows `target`. Idempotent.
    ///
    /// - Throws: 401; 400 for oneself or when the caller has blocked `target` (unblock first);
    ///   404 when `target` is not visible to the caller: unknown, without a profile, or blocking
    ///   the caller. The three answer alike and nothing changes.
    /// - Returns: the relationship from the caller's side afterwards.
    @discardableResult
    public func follow(_ target: UserID, for caller: Caller) async throws(ProfileError) -> Relationship {
        let me = try authenticated(caller)
        guard me != target else { throw Self.relationshipRefused("You cannot follow yourself") }
        do {
            return try await changeRelationship(with: target, by: me, whenHidden: .refuse) {
                (store, me) async throws(ProfileStoreError) in
                _ = try await store.follow(me, target)
            }
        } catch  where error.code == .invalidRelationship {
            // The target is visible, so the block in the way is the caller's own. The store's
            // reason names both users; the caller is told only what they did.
            throw Self.relationshipRefused("You have blocked this user; unblock them before following")
        }
    }

    /// The caller stops following `target`. Idempotent.
    ///
    /// Answers the relationship afterwards, or ``ProfileDomain/Relationship/none`` when `target`
    /// is not visible to the caller (unknown, without a profile, or blocking the caller): the
    /// same answer in all three cases. The caller's own edge is removed in every case.
    ///
    /// - Throws: 401.
    @discardableResult
    public func unfollow(_ target: UserID, for caller: Caller) async throws(ProfileError) -> Relationship {
        let me = try authenticated(caller)
        return try await changeRelationship(with: target, by: me, whenHidden: .changeAndAnswerNone) {
            (store, me) async throws(ProfileStoreError) in
            _ = try await store.unfollow(me, target)
        }
    }

    /// The caller blocks `target`: follows both ways are removed and cannot be made again, and
    /// `target` sees the caller as a missing user. Idempotent.
    ///
    /// - Throws: 401; 400 for oneself; 404 when `target` is not visible to the caller (unknown,
    ///   without a profile, or blocking the caller), exactly as for a missing user. A block is a
    ///   safety tool, so it is still recorded when `target` exists: it holds once they unblock you
    ///   or create their profile.
    @discardableResult
    public func block(_ target: UserID, for caller: Caller) async throws(ProfileError) -> Relationship {
        let me = try authenticated(caller)
        guard me != target else { throw Self.relationshipRefused("You cannot block yourself") }
        return try await changeRelationship(with: target, by: me, whenHidden: .changeAndAnswerNotFound) {
            (store, me) async throws(ProfileStoreError) in
            _ = try await store.block(me, target)
        }
    }

    /// The caller lifts a block of `target`; removed follows are not restored. Idempotent.
    ///
    /// Like ``unfollow(_:for:)``: the caller's own block is removed whoever `target` is, and the
    /// answer is ``ProfileDomain/Relationship/none`` when `target` is not visible to the caller.
    ///
    /// - Throws: 401.
    @discardableResult
    public func unblock(_ target: UserID, for caller: Caller) async throws(ProfileError) -> Relationship {
        let me = try authenticated(caller)
        return try await changeRelationship(with: target, by: me, whenHidden: .changeAndAnswerNone) {
            (store, me) async throws(ProfileStoreError) in
            _ = try await store.unblock(me, target)
        }
    }

    /// The edges between `viewer` and `subject`, or `nil` when `subject` is not visible to
    /// `viewer`: no record, no profile, an account that is not active (deactivated, suspended,
    /// pending deletion), or a block of `viewer`. Everything that names another user answers an
    /// invisible one exactly as a missing one.
    func visibleRelationship(of subject: UserID, to viewer: UserID) async throws(ProfileError) -> Relationship? {
        guard let record = try await storedRecord(subject), record.profile != nil,
            record.state.effective(at: now()) == .active
        else { return nil }
        let edges = try await storeCall { () async throws(ProfileStoreError) in
            try await store.relationship(between: viewer, and: subject)
        }
        return edges.isBlockedBy ? nil : edges
    }

    private static func relationshipRefused(_ message: String) -> ProfileError {
        ProfileError(code: .invalidRelationship, message: message)
    }

    /// What a relationship call does when the target is not visible to the caller.
    private enum HiddenTarget {
        /// 404 before any change (follow: one cannot follow a user one cannot see).
        case refuse
        /// The change is made when the target exists, then 404 (block).
        case changeAndAnswerNotFound
        /// The change is made, then ``ProfileDomain/Relationship/none`` (unfollow, unblock).
        case changeAndAnswerNone
    }

    /// Applies `change` and answers the relationship afterwards.
    ///
    /// Visibility is read again after the change, so that a block or deletion racing it still
    /// yields the missing-user answer rather than `isBlockedBy`.
    private func changeRelationship(
        with target: UserID,
        by me: UserID,
        whenHidden: HiddenTarget,
        _ change: (any ProfileStore, UserID) async throws(ProfileStoreError) -> Void
    ) async throws(ProfileError) -> Relationship {
        if let mine = try await storedRecord(me) { try Self.requireNotSuspended(mine.state.effective(at: now())) }
        if whenHidden == .refuse, try await visibleRelationship(of: target, to: me) == nil {
            throw .userNotFound
        }
        do {
            try await storeCall { () async throws(ProfileStoreError) in try await change(store, me) }
        } catch  where error.code == .invalidRelationship || error.code == .notFound {
            if try await visibleRelationship(of: target, to: me) == nil { throw .userNotFound }
            throw error
        }
        guard let edges = try await visibleRelationship(of: target, to: me) else {
            if whenHidden == .changeAndAnswerNone { return .none }
            throw .userNotFound
        }
        return edges
    }
}
