import ProfileDomain
import ProfileValidation

extension ProfileService {
    /// Stores an uploaded image for the caller and returns its reference and the path it is
    /// served under: `POST /api/v1/profiles/upload-media` (creator). The client then sets the
    /// path as its avatar with an upsert.
    ///
    /// The image is checked by its bytes, never by a file name or declared content type: JPEG,
    /// PNG, GIF, WebP or BMP, within the policy's size and pixel caps.
    ///
    /// - Throws: 401; 404 when the caller has no record; 413 too large; 415 not an accepted
    ///   image; 500 when no media store is configured or it fails.
    public func uploadMedia(
        _ bytes: [UInt8], purpose: String = "media", for caller: Caller
    )
        async throws(ProfileError) -> (reference: MediaReference, path: String)
    {
        let userID = try authenticated(caller)
        let reference = try await storeImage(bytes, purpose: purpose, owner: userID)
        do {
            try await atomically(userID) { record in
                guard var next = record else { throw ProfileError.userNotFound }
                next.media.append(reference)
                record = next
            }
        } catch {
            await deleteMedia([reference])
            throw error
        }
        return (reference, mediaPathPrefix + reference.key)
    }

    /// Checks `bytes` as an image and writes them to the media store.
    func storeImage(_ bytes: [UInt8], purpose: String, owner: UserID) async throws(ProfileError) -> MediaReference {
        let image = try policy.validateImage(bytes)
        guard let media else {
            throw .internalError(underlying: "an image was uploaded but the service has no media store")
        }
        do {
            return try await media.put(
                bytes, contentType: image.format.mimeType, fileExtension: image.format.fileExtension,
                purpose: purpose, owner: owner)
        } catch {
            throw .internalError(underlying: "media store: \(error)")
        }
    }

    /// Deletes stored media, best effort: a file left behind is garbage, not a wrong answer, and
    /// the record no longer references it.
    func deleteMedia(_ references: [MediaReference]) async {
        guard let media else { return }
        for reference in references {
            _ = try? await media.delete(key: reference.key)
        }
    }

    /// Drops the user's earlier uploaded avatars from the record and the media store once a new
    /// one is stored.
    func deleteReplacedAvatars(of userID: UserID, keeping current: MediaReference) async {
        let replaced = try? await atomically(userID) { record -> [MediaReference] in
            guard var next = record else { return [] }
            let old = next.media.filter { $0.purpose == current.purpose && $0.key != current.key }
            guard !old.isEmpty else { return [] }
            next.media.removeAll { old.contains($0) }
            record = next
            return old
        }
        await deleteMedia(replaced ?? [])
    }
}
