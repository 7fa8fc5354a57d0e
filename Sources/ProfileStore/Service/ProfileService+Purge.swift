import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileService {
    /// Deletes every account whose pending deletion's grace period has ended at the service's
    /// clock, with the cascade of ``deleteUser(_:for:)`` (edges, media): what a server runs
    /// periodically (the reference server on a timer). Not a route: no caller, the server is the
    /// authority.
    ///
    /// Each account is checked again inside an atomic store step before it is deleted, so one
    /// whose owner cancelled in time is left alone; a cancel after the grace period is refused,
    /// so none can slip in between that check and the deletion.
    ///
    /// - Returns: the users deleted, sorted.
    /// - Throws: a store failure (500/503); the users deleted before it stay deleted.
    @discardableResult
    public func purgeExpiredDeletions() async throws(ProfileError) -> [UserID] {
        let date = now()
        let due = try await storeCall { () async throws(ProfileStoreError) in
            try await store.usersPendingDeletion(dueAt: date)
        }
        var purged: [UserID] = []
        for user in due where try await purge(user, ifDueAt: date, early: false) {
            purged.append(user)
        }
        return purged
    }

    /// Purges the pending deletion of `target` now, before its grace period ends.
    ///
    /// - Throws: 403 unless an operator with ``ProfileDomain/OperatorScope/purgeAccounts`` (401
    ///   anonymous); 404 unknown; 409 `account_state_conflict` when no deletion is pending (an
    ///   operator purges what the owner asked for, never an account on its own).
    /// - Returns: the deleted record.
    @discardableResult
    public func purgeAccount(_ target: UserID, for caller: Caller) async throws(ProfileError) -> UserRecord {
        try requireOperator(caller, .purgeAccounts)
        guard let removed = try await purgeReturningRecord(target, ifDueAt: now(), early: true) else {
            throw .accountStateConflict("The account has no pending deletion to purge")
        }
        return removed
    }

    private func purge(_ user: UserID, ifDueAt date: Date, early: Bool) async throws(ProfileError) -> Bool {
        do {
            return try await purgeReturningRecord(user, ifDueAt: date, early: early) != nil
        } catch  where error.code == .notFound {
            return false
        }
    }

    /// Under the user's media gate: one atomic step confirms the deletion is pending (and due,
    /// unless `early`, which ends the grace period at `date` so that a cancel from then on is
    /// refused), then the record and its media go. `nil` when no deletion is pending or due.
    private func purgeReturningRecord(
        _ user: UserID, ifDueAt date: Date, early: Bool
    ) async throws(ProfileError) -> UserRecord? {
        try await mediaGate.serialized(user) { () async throws(ProfileError) -> UserRecord? in
            let confirmed = try await atomically(user) { (record) throws(ProfileError) -> Bool in
                guard var next = record else { throw ProfileError.userNotFound }
                guard case .pendingDeletion(let requestedAt, let purgeAfter) = next.state else { return false }
                if purgeAfter <= date { return true }
                guard early else { return false }
                next.state = .pendingDeletion(requestedAt: requestedAt, purgeAfter: date)
                record = next
                return true
            }
            return confirmed ? try await deleteRecordAndMedia(user) : nil
        }
    }
}
