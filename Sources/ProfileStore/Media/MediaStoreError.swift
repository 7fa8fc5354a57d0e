/// Why a media store operation failed.
///
/// `invalidKey` and `invalidFileExtension` are the caller's input, refused before any I/O;
/// `io` carries the operation, the path and the `errno` for logs and operators, never for an
/// API response.
public enum MediaStoreError: Error, Sendable, Hashable {
    /// The string is not a media key this library issues (`sha256-<64 hex>-<32 hex>.<ext>`);
    /// refused before it reaches a file system, so no key can name a path outside the store.
    case invalidKey(String)
    /// The file extension is not 1 to 16 characters of `[a-z0-9]` (after one leading `.` is
    /// dropped and ASCII letters are lowercased).
    case invalidFileExtension(String)
    /// No bytes are stored under the key.
    case notFound(key: String)
    /// The operating system failed an operation.
    case io(operation: String, path: String, errno: Int32)
}
