import ProfileDomain
import ProfileValidation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileService {
    /// Creates the caller's profile when it is missing and merges the update into it when it
    /// exists, in one atomic step: `PUT /api/v1/profiles/me` (creator), `PUT /profile/update`
    /// (social) and `POST /mobile/user/profile` (mobile).
    ///
    /// - On create, the policy's required fields must be present (the creator spec's username,
    ///   display name, bio and niche). On update, absent fields keep their values and the merged
    ///   profile must satisfy every rule; `null` for a required field is a 422, never a wipe.
    /// - An update that only touches preferences does not create a profile unless the policy
    ///   requires profile fields on create.
    /// - The username's uniqueness is checked inside the store's atomic step (409).
    /// - `update.expectedVersion` is the `If-Match` version (412 when stale; 0 before a profile).
    /// - A no-op update writes nothing and leaves `updatedAt` and the version alone.
    /// - An uploaded avatar that is replaced or cleared (`null`) is dropped from the record and
    ///   its file deleted once the update is stored.
    ///
    /// - Throws: 401 anonymous; 422 validation (every field error at once); 409 username or
    ///   email taken; 412 stale version; 500 store failure.
    public func upsertProfile(
        _ update: ProfileUpdate, for caller: Caller
    ) async throws(ProfileError)
        -> ProfileUpdateResult
    {
        let userID = try authenticated(caller)
        return try await applySerializingMedia(update, to: userID, requireRecord: false)
    }

    /// The caller's own view with every private field: `GET /api/v1/profiles/me` and
    /// `GET /api/v1/users/me` (creator), `GET /profile/me` (social), `GET /mobile/user/profile`,
    /// the Django profile view.
    ///
    /// Allowed in every account state, a suspension included: the owner can see what they hold
    /// (the writes are what a suspension refuses).
    ///
    /// - Throws: 401 anonymous; 404 when the store has no record of the caller. A record without
    ///   a profile is returned with ``ProfileDomain/OwnerProfileView/profile`` `nil`: the creator
    ///   wire format renders that as 404 "Profile not found", the mobile one as defaults.
    public func ownProfile(for caller: Caller) async throws(ProfileError) -> OwnerProfileView {
        let userID = try authenticated(caller)
        guard let record = try await storedRecord(userID) else { throw .userNotFound }
        return try await ownerView(of: record)
    }

    /// The public view of the user with id `userID`: `GET /profile/id/{userId}`.
    ///
    /// Anyone may call it. An authenticated caller looking at someone else also gets the
    /// relationship flags; looking at oneself sets `isOwnProfile`.
    ///
    /// - Throws: 404 when the id is malformed or unknown, the user has no profile yet, or the user
    ///   has blocked the caller: the same answer in every case, so a stranger cannot tell which ids
    ///   are registered and a blocked caller cannot tell a block from a missing user
    ///   (`isBlockedBy` is never `true` in a successful response).
    public func publicProfile(
        userID rawUserID: String, for caller: Caller
    ) async throws(ProfileError)
        -> PublicProfileView
    {
        guard let userID = UserID(rawUserID) else { throw .userNotFound }
        return try await publicView(of: try await storedRecord(userID), for: caller)
    }

    /// The public view of the user whose username is `handle`: `GET /profile/u/{username}`.
    /// `@john_doe` and `John_Doe` find `john_doe`.
    ///
    /// A handle that a profile left and that is still held for it answers where the profile went
    /// (`profile_moved`, naming the new handle) unless the caller could not see that profile;
    /// see `Docs/Lifecycle.md`.
    ///
    /// - Throws: 404 when the handle is not a username, unknown, or its owner blocked the caller;
    ///   `profile_moved` for a held old handle of a visible profile.
    public func publicProfile(
        username handle: String, for caller: Caller
    ) async throws(ProfileError)
        -> PublicProfileView
    {
        guard let username = Username(lookup: handle) else { throw .userNotFound }
        let record = try await storeCall { () async throws(ProfileStoreError) in
            try await store.record(forUsername: username)
        }
        if record == nil, let moved = try await movedProfileError(username, for: caller) { throw moved }
        return try await publicView(of: record, for: caller)
    }

    /// The public view of `record` for `caller`; 404 unless the record has a profile, its account
    /// is not deactivated or pending deletion, and its owner does not block the caller, so that a
    /// stranger cannot tell those cases from a missing user. A suspended account is 403
    /// `account_suspended` (after the profile check: without a profile it is a missing user).
    func publicView(of record: UserRecord?, for caller: Caller) async throws(ProfileError) -> PublicProfileView {
        guard let record, record.profile != nil else { throw .userNotFound }
        let state = record.state.effective(at: now())
        guard !state.isHidden else { throw .userNotFound }
        try Self.requireNotSuspended(state)
        let subject = record.userID
        let relationship: Relationship?
        if let viewer = caller.userID, viewer != subject {
            guard let edges = try await visibleRelationship(of: subject, to: viewer) else { throw .userNotFound }
            relationship = edges
        } else {
            relationship = nil
        }
        return PublicProfileView(
            record: record, socialCounts: try await socialCounts(of: subject), caller: caller,
            relationship: relationship)
    }

    /// ``apply(_:to:requireRecord:uploadedAvatar:policy:)`` under the user's media gate when the
    /// update names the avatar: changing it may drop an upload and delete its file.
    func applySerializingMedia(
        _ update: ProfileUpdate, to userID: UserID, requireRecord: Bool
    ) async throws(ProfileError) -> ProfileUpdateResult {
        if case .absent = update.profile.avatar {
            return try await apply(update, to: userID, requireRecord: requireRecord)
        }
        return try await mediaGate.serialized(userID) { () async throws(ProfileError) in
            try await apply(update, to: userID, requireRecord: requireRecord)
        }
    }

    /// Validates and applies `update` to `userID`'s record in one store step, with an optional
    /// freshly uploaded avatar to attach.
    func apply(
        _ update: ProfileUpdate,
        to userID: UserID,
        requireRecord: Bool,
        uploadedAvatar: MediaReference? = nil,
        policy: ValidationPolicy? = nil
    ) async throws(ProfileError) -> ProfileUpdateResult {
        let policy = policy ?? self.policy
        let date = now()
        let outcome = try await changingMedia(of: userID, expectingVersion: update.expectedVersion, at: date) {
            (record) throws(ProfileError) in
            if requireRecord, record == nil { throw ProfileError.userNotFound }
            if let record { try Self.requireNotSuspended(record.state.effective(at: date)) }
            var next = record ?? UserRecord(account: Account(userID: userID, createdAt: date))
            let outcome = try merge(update, into: &next, uploadedAvatar: uploadedAvatar, policy: policy, at: date)
            record = next
            return outcome
        }
        return ProfileUpdateResult(
            view: try await ownerView(of: outcome.record),
            created: outcome.created,
            changedFields: outcome.changedFields,
            accountChanged: outcome.accountChanged,
            preferencesChanged: outcome.preferencesChanged
        )
    }

    /// The pure part of an update: validation of the whole request against the stored record,
    /// then the three merges. Runs inside the store's atomic step.
    private func merge(
        _ update: ProfileUpdate,
        into record: inout UserRecord,
        uploadedAvatar: MediaReference?,
        policy: ValidationPolicy,
        at date: Date
    ) throws(ProfileError) -> UpdateOutcome {
        var update = update
        let ownUpload = ownUploadedAvatar(in: update.profile.avatar, of: record, policy: policy)
        if ownUpload != nil { update.profile.avatar = .absent }
        var clean: ValidatedProfileUpdate
        do {
            clean = try policy.validate(update, against: record, at: date)
        } catch {
            throw error.profileError
        }
        if let ownUpload { clean = clean.settingAvatar(ownUpload) }
        if let uploadedAvatar {
            clean = clean.settingAvatar(mediaPathPrefix + uploadedAvatar.key)
            if !record.media.contains(where: { $0.key == uploadedAvatar.key }) {
                record.media.append(uploadedAvatar)
            }
        }

        var created = false
        var changedFields: [ProfileField] = []
        if let profile = record.profile {
            let merge = profile.applying(clean.profile, at: date)
            record.profile = merge.profile
            changedFields = merge.changedFields
        } else if !clean.profile.isEmpty || !policy.requiredOnCreate.isEmpty {
            record.profile = Profile.creating(from: clean.profile, userID: record.userID, at: date)
            created = true
            changedFields = clean.profile.presentFields
        }
        let account = record.account.applying(clean.account)
        record.account = account.account
        let preferences = record.preferences.applying(clean.preferences, at: date)
        record.preferences = preferences.preferences
        return UpdateOutcome(
            record: record,
            created: created,
            changedFields: changedFields,
            accountChanged: account.changed,
            preferencesChanged: preferences.changed
        )
    }

    /// The media path `avatar` names when it is one of the caller's own uploads (the `url` that
    /// `POST /api/v1/profiles/upload-media` answered), else `nil`.
    ///
    /// Such a path is not an https URL, so the image-URL rule would refuse the very value the
    /// upload told the client to send; it is accepted instead because the record proves the
    /// upload is the caller's. Only where the policy lets the avatar be set at all.
    private func ownUploadedAvatar(
        in avatar: PatchField<String>, of record: UserRecord, policy: ValidationPolicy
    ) -> String? {
        guard policy.updatableFields.contains(.avatar), case .value(let raw) = avatar else { return nil }
        let path = String(raw.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard path.hasPrefix(mediaPathPrefix) else { return nil }
        let key = path.dropFirst(mediaPathPrefix.count)
        return record.media.contains { $0.key == key } ? path : nil
    }
}

/// What one atomic update step produced.
struct UpdateOutcome: Sendable {
    var record: UserRecord
    var created: Bool
    var changedFields: [ProfileField]
    var accountChanged: Bool
    var preferencesChanged: Bool
}
