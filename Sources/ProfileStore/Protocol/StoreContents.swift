import ProfileDomain

/// Everything a store holds, read at one instant: what a migration to another store copies.
///
/// `JSONFileProfileStore.exportContents()` produces it; the PostgreSQL store's import consumes
/// it. Two values are equal when they hold the same data in the same order, and every producer
/// sorts as documented on each property, so equal stores export equal contents.
public struct StoreContents: Sendable, Hashable {
    /// Every user's record, sorted by user id.
    public var records: [UserRecord]
    /// Every follow, then every block, each sorted by `from`, then `to`.
    public var edges: [RelationshipEdge]
    /// Every username hold, active or expired, sorted by canonical key. A hold whose user was
    /// deleted (or that a deletion made) has no holder; every other holder has a record.
    public var holds: [UsernameHold]
    /// Each user's username history (the handles the profile left, oldest first), keyed by user.
    /// Users without history are absent, never mapped to an empty list; every key has a record.
    public var usernameHistories: [UserID: [UsernameChange]]

    /// Contents of `records`, `edges`, username `holds` and `usernameHistories` (empty by default,
    /// as in a store that never held a name).
    public init(
        records: [UserRecord], edges: [RelationshipEdge], holds: [UsernameHold] = [],
        usernameHistories: [UserID: [UsernameChange]] = [:]
    ) {
        self.records = records
        self.edges = edges
        self.holds = holds
        self.usernameHistories = usernameHistories
    }
}
