import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A ``MediaStore`` that keeps one file per key in one directory, written atomically and durably.
///
/// - **Atomic and durable.** A put writes a temporary file (`.upload-<random>`) in the same
///   directory, fsyncs it, renames it to the key and fsyncs the directory before it returns: a
///   crash leaves either no file or the whole file under the key, never a torn one. A crash can
///   leave a temporary file behind; it is never served (it is not a key) and
///   ``removeAbandonedUploads(olderThan:)`` removes it.
/// - **No path traversal.** Every key is parsed as a ``MediaKey`` before it is joined to the
///   directory, and files are opened with `O_NOFOLLOW`, so no input can name a file elsewhere.
/// - **Deletion by owner** lists the directory and removes the files whose key carries the
///   owner's tag; it costs one directory scan.
///
/// Operations are blocking system calls made from `async` functions; media files are small
/// (avatars), so the store does not hop to a dedicated thread.
public struct FileSystemMediaStore: MediaStore {
    /// The directory that holds the files, without a trailing `/`.
    public let directory: String
    private let now: @Sendable () -> Date

    /// The prefix of temporary files; a `.` start keeps them out of the key grammar.
    static let temporaryPrefix = ".upload-"

    /// Opens the store in `directory`, creating the directory (not its parents) when missing.
    ///
    /// Fails with ``MediaStoreError/io(operation:path:errno:)`` when the directory cannot be
    /// created or the path is not a directory (`ENOTDIR`). `now` stamps each reference's
    /// `createdAt`.
    public init(directory: String, now: @escaping @Sendable () -> Date = { Date() }) throws(MediaStoreError) {
        var trimmed = directory
        while trimmed.count > 1, trimmed.hasSuffix("/") {
            trimmed.removeLast()
        }
        self.directory = trimmed
        self.now = now
        try Self.ensureDirectory(trimmed)
    }

    /// Stores `bytes` for `owner` atomically and durably; an existing file under the same key is
    /// kept as is (same content by construction).
    public func put(
        _ bytes: [UInt8],
        contentType: String,
        fileExtension: String,
        purpose: String,
        owner: UserID
    ) async throws(MediaStoreError) -> MediaReference {
        let key = try MediaKey(content: bytes, fileExtension: fileExtension, owner: owner)
        let path = self.path(of: key)
        if try !Self.fileExists(path) {
            try Self.writeAtomically(bytes, to: path, in: directory)
        }
        return key.reference(contentType: contentType, byteCount: bytes.count, purpose: purpose, createdAt: now())
    }

    /// The bytes under `key`.
    public func bytes(for key: String) async throws(MediaStoreError) -> [UInt8] {
        let mediaKey = try MediaKey.parsing(key)
        guard let bytes = try Self.readFile(path(of: mediaKey)) else { throw .notFound(key: key) }
        return bytes
    }

    /// Deletes the file under `key` and fsyncs the directory; `false` when there was none.
    @discardableResult
    public func delete(key: String) async throws(MediaStoreError) -> Bool {
        let mediaKey = try MediaKey.parsing(key)
        guard try Self.removeFile(path(of: mediaKey)) else { return false }
        try Self.synchronizeDirectory(directory)
        return true
    }

    /// Deletes every file of `owner` and fsyncs the directory once; returns how many.
    @discardableResult
    public func deleteAll(ownedBy owner: UserID) async throws(MediaStoreError) -> Int {
        let tag = MediaKey.ownerTag(for: owner)
        var removed = 0
        for name in try Self.fileNames(in: directory) {
            guard let key = MediaKey(name), key.ownerTag == tag else { continue }
            if try Self.removeFile(path(of: key)) {
                removed += 1
            }
        }
        if removed > 0 {
            try Self.synchronizeDirectory(directory)
        }
        return removed
    }

    /// Removes temporary files a crashed put left behind whose last change is older than `age`
    /// seconds, and returns how many.
    ///
    /// Pass an age longer than any upload takes (an hour is generous): a younger temporary file
    /// may belong to a put in progress in another process sharing the directory.
    @discardableResult
    public func removeAbandonedUploads(olderThan age: Double) throws(MediaStoreError) -> Int {
        let cutoff = now().timeIntervalSince1970 - age
        var removed = 0
        for name in try Self.fileNames(in: directory) where name.hasPrefix(Self.temporaryPrefix) {
            let path = "\(directory)/\(name)"
            guard let modified = try Self.modificationTime(path), modified <= cutoff else { continue }
            if try Self.removeFile(path) {
                removed += 1
            }
        }
        if removed > 0 {
            try Self.synchronizeDirectory(directory)
        }
        return removed
    }

    private func path(of key: MediaKey) -> String {
        directory == "/" ? "/\(key.rawValue)" : "\(directory)/\(key.rawValue)"
    }
}
