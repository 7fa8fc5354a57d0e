/// A store's own account of a failed read or write of its storage: what
/// ``ProfileStoreError/storageFailed(_:)`` carries.
///
/// Every store describes its failures in its own terms (a file, an offset and an `errno` for the
/// JSON-file store; an SQLSTATE for a database); the protocol's error carries them without
/// knowing them. ``description`` is for an operator's log and is never shown to a client
/// (``ProfileStoreError/profileError`` keeps it in
/// ``ProfileDomain/ProfileError/underlyingDescription``). A caller that talks to one store
/// specifically gets that store's own error back from ``underlying`` (or through the store's
/// helper, such as `JSONFileStoreError(_:)`).
public struct StorageFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed, for the log: the store names its files, offsets, error numbers or database
    /// codes here.
    public let description: String
    /// The store's own error, when it has one.
    public let underlying: (any Error & Sendable)?

    /// A failure described by `description`, with the store's own error when there is one.
    public init(_ description: String, underlying: (any Error & Sendable)? = nil) {
        self.description = description
        self.underlying = underlying
    }

    /// A failure that is `error`, described as `error` describes itself.
    public init(_ error: some Error & Sendable & CustomStringConvertible) {
        self.init(error.description, underlying: error)
    }

    /// Equal when the descriptions are: the description is the failure's identity in a log, and
    /// an existential `underlying` cannot be compared.
    public static func == (lhs: StorageFailure, rhs: StorageFailure) -> Bool {
        lhs.description == rhs.description
    }

    /// Hashes the description, which equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(description)
    }
}
