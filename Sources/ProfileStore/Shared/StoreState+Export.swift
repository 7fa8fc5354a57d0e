import ProfileDomain

extension StoreState {
    /// Every edge that starts or ends at `user`, sorted by kind, then `from`, then `to`; empty for
    /// an unknown user. What ``ProfileStore/edges(touching:)`` answers.
    func edges(touching user: UserID) -> [RelationshipEdge] {
        func edges(
            _ outgoing: Adjacency, _ incoming: Adjacency, as kind: RelationshipEdge.Kind
        ) -> [RelationshipEdge] {
            let out = (outgoing[user] ?? []).map { RelationshipEdge(from: user, to: $0, kind: kind) }
            let into = (incoming[user] ?? []).map { RelationshipEdge(from: $0, to: user, kind: kind) }
            return (out + into).sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        }
        return edges(followees, followers, as: .follow) + edges(blockees, blockers, as: .block)
    }
}

extension StoreState {
    /// Every record, edge, hold and history, sorted as ``StoreContents`` documents: what
    /// `exportContents()` answers.
    func contents() throws(ProfileStoreError) -> StoreContents {
        var histories: [UserID: [UsernameChange]] = [:]
        for entry in sortedHistories { histories[entry.user] = entry.history }
        return StoreContents(
            records: try sortedRecords(), edges: edges, holds: sortedHolds, usernameHistories: histories)
    }
}
