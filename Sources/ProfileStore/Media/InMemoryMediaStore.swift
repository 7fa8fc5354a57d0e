import ProfileDomain
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A ``MediaStore`` in memory behind one lock: for tests and servers that keep nothing on exit.
public final class InMemoryMediaStore: MediaStore {
    private let files: Mutex<[MediaKey: [UInt8]]>
    private let now: @Sendable () -> Date

    /// Creates an empty store; `now` stamps each reference's `createdAt`.
    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.files = Mutex([:])
        self.now = now
    }

    /// The keys stored, sorted.
    public var keys: [String] {
        files.withLock { $0.keys.map(\.rawValue).sorted() }
    }

    /// Stores `bytes` for `owner`; see ``MediaStore/put(_:contentType:fileExtension:purpose:owner:)``.
    public func put(
        _ bytes: [UInt8],
        contentType: String,
        fileExtension: String,
        purpose: String,
        owner: UserID
    ) async throws(MediaStoreError) -> MediaReference {
        let key = try MediaKey(content: bytes, fileExtension: fileExtension, owner: owner)
        files.withLock { $0[key] = bytes }
        return key.reference(contentType: contentType, byteCount: bytes.count, purpose: purpose, createdAt: now())
    }

    /// The bytes under `key`.
    public func bytes(for key: String) async throws(MediaStoreError) -> [UInt8] {
        let mediaKey = try MediaKey.parsing(key)
        guard let bytes = files.withLock({ $0[mediaKey] }) else { throw .notFound(key: key) }
        return bytes
    }

    /// Deletes what is under `key`; `false` when nothing was.
    @discardableResult
    public func delete(key: String) async throws(MediaStoreError) -> Bool {
        let mediaKey = try MediaKey.parsing(key)
        return files.withLock { $0.removeValue(forKey: mediaKey) != nil }
    }

    /// Deletes every file of `owner`; returns how many.
    @discardableResult
    public func deleteAll(ownedBy owner: UserID) async throws(MediaStoreError) -> Int {
        let tag = MediaKey.ownerTag(for: owner)
        return files.withLock { files in
            let owned = files.keys.filter { $0.ownerTag == tag }
            for key in owned {
                files[key] = nil
            }
            return owned.count
        }
    }
}
