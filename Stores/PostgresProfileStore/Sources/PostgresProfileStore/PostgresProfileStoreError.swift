import ProfileStore

/// Why a ``PostgresProfileStore`` could not start, or what in the database it cannot read.
///
/// Starting throws it directly. The store's operations throw `ProfileStoreError`s like every
/// store's: rows they cannot read arrive as `ProfileStoreError.storageFailed(_:)`, whose
/// `StorageFailure` carries ``invalidData(_:)``; ``init(_:)`` takes it back out.
public enum PostgresProfileStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The connection URL cannot be read; `reason` says what was wrong and what would be right.
    case invalidURL(String, reason: String)
    /// The schema name is not a plain lower-case SQL identifier (`[a-z_][a-z0-9_]*`, at most 63
    /// characters), which the store requires because it writes the name into its statements.
    case invalidSchemaName(String)
    /// The database holds a schema newer than this build knows: an older build must not write to
    /// tables whose rules it does not know.
    case schemaTooNew(found: Int, supported: Int)
    /// The database could not be reached or refused the migrations; `reason` is for the log.
    case unavailable(reason: String)
    /// A row holds what this store never writes (an identifier that does not parse, a column of
    /// the wrong type, JSON that does not decode): written by something else, by hand or by a
    /// newer build. Nothing was changed; an operator must repair or remove the row. The text
    /// names what was read (the value, and the column where the decoder knows it), for the log.
    case invalidData(String)

    /// The PostgreSQL failure `error` carries, or `nil` when it carries none (it is another case
    /// of `ProfileStoreError`, or another store's failure).
    public init?(_ error: ProfileStoreError) {
        guard case .storageFailed(let failure) = error, let cause = failure.underlying as? PostgresProfileStoreError
        else { return nil }
        self = cause
    }

    /// The error in words, for logs and command-line tools.
    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            "cannot read the database URL \(url): \(reason); expected postgres://user:password@host:port/database"
        case .invalidSchemaName(let name):
            "schema name \(name) is not a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63 characters)"
        case .schemaTooNew(let found, let supported):
            "the database's profile schema is at version \(found); this build knows versions up to \(supported)"
        case .unavailable(let reason):
            "the database is unavailable: \(reason)"
        case .invalidData(let what):
            "the database holds data this store cannot read: \(what)"
        }
    }
}
