import ProfileDomain
import ProfileValidation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileService {
    /// Stores an uploaded image for the caller and returns its reference and the path it is
    /// served under: `POST /api/v1/profiles/upload-media` (creator). The client then sets the
    /// path as its avatar with an upsert.
    ///
    /// The image is checked by its bytes, never by a file name or declared content type: JPEG,
    /// PNG, GIF, WebP or BMP, within the policy's size and pixel caps. What is stored is the
    /// image without its metadata (location, camera, comments, text; orientation and colour
    /// profile kept): ``ProfileValidation/ValidationPolicy/storableImage(_:field:)``.
    ///
    /// - A user holds at most one *pending* upload per `purpose` (uploaded, not yet the avatar): a
    ///   new upload replaces it and its file is deleted. The upload in use as the avatar stays
    ///   until the avatar changes. Uploading bytes one already holds reuses that file.
    /// - The policy's ``ProfileValidation/MediaQuota`` bounds the files and bytes the caller holds
    ///   after the replacement; an upload beyond it is refused and nothing stored changes.
    ///
    /// - Throws: 401; 404 when the caller has no record; 413 too large or over the media quota;
    ///   415 not an accepted image; 500 when no media store is configured or it fails.
    public func uploadMedia(
        _ bytes: [UInt8], purpose: String = "media", for caller: Caller
    )
        async throws(ProfileError) -> (reference: MediaReference, path: String)
    {
        let userID = try authenticated(caller)
        let reference = try await mediaGate.serialized(userID) { () async throws(ProfileError) in
            try await withStoredImage(bytes, purpose: purpose, owner: userID) { reference throws(ProfileError) in
                try await changingMedia(of: userID) { (record) throws(ProfileError) in
                    guard var next = record else { throw ProfileError.userNotFound }
                    try Self.requireNotSuspended(next.state.effective(at: now()))
                    if !next.media.contains(where: { $0.key == reference.key }) {
                        next.media.append(reference)
                    }
                    record = next
                }
                return reference
            }
        }
        return (reference, mediaPathPrefix + reference.key)
    }

    /// Checks `bytes` as an image, writes them without their metadata to the media store and runs `attach` with the
    /// reference; when `attach` fails, deletes the file again unless the record references it
    /// (the same bytes uploaded earlier share the key). Call it with the user's media gate held.
    func withStoredImage<Result>(
        _ bytes: [UInt8], purpose: String, owner: UserID,
        _ attach: (MediaReference) async throws(ProfileError) -> Result
    ) async throws(ProfileError) -> Result {
        // The stripped bytes are what is hashed (the media key), stored and served.
        let (image, stored) = try policy.storableImage(bytes)
        guard let media else {
            throw .internalError(underlying: "an image was uploaded but the service has no media store")
        }
        let reference: MediaReference
        do {
            reference = try await media.put(
                stored, contentType: image.format.mimeType, fileExtension: image.format.fileExtension,
                purpose: purpose, owner: owner)
        } catch {
            throw .internalError(underlying: "media store: \(error)")
        }
        do {
            return try await attach(reference)
        } catch {
            let stored = (try? await storedRecord(owner)).flatMap { $0 }
            if stored?.media.contains(where: { $0.key == reference.key }) != true {
                await deleteMedia([reference])
            }
            throw error
        }
    }

    /// Runs `body` as one atomic step on `userID`'s record, then keeps the record's media in
    /// bounds and deletes the files the step stopped referencing.
    ///
    /// Inside the step, after `body`: an upload that was the avatar and no longer is (replaced or
    /// cleared) is dropped, and so is a pending upload of a purpose the step uploaded again; a step
    /// that added a file must fit ``ProfileValidation/ValidationPolicy/mediaQuota``. The step is
    /// committed *before* any file is deleted: a crash in between leaves an orphan file, never a
    /// reference to a missing one. Call it with the user's media gate held.
    func changingMedia<Value: Sendable>(
        of userID: UserID,
        expectingVersion expectedVersion: Int? = nil,
        at date: Date? = nil,
        _ body: (inout UserRecord?) throws(ProfileError) -> Value
    ) async throws(ProfileError) -> Value {
        let quota = policy.mediaQuota
        let (result, dropped) = try await atomically(userID, expectingVersion: expectedVersion, at: date) {
            (record) throws(ProfileError) -> (Value, [MediaReference]) in
            let before = record
            let result = try body(&record)
            guard var next = record, !(next.media.isEmpty && (before?.media.isEmpty ?? true)) else {
                return (result, [])
            }
            next.media = keptMedia(next.media, before: before, after: next)
            let added = next.media.contains { new in !(before?.media.contains { $0.key == new.key } ?? false) }
            if added { try quota.check(next.media) }
            record = next
            let dropped = (before?.media ?? []).filter { old in !next.media.contains { $0.key == old.key } }
            return (result, dropped)
        }
        await deleteMedia(dropped)
        return result
    }

    /// The references a record keeps after a step turned `before` into `after`.
    private func keptMedia(_ media: [MediaReference], before: UserRecord?, after: UserRecord) -> [MediaReference] {
        let attachedBefore = attachedMediaKey(of: before)
        let attachedAfter = attachedMediaKey(of: after)
        let previousKeys = Set(before?.media.map(\.key) ?? [])
        let newPurposes = Set(media.filter { !previousKeys.contains($0.key) }.map(\.purpose))
        return media.filter { reference in
            if reference.key == attachedAfter { return true }
            if reference.key == attachedBefore { return false }
            let isNew = !previousKeys.contains(reference.key)
            return isNew || !newPurposes.contains(reference.purpose)
        }
    }

    /// The media key the record's avatar points at, when the avatar is one of its uploads.
    func attachedMediaKey(of record: UserRecord?) -> String? {
        guard let avatar = record?.profile?.avatar, avatar.hasPrefix(mediaPathPrefix) else { return nil }
        return String(avatar.dropFirst(mediaPathPrefix.count))
    }

    /// Deletes stored media, best effort: a file left behind is garbage, not a wrong answer, and
    /// the record no longer references it.
    func deleteMedia(_ references: [MediaReference]) async {
        guard let media else { return }
        for reference in Set(references.map(\.key)) {
            _ = try? await media.delete(key: reference)
        }
    }
}
