import ProfileDomain

extension ProfileService {
    /// Everything stored about the caller, as one versioned document (``ProfileDomain/ProfileDataExport``):
    /// account, profile, preferences, media references, the relationships they are part of, their
    /// username history and the holds in their favour.
    ///
    /// Only the owner may export: 401 anonymous, 403 for any other user (before any look-up, so a
    /// stranger learns nothing about which ids exist), 404 when the caller has no record at all
    /// (a registered account without a profile exports with `"profile": null`).
    ///
    /// The record, the edges, the history and the holds are separate reads: a change made between
    /// them shows or not, as it would a moment earlier or later; the record itself is read once,
    /// whole.
    ///
    /// - Throws: 401, 403, 404; 503 when the store is unavailable.
    public func exportData(of target: UserID, for caller: Caller) async throws(ProfileError) -> ProfileDataExport {
        let userID = try owner(target, caller)
        guard let record = try await storedRecord(userID) else { throw .userNotFound }
        let (edges, history, holds) = try await storeCall {
            () async throws(ProfileStoreError) -> ([RelationshipEdge], [UsernameChange], [UsernameHold]) in
            (
                try await store.edges(touching: userID), try await store.usernameHistory(for: userID),
                try await store.holds(heldFor: userID)
            )
        }
        return ProfileDataExport(
            record: record, edges: edges, usernameHistory: history, holds: holds, exportedAt: now())
    }

    /// The caller's own data export; see ``exportData(of:for:)``.
    ///
    /// - Throws: 401 anonymous, 404 without a record.
    public func exportData(for caller: Caller) async throws(ProfileError) -> ProfileDataExport {
        try await exportData(of: try authenticated(caller), for: caller)
    }
}
