import ProfileDomain
import ProfileStore

/// An in-memory store with one deliberate broken promise, to prove the conformance suite notices.
struct FlawedProfileStore: ForwardingProfileStore {
    enum Flaw: String, CaseIterable, CustomStringConvertible {
        case ignoresExpectedVersion
        case caseSensitiveUsernameLookup
        case allowsSelfFollow
        case deleteKeepsRecord

        var description: String { rawValue }

        /// A phrase of the name of a check that must catch the flaw.
        var caughtBy: String {
            switch self {
            case .ignoresExpectedVersion: "a stale expected version fails"
            case .caseSensitiveUsernameLookup: "username look-up ignores ASCII case"
            case .allowsSelfFollow: "cannot follow or block itself"
            case .deleteKeepsRecord: "deleting a user returns its record"
            }
        }
    }

    let flaw: Flaw
    let inner = InMemoryProfileStore()

    func record(forUsername username: Username) async throws(ProfileStoreError) -> UserRecord? {
        let found = try await inner.record(forUsername: username)
        guard flaw == .caseSensitiveUsernameLookup else { return found }
        return found?.profile?.username?.rawValue == username.rawValue ? found : nil
    }

    func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms?,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value {
        try await inner.update(
            user, expectingVersion: flaw == .ignoresExpectedVersion ? nil : expectedVersion, holding: terms, body)
    }

    func follow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool {
        if flaw == .allowsSelfFollow, follower == followee { return true }
        return try await inner.follow(follower, followee)
    }

    func deleteUser(_ user: UserID, holding terms: UsernameHoldTerms?) async throws(ProfileStoreError) -> UserRecord? {
        guard flaw == .deleteKeepsRecord else { return try await inner.deleteUser(user, holding: terms) }
        return try await inner.record(for: user)
    }
}
