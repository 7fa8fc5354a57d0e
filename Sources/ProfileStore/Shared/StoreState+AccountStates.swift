import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension StoreState {
    /// The users whose deletion is due at `now` (pending deletion with `purgeAfter <= now`),
    /// sorted by user id.
    ///
    /// Reads only the records indexed as having an account state, so a purge run over a large
    /// store decodes the few non-active records and nothing else. Throws as ``record(for:)``.
    func usersPendingDeletion(dueAt now: Date) throws(ProfileStoreError) -> [UserID] {
        var due: [UserID] = []
        for user in usersWithAccountState.sorted() {
            guard case .pendingDeletion(_, let purgeAfter)? = try record(for: user)?.state else { continue }
            if purgeAfter <= now { due.append(user) }
        }
        return due
    }
}
