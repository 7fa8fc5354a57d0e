import ProfileDomain

/// A state encodes as its records and edges (and its username holds and histories, when there
/// are any) in a deterministic order; the indexes are rebuilt and every invariant re-checked on
/// decoding, so a snapshot that breaks one fails to decode. A state written before holds
/// existed has neither key and decodes with none.
extension StoreState: Codable {
    /// The keys of the encoded form, which a file format may wrap with keys of its own.
    enum CodingKeys: String, CodingKey {
        case records
        case edges
        case usernameHistories
        case usernameHolds
    }

    /// Decodes records and edges and rebuilds the indexes; a broken invariant is a
    /// `DecodingError.dataCorrupted` whose description names the ``ProfileStoreError`` and whose
    /// `underlyingError` is that error.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let records = try container.decode([UserRecord].self, forKey: .records)
        let edges = try container.decode([RelationshipEdge].self, forKey: .edges)
        let holds = try container.decodeIfPresent([UsernameHold].self, forKey: .usernameHolds) ?? []
        let histories = try container.decodeIfPresent([StoredUsernameHistory].self, forKey: .usernameHistories) ?? []
        do {
            try self.init(records: records, edges: edges, holds: holds, histories: histories)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "inconsistent state: \(error)",
                    underlyingError: error
                )
            )
        }
    }

    /// Encodes the records sorted by user id and the edges sorted by kind, `from` and `to`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(try sortedRecords(), forKey: .records)
        try container.encode(edges, forKey: .edges)
        if !usernameHistories.isEmpty { try container.encode(sortedHistories, forKey: .usernameHistories) }
        if !usernameHolds.isEmpty { try container.encode(sortedHolds, forKey: .usernameHolds) }
    }
}
