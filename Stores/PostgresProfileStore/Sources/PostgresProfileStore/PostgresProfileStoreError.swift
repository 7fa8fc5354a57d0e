/// Why a ``PostgresProfileStore`` could not start; errors of its operations are
/// `ProfileStoreError`s like every store's.
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
        }
    }
}
