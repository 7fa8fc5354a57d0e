import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The content of `snapshot.json`: the whole ``StoreState`` as of journal record ``sequence``.
///
/// The file is the state's `Codable` form (`records` and `edges`) with the file's
/// `schemaVersion` and `sequence` beside them in the same object. Keys are sorted and every
/// record and every edge sits on a line of its own, so that a person, `grep` or `diff` can read
/// the file and it stays about as compact as plain JSON:
///
/// ```
/// {
/// "edges" : [
/// {"from":"u1","kind":"follow","to":"u2"}
/// ],
/// "records" : [
/// {"account":{...},"media":[],"preferences":{...},"profile":{...}}
/// ],
/// "schemaVersion" : 1,
/// "sequence" : 42
/// }
/// ```
///
/// Records are sorted by user id, edges by kind (follows, then blocks), then by `from` and `to`.
struct JSONFileSnapshot: Sendable {
    /// The sequence number of the last journal record the snapshot holds.
    var sequence: Int
    /// Everything the store holds.
    var state: StoreState

    /// The keys the file adds around the state's own.
    enum CodingKeys: String, CodingKey {
        case schemaVersion, sequence
    }

    /// A version this reader does not know, detected before the rest is decoded.
    private struct UnknownSchemaVersion: Error {
        var version: Int
    }

    /// The file's bytes, written at ``JSONFileJournalCodec/currentSchemaVersion``.
    func encoded() throws(ProfileStoreError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = Array("{\n\"\(StoreState.CodingKeys.edges.stringValue)\" : [".utf8)
        do {
            try Self.appendLines(state.edges, to: &bytes, encoder: encoder)
            bytes.append(contentsOf: "],\n\"\(StoreState.CodingKeys.records.stringValue)\" : [".utf8)
            try Self.appendLines(state.sortedRecords, to: &bytes, encoder: encoder)
            let version = JSONFileJournalCodec.currentSchemaVersion
            bytes.append(contentsOf: "],\n\"schemaVersion\" : \(version),\n\"sequence\" : \(sequence)\n}\n".utf8)
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

    /// Reads and checks the snapshot in `bytes`, the content of the file at `path`, and rebuilds
    /// the state it describes with every index and invariant.
    ///
    /// - Throws: ``ProfileStoreError/corrupt(file:offset:reason:)`` naming `path`. The offset is
    ///   0 because a JSON parser reports no byte position; the reason carries the coding path.
    static func decode(_ bytes: [UInt8], path: String) throws(ProfileStoreError) -> JSONFileSnapshot {
        if let snapshot = try decodeInParallel(bytes, path: path) {
            return snapshot
        }
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
            if case DecodingError.dataCorrupted(let context) = error,
                let inconsistency = context.underlyingError as? ProfileStoreError
            {
                throw corrupt("the snapshot is inconsistent: \(inconsistency)")
            }
            throw corrupt("the snapshot is not a JSON object of this store's format: \(error)")
        }
        guard snapshot.sequence >= 0 else { throw corrupt("negative sequence \(snapshot.sequence)") }
        return snapshot
    }
}

extension JSONFileSnapshot: Decodable {
    /// Decodes the version first, so that a file of an unknown version is reported as such
    /// rather than as whatever its unknown content fails on; then the sequence and the state,
    /// whose decoding re-checks every invariant.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .schemaVersion)
        guard (1...JSONFileJournalCodec.currentSchemaVersion).contains(version) else {
            throw UnknownSchemaVersion(version: version)
        }
        sequence = try container.decode(Int.self, forKey: .sequence)
        state = try StoreState(from: decoder)
    }
}
