import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Username holds and history: what renames and deletions leave behind (`Docs/Lifecycle.md`).
extension ProfileService {
    /// The hold terms of this service's policy at `date`.
    func holdTerms(at date: Date) -> UsernameHoldTerms {
        UsernameHoldTerms(
            now: date, afterRename: policy.usernameHoldAfterRename, afterDeletion: policy.usernameHoldAfterDeletion)
    }

    /// Deletes `userID`'s record, holding its username under the policy's terms.
    func deleteStoredUser(_ userID: UserID) async throws(ProfileError) -> UserRecord? {
        try await storeCall { () async throws(ProfileStoreError) in
            try await store.deleteUser(userID, holding: holdTerms(at: now()))
        }
    }

    /// The caller's current username, the handles they left and the holds in their favour.
    ///
    /// Owner only: the history says who someone used to be, which a stranger must not learn
    /// from an id.
    ///
    /// - Throws: 401 anonymous, 403 an operator (not a user); 404 when the caller has no
    ///   record.
    public func usernameHistory(for caller: Caller) async throws(ProfileError) -> UsernameHistoryView {
        try await usernameHistory(of: try authenticated(caller), for: caller)
    }

    /// The current username of `target`, the handles they left and the holds in their favour:
    /// the owner's own, or any user's for an operator with
    /// ``ProfileDomain/OperatorScope/readAccounts`` (a support or trust-and-safety tool asking
    /// who an account used to be).
    ///
    /// The operator's scope is checked before the look-up, so an operator without it learns
    /// nothing about which ids exist. A registered account without a profile has a `nil`
    /// username and still answers.
    ///
    /// - Throws: 401 anonymous; 403 for another user, or an operator without the scope; 404 when
    ///   `target` has no record.
    public func usernameHistory(
        of target: UserID, for caller: Caller
    ) async throws(ProfileError)
        -> UsernameHistoryView
    {
        let userID = caller.hasOperatorScope(.readAccounts) ? target : try owner(target, caller)
        guard let record = try await storedRecord(userID) else { throw .userNotFound }
        return try await storeCall { () async throws(ProfileStoreError) in
            UsernameHistoryView(
                username: record.profile?.username,
                history: try await store.usernameHistory(for: userID),
                holds: try await store.holds(heldFor: userID))
        }
    }

    /// Ends the hold on `handle` before its time, so that anyone may claim the name: an
    /// operator's call (scope ``ProfileDomain/OperatorScope/releaseUsernames``), e.g. to settle a
    /// trademark claim or free a deleted user's name.
    ///
    /// - Returns: the released hold (active or already expired).
    /// - Throws: 401 anonymous; 403 for a user or an operator without the scope; 404 when
    ///   `handle` is not a username or no hold covers it.
    @discardableResult
    public func releaseUsernameHold(_ handle: String, for caller: Caller) async throws(ProfileError) -> UsernameHold {
        guard caller != .anonymous else { throw .unauthenticated }
        guard caller.hasOperatorScope(.releaseUsernames) else { throw .forbidden }
        guard let username = Username(lookup: handle) else { throw .holdNotFound }
        let released = try await storeCall { () async throws(ProfileStoreError) in
            try await store.releaseHold(on: username)
        }
        guard let released else { throw .holdNotFound }
        return released
    }

    /// The `profile_moved` error for a lookup of `username` that nobody has: when an active hold
    /// covers it and its holder still has a profile with another name that `caller` may see.
    ///
    /// `nil` (a plain not-found) when there is no hold, it expired, the holder was deleted (the
    /// name stays held, but a deleted user must not be pointed at), has no name, or blocks the
    /// caller (a blocked caller cannot tell a block from a missing user).
    func movedProfileError(_ username: Username, for caller: Caller) async throws(ProfileError) -> ProfileError? {
        let hold = try await storeCall { () async throws(ProfileStoreError) in try await store.hold(on: username) }
        guard let hold, hold.isActive(at: now()), let holder = hold.holder,
            let record = try await storedRecord(holder), let newUsername = record.profile?.username
        else { return nil }
        if let viewer = caller.userID, viewer != holder,
            try await visibleRelationship(of: holder, to: viewer) == nil
        {
            return nil
        }
        return .profileMoved(from: username.rawValue, to: newUsername)
    }
}

extension ProfileError {
    /// No hold covers the username an operator asked to release.
    static let holdNotFound = ProfileError(code: .notFound, message: "No hold on that username")
}
