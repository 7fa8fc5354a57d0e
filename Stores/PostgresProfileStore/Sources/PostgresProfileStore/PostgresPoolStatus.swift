/// A snapshot of a ``PostgresProfileStore``'s connection pool, for logs and for diagnosing a
/// store that does not answer: how often the pool was replaced, how many calls wait for a
/// connection or hold one, and when it last granted one.
public struct PostgresPoolStatus: Sendable, Hashable, CustomStringConvertible {
    /// How many times the pool was replaced by a fresh one since the store started (after an
    /// outage, or a lease the pool refused).
    public var replacements: Int
    /// Operations waiting for a connection now.
    public var waiting: Int
    /// Operations holding a connection now.
    public var holding: Int
    /// Connections the current pool has granted since it started.
    public var granted: Int
    /// How long ago the current pool last granted a connection; `nil` when it never did.
    public var sinceLastGrant: Duration?
    /// Connections closed because an operation held one past its limit
    /// (``PostgresProfileStore/Configuration/transactionTimeout`` for the store's operations),
    /// since the store started.
    public var closedForTimeout: Int

    /// One line: every field, with the time since the last grant in seconds.
    public var description: String {
        let last = sinceLastGrant.map { "\($0) ago" } ?? "never"
        return
            "pool replaced \(replacements) times; \(waiting) waiting, \(holding) holding; current pool granted "
            + "\(granted), last \(last); \(closedForTimeout) connections closed for overrunning their hold limit"
    }
}
