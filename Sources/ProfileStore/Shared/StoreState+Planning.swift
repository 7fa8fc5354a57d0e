import ProfileDomain

extension StoreState {
    /// Runs `body` on a copy of `user`'s record and returns its result with the mutation that
    /// stores the outcome, or `nil` for a no-op. The state itself is not changed.
    ///
    /// Order of checks: the version (before `body`, which then is not called), `body` (its error
    /// propagates unchanged), removal and user-id changes, the unique indexes, then username
    /// holds (at `terms.now`, or the wall clock without terms). With `terms`, a changed username
    /// is stored as a `rename` that records and holds the left handle.
    func planUpdate<Value, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms? = nil,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) throws(ProfileStoreFailure<Failure>) -> (result: Value, mutation: StoreMutation?) {
        let current: UserRecord?
        do throws(ProfileStoreError) {
            current = try record(for: user)
        } catch {
            throw .store(error)
        }
        if let expectedVersion {
            let currentVersion = current?.version ?? 0
            guard expectedVersion == currentVersion else {
                throw .store(.versionConflict(expected: expectedVersion, current: currentVersion))
            }
        }
        var candidate = current
        let result: Value
        do {
            result = try body(&candidate)
        } catch {
            throw .rejected(error)
        }
        guard let candidate else {
            guard current == nil else {
                throw .store(.invalidMutation("an update cannot remove the record of user \(user); use deleteUser"))
            }
            return (result, nil)
        }
        guard candidate != current else { return (result, nil) }
        do {
            try checkPut(candidate, as: user)
            try checkHolds(candidate, replacing: current, at: terms?.now)
        } catch {
            throw .store(error)
        }
        return (result, storing(candidate, replacing: current, terms: terms))
    }

    /// ``planUpdate(_:expectingVersion:_:)`` with its outcome as a value, for the stores' locked
    /// sections: a typed error stays out of the `Mutex.withLock` closure, a shape Swift 6.3.1
    /// miscompiled (a null jump at run time) when the error type was generic.
    func plannedUpdate<Value, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms? = nil,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) -> Result<(result: Value, mutation: StoreMutation?), ProfileStoreFailure<Failure>> {
        do {
            return .success(try planUpdate(user, expectingVersion: expectedVersion, holding: terms, body))
        } catch {
            return .failure(error)
        }
    }

    /// Stores the mutation of a planned update with `store` and returns the body's result; a
    /// failure of `store` becomes ``ProfileStoreFailure/store(_:)``.
    static func storing<Value, Failure: Error>(
        _ planned: Result<(result: Value, mutation: StoreMutation?), ProfileStoreFailure<Failure>>,
        with store: (StoreMutation) throws(ProfileStoreError) -> Void
    ) -> Result<Value, ProfileStoreFailure<Failure>> {
        planned.flatMap { planned in
            guard let mutation = planned.mutation else { return .success(planned.result) }
            do throws(ProfileStoreError) {
                try store(mutation)
            } catch {
                return .failure(.store(error))
            }
            return .success(planned.result)
        }
    }

    /// The mutation that makes `follower` follow `followee`, or `nil` when the edge exists.
    ///
    /// Refuses a self-follow and a follow across a block either way
    /// (``ProfileStoreError/invalidRelationship(_:)``) and unknown users
    /// (``ProfileStoreError/notFound``).
    func planFollow(_ follower: UserID, _ followee: UserID) throws(ProfileStoreError) -> StoreMutation? {
        try checkFollow(follower, followee)
        guard !(followees[follower]?.contains(followee) ?? false) else { return nil }
        return .follow(follower: follower, followee: followee)
    }

    /// The mutation that removes the follow `follower` -> `followee`, or `nil` when there is none.
    func planUnfollow(_ follower: UserID, _ followee: UserID) -> StoreMutation? {
        guard followees[follower]?.contains(followee) ?? false else { return nil }
        return .unfollow(follower: follower, followee: followee)
    }

    /// The mutation that makes `blocker` block `blocked`, or `nil` when the block exists.
    ///
    /// Refuses a self-block (``ProfileStoreError/invalidRelationship(_:)``) and unknown users
    /// (``ProfileStoreError/notFound``).
    func planBlock(_ blocker: UserID, _ blocked: UserID) throws(ProfileStoreError) -> StoreMutation? {
        try checkBlock(blocker, blocked)
        guard !(blockees[blocker]?.contains(blocked) ?? false) else { return nil }
        return .block(blocker: blocker, blocked: blocked)
    }

    /// The mutation that removes the block `blocker` -> `blocked`, or `nil` when there is none.
    func planUnblock(_ blocker: UserID, _ blocked: UserID) -> StoreMutation? {
        guard blockees[blocker]?.contains(blocked) ?? false else { return nil }
        return .unblock(blocker: blocker, blocked: blocked)
    }

    /// Throws unless `record` may be stored as the record of `user`.
    func checkPut(_ record: UserRecord, as user: UserID) throws(ProfileStoreError) {
        try checkPut(UserRecordKeys(record), as: user)
    }

    /// Throws unless a record with `keys` may be stored as the record of `user`.
    func checkPut(_ keys: UserRecordKeys, as user: UserID) throws(ProfileStoreError) {
        guard keys.user == user else {
            throw .invalidMutation("the record of user \(user) names user \(keys.user); a user id cannot change")
        }
        if let profile = keys.profile {
            if let profileOwner = keys.profileOwner, profileOwner != user {
                throw .invalidMutation("the profile of user \(user) names user \(profileOwner)")
            }
            if let owner = userByProfileID[profile], owner != user {
                throw .invalidMutation("profile id \(profile) belongs to another user")
            }
        }
        if let usernameKey = keys.usernameKey, let owner = userByUsernameKey[usernameKey], owner != user {
            throw .usernameTaken(keys.username ?? usernameKey)
        }
        if let emailKey = keys.emailKey, let owner = userByEmailKey[emailKey], owner != user {
            throw .emailTaken
        }
    }

    /// Throws unless a follow `follower` -> `followee` may exist.
    func checkFollow(_ follower: UserID, _ followee: UserID) throws(ProfileStoreError) {
        guard follower != followee else { throw .invalidRelationship("a user cannot follow itself") }
        guard records[follower] != nil, records[followee] != nil else { throw .notFound }
        guard !(blockees[follower]?.contains(followee) ?? false) else {
            throw .invalidRelationship("\(follower) blocks \(followee) and cannot follow them")
        }
        guard !(blockees[followee]?.contains(follower) ?? false) else {
            throw .invalidRelationship("\(followee) blocks \(follower), who cannot follow them")
        }
    }

    /// Throws unless a block `blocker` -> `blocked` may exist.
    func checkBlock(_ blocker: UserID, _ blocked: UserID) throws(ProfileStoreError) {
        guard blocker != blocked else { throw .invalidRelationship("a user cannot block itself") }
        guard records[blocker] != nil, records[blocked] != nil else { throw .notFound }
    }
}
