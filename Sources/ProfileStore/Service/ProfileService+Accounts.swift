import ProfileDomain
import ProfileValidation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileService {
    /// Records an account as the server's identity provider knows it: a trusted, server-side
    /// call made at registration or after the identity provider changed a verification flag,
    /// 2FA, the lock or the roles. Never call it with values from a client body.
    ///
    /// Creates the record when it is missing; otherwise replaces the account and keeps the
    /// profile, preferences and media.
    ///
    /// - Throws: 409 when the email belongs to another account; 500 store failure.
    @discardableResult
    public func registerAccount(_ account: Account) async throws(ProfileError) -> Account {
        try await atomically(account.userID) { record in
            if var existing = record {
                existing.account = account
                record = existing
            } else {
                record = UserRecord(account: account)
            }
            return account
        }
    }

    /// Changes the caller's username: `POST /api/v1/account/username/change` (social).
    ///
    /// - The new name must satisfy the policy (length, characters, reserved names) and be free
    ///   (409); the check and the write are one atomic step.
    /// - The policy's ``ProfileValidation/ValidationPolicy/usernameChangeCooldown`` applies
    ///   between two renames (422, code `too_soon`, naming the date it ends). Claiming a first
    ///   name starts no cooldown; a case-only change (`john` to `John`) is a rename. Asking for
    ///   the name one already has is a no-op. The same rules hold for a username sent in an upsert.
    /// - The old name goes into the profile's username history and is held for the caller for
    ///   the policy's ``ProfileValidation/ValidationPolicy/usernameHoldAfterRename``, in the
    ///   same store step.
    ///   A name another user holds is refused with 409 `username_held`; the caller's own held
    ///   name is theirs to reclaim.
    /// - Creates an empty profile holding the name when the caller has none.
    ///
    /// - Throws: 401; 422 invalid, reserved or too soon; 409 taken or held; 412 stale version.
    public func changeUsername(
        to newUsername: String, expectedVersion: Int? = nil, for caller: Caller
    )
        async throws(ProfileError) -> ProfileUpdateResult
    {
        let userID = try authenticated(caller)
        let update = ProfileUpdate(
            profile: ProfilePatch(username: .value(newUsername)), expectedVersion: expectedVersion)
        // The account operation is the one place a policy that keeps usernames out of profile
        // updates (the social spec's) lets one through.
        var policy = self.policy
        policy.updatableFields.insert(.username)
        return try await apply(update, to: userID, requireRecord: false, policy: policy)
    }

    /// Updates the user `target`: `PUT /api/users/update-profile/<pk>/` (Django), a partial
    /// update with an optional avatar image.
    ///
    /// - Only the user themself may update (403 for anyone else, before any look-up, so a
    ///   stranger learns nothing about which ids exist); the target must exist (404).
    /// - `avatar`, when given, is checked by its bytes (magic numbers, size, pixel dimensions),
    ///   stored in the media store and set as the profile's avatar in the same atomic step as
    ///   the rest of the update. (The Django spec's own view tests `'avatars'` but reads
    ///   `'avatar'`, so its upload never happens; here it does.) The replaced uploaded avatar is
    ///   dropped in the same step and its file deleted once the update is stored.
    ///
    /// - Throws: 401, 403, 404; 413 or 415 for a bad image, 413 over the media quota; 422
    ///   validation; 409 email taken.
    public func updateUser(
        _ target: UserID,
        with update: ProfileUpdate,
        avatar: [UInt8]? = nil,
        for caller: Caller
    ) async throws(ProfileError) -> ProfileUpdateResult {
        let userID = try owner(target, caller)
        guard let avatar else {
            return try await applySerializingMedia(update, to: userID, requireRecord: true)
        }
        return try await mediaGate.serialized(userID) { () async throws(ProfileError) in
            guard try await storedRecord(userID) != nil else { throw .userNotFound }
            return try await withStoredImage(avatar, purpose: "avatar", owner: userID) {
                reference throws(ProfileError) in
                try await apply(update, to: userID, requireRecord: true, uploadedAvatar: reference)
            }
        }
    }

    /// Deletes the user `target` and everything that is theirs: account, profile, preferences,
    /// follows and blocks both ways, uploaded media. `DELETE /api/users/delete/<user_id>/`.
    ///
    /// Only the user themself may delete (the Django spec's endpoint deletes any id it is given,
    /// an IDOR this method makes impossible): 401 anonymous, 403 anyone else, 404 unknown, 403
    /// `account_suspended` while suspended. Immediate, with no grace period: the Django spec
    /// promises a permanent deletion; ``requestDeletion(_:for:)`` is the one with a grace period.
    /// The email is free at once; the username is held for the policy's
    /// ``ProfileValidation/ValidationPolicy/usernameHoldAfterDeletion`` and the username history is
    /// deleted. The record is deleted first, then every media file the user owns (referenced or
    /// orphaned by a crash), so no record ever names a missing file.
    ///
    /// - Returns: the deleted record.
    @discardableResult
    public func deleteUser(_ target: UserID, for caller: Caller) async throws(ProfileError) -> UserRecord {
        let userID = try owner(target, caller)
        return try await mediaGate.serialized(userID) { () async throws(ProfileError) in
            if let record = try await storedRecord(userID) {
                try Self.requireNotSuspended(record.state.effective(at: now()))
            }
            return try await deleteRecordAndMedia(userID)
        }
    }

    /// Deletes the record of `userID` with its edges, then every media file it owns; 404 when
    /// there is no record. Call it with the user's media gate held.
    func deleteRecordAndMedia(_ userID: UserID) async throws(ProfileError) -> UserRecord {
        guard let removed = try await deleteStoredUser(userID) else { throw .userNotFound }
        // Every file of the owner, orphans included; the references one by one if that fails.
        if (try? await media?.deleteAll(ownedBy: userID)) == nil {
            await deleteMedia(removed.media)
        }
        return removed
    }
}
