import ProfileDomain
import ProfileStore

/// A wrapper around a holding store forwards the hold operations too, so the conformance
/// suite's hold checks see the inner store's holds.
extension ForwardingProfileStore where Inner: UsernameHoldingStore {
    func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value {
        try await inner.update(user, expectingVersion: expectedVersion, holding: terms, body)
    }

    func deleteUser(_ user: UserID, holding terms: UsernameHoldTerms) async throws(ProfileStoreError) -> UserRecord? {
        try await inner.deleteUser(user, holding: terms)
    }

    func hold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? {
        try await inner.hold(on: username)
    }

    func holds(heldFor user: UserID) async throws(ProfileStoreError) -> [UsernameHold] {
        try await inner.holds(heldFor: user)
    }

    func usernameHistory(for user: UserID) async throws(ProfileStoreError) -> [UsernameChange] {
        try await inner.usernameHistory(for: user)
    }

    func releaseHold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? {
        try await inner.releaseHold(on: username)
    }
}

extension JSONFileTemporaryStore: UsernameHoldingStore {}
