/// Why the JSON-file store could not open, read or write its files: the store's own error, for
/// callers that talk to ``JSONFileProfileStore`` specifically.
///
/// Opening throws it directly. Every operation of the ``ProfileStore`` protocol reports the same
/// failures as ``ProfileStoreError/storageFailed(_:)``, whose ``StorageFailure`` carries this
/// value; ``init(_:)`` takes it back out. `file`, `offset`, `path` and `errno` are for logs and
/// operators, never for an API response.
public enum JSONFileStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stored file is damaged; nothing was changed. `file` and `offset` locate the damage.
    case corrupt(file: String, offset: Int, reason: String)
    /// Another opener, in this process or another, holds the store's `LOCK`.
    case locked(path: String)
    /// The operating system failed an operation on `path`, with its `errno` (`ENOENT` for a
    /// directory that holds no store, `EBADF` for a closed store).
    case io(operation: String, path: String, errno: Int32)

    /// The JSON-file failure `error` carries, or `nil` when it carries none (it is another
    /// case of ``ProfileStoreError``, or another store's failure).
    public init?(_ error: ProfileStoreError) {
        guard case .storageFailed(let failure) = error, let cause = failure.underlying as? JSONFileStoreError else {
            return nil
        }
        self = cause
    }

    /// The failure for a log: the file, the offset or the `errno` included.
    public var description: String {
        switch self {
        case .corrupt(let file, let offset, let reason):
            "\(file) is damaged at byte \(offset): \(reason)"
        case .locked(let path):
            "\(path) is locked by another opener of the store"
        case .io(let operation, let path, let errno):
            "\(operation) failed on \(path) (errno \(errno))"
        }
    }
}
