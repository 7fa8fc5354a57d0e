/// One directed edge between two users: `from` follows or blocks `to`.
public struct RelationshipEdge: Sendable, Hashable, Codable {
    /// What an edge means.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// `from` follows `to`.
        case follow
        /// `from` blocks `to`.
        case block
    }

    /// The user who follows or blocks.
    public var from: UserID
    /// The user who is followed or blocked.
    public var to: UserID
    /// Follow or block.
    public var kind: Kind

    /// Creates an edge.
    public init(from: UserID, to: UserID, kind: Kind) {
        self.from = from
        self.to = to
        self.kind = kind
    }
}
