import ProfileDomain

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The content of `snapshot.json`: the whole store as of journal record ``sequence``.
///
/// Keys are sorted and the file is pretty-printed so that a person (or `diff`) can read it:
/// `{"edges": [...], "schemaVersion": 1, "sequence": N, "users": [...]}`. Users are sorted by id,
/// edges by kind (follows, then blocks), then by `from` and `to`.
struct JSONFileSnapshot: Codable {
    /// The format version; a reader accepts 1 through ``JSONFileJournalCodec/currentSchemaVersion``.
    var schemaVersion: Int
    /// The sequence number of the last journal record the snapshot holds.
    var sequence: Int
    /// Every record.
    var users: [UserRecord]
    /// Every follow and block edge.
    var edges: [RelationshipEdge]

    private struct Header: Decodable {
        var schemaVersion: Int
    }

    /// The snapshot of `state`.
    init(of state: JSONFileStoreState) {
        self.schemaVersion = JSONFileJournalCodec.currentSchemaVersion
        self.sequence = state.sequence
        self.users = state.records.keys.sorted().compactMap { state.records[$0] }
        self.edges = state.edges(of: .follow) + state.edges(of: .block)
    }

    /// The file's bytes.
    func encoded() throws(ProfileStoreError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var bytes = Array(try encoder.encode(self))
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        } catch {
            throw .invalidMutation("the store cannot be encoded as JSON: \(error)")
        }
    }

    /// Reads and checks the snapshot at `path` and rebuilds the state it describes.
    ///
    /// - Throws: ``ProfileStoreError/corrupt(file:offset:reason:)`` naming `path`. The offset is
    ///   0 because a JSON parser reports no byte position; the reason carries the coding path.
    static func state(from bytes: [UInt8], path: String) throws(ProfileStoreError) -> JSONFileStoreState {
        let corrupt = { (reason: String) in ProfileStoreError.corrupt(file: path, offset: 0, reason: reason) }
        let decoder = JSONDecoder()
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: Data(bytes))
        } catch {
            throw corrupt("the snapshot is not a JSON object with a schemaVersion: \(error)")
        }
        guard (1...JSONFileJournalCodec.currentSchemaVersion).contains(header.schemaVersion) else {
            throw corrupt(
                "unknown schemaVersion \(header.schemaVersion); this reader knows 1 through "
                    + "\(JSONFileJournalCodec.currentSchemaVersion)"
            )
        }
        let snapshot: JSONFileSnapshot
        do {
            snapshot = try decoder.decode(JSONFileSnapshot.self, from: Data(bytes))
        } catch {
            throw corrupt("the snapshot's content cannot be read: \(error)")
        }
        guard snapshot.sequence >= 0 else { throw corrupt("negative sequence \(snapshot.sequence)") }
        var state = JSONFileStoreState()
        for record in snapshot.users {
            guard state.record(for: record.userID) == nil else {
                throw corrupt("the snapshot is inconsistent: user \(record.userID) appears twice")
            }
            try apply(.put(record), to: &state, corrupt: corrupt)
        }
        for edge in snapshot.edges {
            let operation: JSONFileOperation =
                edge.kind == .follow ? .follow(from: edge.from, to: edge.to) : .block(from: edge.from, to: edge.to)
            try apply(operation, to: &state, corrupt: corrupt)
        }
        state.sequence = snapshot.sequence
        return state
    }

    private static func apply(
        _ operation: JSONFileOperation,
        to state: inout JSONFileStoreState,
        corrupt: (String) -> ProfileStoreError
    ) throws(ProfileStoreError) {
        let changes: Bool
        do {
            changes = try state.check(operation)
        } catch {
            throw corrupt("the snapshot is inconsistent: \(operation.summary) fails with \(error)")
        }
        guard changes else { throw corrupt("the snapshot is inconsistent: \(operation.summary) is a duplicate") }
        state.apply(operation)
    }
}
