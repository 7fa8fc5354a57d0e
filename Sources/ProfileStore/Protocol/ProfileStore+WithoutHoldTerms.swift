import ProfileDomain

/// The update and deletion without hold terms, for callers that keep no holds (tests, tools,
/// imports): each store implements the terms-taking requirement once, and these pass `nil`.
extension ProfileStore {
    /// ``update(_:expectingVersion:holding:_:)`` with no hold terms: a claim is checked against
    /// holds at the wall clock, and nothing is held or recorded in the username history.
    public func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value {
        try await update(user, expectingVersion: expectedVersion, holding: nil, body)
    }

    /// ``deleteUser(_:holding:)`` with no hold terms: the username is free at once.
    ///
    /// - Returns: the removed record, or `nil` when there was none.
    public func deleteUser(_ user: UserID) async throws(ProfileStoreError) -> UserRecord? {
        try await deleteUser(user, holding: nil)
    }
}
