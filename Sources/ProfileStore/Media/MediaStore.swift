import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where uploaded media bytes (avatars, profile pictures) live; a record keeps only the
/// ``ProfileDomain/MediaReference``.
///
/// Keys are content-addressed and namespaced by owner (``MediaKey``): identical bytes uploaded
/// twice by one owner share one key, by two owners get two keys. Deleting a key therefore removes
/// the file for every reference *of that owner* to it; deleting one owner's media never touches
/// another owner's. Every key a caller passes in is validated before any I/O
/// (``MediaStoreError/invalidKey(_:)``), so no key reaches outside the store.
///
/// ``InMemoryMediaStore`` and ``FileSystemMediaStore`` implement it here; an object-storage
/// implementation needs only these four operations.
public protocol MediaStore: Sendable {
    /// Stores `bytes` for `owner` and returns the reference to keep in the owner's record.
    ///
    /// Storing bytes that the owner already stored under the same extension returns a reference
    /// with the same key and writes nothing new. A write is atomic: a reader sees the whole file
    /// or none. Fails with ``MediaStoreError/invalidFileExtension(_:)`` for a bad extension and
    /// ``MediaStoreError/io(operation:path:errno:)`` when the write fails (nothing is left behind
    /// under the key).
    func put(
        _ bytes: [UInt8],
        contentType: String,
        fileExtension: String,
        purpose: String,
        owner: UserID
    ) async throws(MediaStoreError) -> MediaReference

    /// The bytes stored under `key`.
    ///
    /// Fails with ``MediaStoreError/invalidKey(_:)`` for a string that is not a ``MediaKey`` and
    /// with ``MediaStoreError/notFound(key:)`` when nothing is stored under it.
    func bytes(for key: String) async throws(MediaStoreError) -> [UInt8]

    /// Deletes what is stored under `key`; `false` when nothing was.
    ///
    /// Fails with ``MediaStoreError/invalidKey(_:)`` for a string that is not a ``MediaKey``.
    @discardableResult
    func delete(key: String) async throws(MediaStoreError) -> Bool

    /// Deletes every file `owner` stored and returns how many; 0 when there were none.
    @discardableResult
    func deleteAll(ownedBy owner: UserID) async throws(MediaStoreError) -> Int
}
