import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The content of `snapshot.json`: the whole store as of journal record ``sequence``.
///
/// Keys are sorted and every user and every edge sits on a line of its own, so that a person,
/// `grep` or `diff` can read the file and it stays about as compact as plain JSON:
///
/// ```
/// {
/// "edges" : [
/// {"from":"u1","kind":"follow","to":"u2"}
/// ],
/// "schemaVersion" : 1,
/// "sequence" : 42,
/// "users" : [
/// {"account":{...},"media":[],"preferences":{...},"profile":{...}}
/// ]
/// }
/// ```
///
/// Users are sorted by id, edges by kind (follows, then blocks), then by `from` and `to`.
struct JSONFileSnapshot: Codable {
    /// The format version; a reader accepts 1 through ``JSONFileJournalCodec/currentSchemaVersion``.
    var schemaVersion: Int
    /// The sequence number of the last journal record the snapshot holds.
    var sequence: Int
    /// Every record.
    var users: [UserRecord]
    /// Every follow and block edge.
    var edges: [RelationshipEdge]

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, sequence, users, edges
    }

    /// A version this reader does not know, detected before the rest is decoded.
    private struct UnknownSchemaVersion: Error {
        var version: Int
    }

    /// The snapshot of `state`.
    init(of state: JSONFileStoreState) {
        self.schemaVersion = JSONFileJournalCodec.currentSchemaVersion
        self.sequence = state.sequence
        self.users = state.records.keys.sorted().compactMap { state.records[$0] }
        self.edges = state.edges(of: .follow) + state.edges(of: .block)
    }

    /// Decodes the version first, so that a file of an unknown version is reported as such
    /// rather than as whatever its unknown content fails on.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        guard (1...JSONFileJournalCodec.currentSchemaVersion).contains(schemaVersion) else {
            throw UnknownSchemaVersion(version: schemaVersion)
        }
        sequence = try container.decode(Int.self, forKey: .sequence)
        users = try container.decode([UserRecord].self, forKey: .users)
        edges = try container.decode([RelationshipEdge].self, forKey: .edges)
    }

    /// The file's bytes.
    func encoded() throws(ProfileStoreError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = Array("{\n\"edges\" : [".utf8)
        do {
            try Self.appendLines(edges, to: &bytes, encoder: encoder)
            let middle = "],\n\"schemaVersion\" : \(schemaVersion),\n\"sequence\" : \(sequence),\n\"users\" : ["
            bytes.append(contentsOf: middle.utf8)
            try Self.appendLines(users, to: &bytes, encoder: encoder)
            bytes.append(contentsOf: "]\n}\n".utf8)
        } catch {
            throw .invalidMutation("the store cannot be encoded as JSON: \(error)")
        }
        return bytes
    }

    private static func appendLines(
        _ values: [some Encodable],
        to bytes: inout [UInt8],
        encoder: JSONEncoder
    ) throws {
        for (index, value) in values.enumerated() {
            bytes.append(contentsOf: index == 0 ? "\n".utf8 : ",\n".utf8)
            bytes.append(contentsOf: try encoder.encode(value))
        }
        if !values.isEmpty { bytes.append(UInt8(ascii: "\n")) }
    }

    /// Reads and checks the snapshot at `path` and rebuilds the state it describes.
    ///
    /// - Throws: ``ProfileStoreError/corrupt(file:offset:reason:)`` naming `path`. The offset is
    ///   0 because a JSON parser reports no byte position; the reason carries the coding path.
    static func state(from bytes: [UInt8], path: String) throws(ProfileStoreError) -> JSONFileStoreState {
        let corrupt = { (reason: String) in ProfileStoreError.corrupt(file: path, offset: 0, reason: reason) }
        let snapshot: JSONFileSnapshot
        do {
            snapshot = try JSONDecoder().decode(JSONFileSnapshot.self, from: Data(bytes))
        } catch let error as UnknownSchemaVersion {
            throw corrupt(
                "unknown schemaVersion \(error.version); this reader knows 1 through "
                    + "\(JSONFileJournalCodec.currentSchemaVersion)"
            )
        } catch {
            throw corrupt("the snapshot is not a JSON object of this store's format: \(error)")
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
