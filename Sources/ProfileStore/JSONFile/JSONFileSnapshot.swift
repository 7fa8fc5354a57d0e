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
/// After `sequence`, a store with username holds adds `usernameHistories` (by user) and
/// `usernameHolds` (by canonical key), one entry a line; a file without them has none.
/// The last member, out of key order, is `"crc32c" : "1a2b3c4d"`: CRC-32C of every byte before
/// the comma that precedes it, so that damage to any byte is refused rather than loaded as a
/// different state. A file without it (written by a tool) is read unchecked.
struct JSONFileSnapshot: Sendable {
    /// The sequence number of the last journal record the snapshot holds.
    var sequence: Int
    /// Everything the store holds.
    var state: StoreState

    /// The keys the file adds around the state's own.
    enum CodingKeys: String, CodingKey {
        case schemaVersion, sequence, crc32c
    }

    /// What the file ends with, around the checksum's eight hex digits.
    static let checksumHead = Array(",\n\"crc32c\" : \"".utf8)
    static let checksumTail = Array("\"\n}\n".utf8)

    /// A version this reader does not know, detected before the rest is decoded.
    private struct UnknownSchemaVersion: Error {
        var version: Int
    }

    /// The file's bytes, written at ``JSONFileJournalCodec/currentSchemaVersion``.
    ///
    /// A record still encoded (read from the previous snapshot and never touched since) is copied
    /// as its bytes, without decoding; only one that spans lines (a snapshot written by a tool)
    /// is decoded and encoded again, so that every record keeps a line of its own.
    func encoded() throws(ProfileStoreError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = Array("{\n\"\(StoreState.CodingKeys.edges.stringValue)\" : [".utf8)
        do {
            try Self.appendLines(state.edges, to: &bytes) { try encoder.encode($0) }
            bytes.append(contentsOf: "],\n\"\(StoreState.CodingKeys.records.stringValue)\" : [".utf8)
            try Self.appendLines(state.sortedStoredRecords, to: &bytes) { stored in
                if case .encoded(let encoded) = stored {
                    let line = try encoded.bytes()
                    if !line.contains(UInt8(ascii: "\n")) { return line }
                }
                var line: [UInt8] = []
                try JSONFileRecordEncoder.append(try stored.record(), to: &line, fallback: encoder) {
                    (writer, record) throws(JSONFileRecordEncoder.Unsupported) in try writer.record(record)
                }
                return line
            }
            let version = JSONFileJournalCodec.currentSchemaVersion
            bytes.append(contentsOf: "],\n\"schemaVersion\" : \(version),\n\"sequence\" : \(sequence)".utf8)
            // Written only when there are some, so a store that never held a name keeps the
            // layout readers before holds knew.
            try Self.appendMember(.usernameHistories, state.sortedHistories, to: &bytes, using: encoder)
            try Self.appendMember(.usernameHolds, state.sortedHolds, to: &bytes, using: encoder)
        } catch let error as ProfileStoreError {
            throw error
        } catch let error as JSONFileStoreError {
            throw ProfileStoreError(error)
        } catch {
            throw .invalidMutation("the store cannot be encoded as JSON: \(error)")
        }
        return Self.sealed(bytes)
    }

    /// `body`, a snapshot object without its closing brace, closed with its `crc32c` member.
    static func sealed(_ body: [UInt8]) -> [UInt8] {
        body + checksumHead + Array(JSONFileCRC32C.hex(JSONFileCRC32C.checksum(body)).utf8) + checksumTail
    }

    /// The body of a file the store wrote: every byte before its `crc32c` member, or `nil` when
    /// the file does not end with one.
    static func unsealed(_ bytes: [UInt8]) -> [UInt8]? {
        let start = bytes.count - checksumHead.count - 8 - checksumTail.count
        guard start >= 0, bytes[start..<(start + checksumHead.count)].elementsEqual(checksumHead),
            bytes[(bytes.count - checksumTail.count)...].elementsEqual(checksumTail)
        else { return nil }
        return Array(bytes[..<start])
    }

    /// Appends `,\n"key" : [...]` with one value a line, or nothing when `values` is empty.
    private static func appendMember<Value: Encodable>(
        _ key: StoreState.CodingKeys, _ values: [Value], to bytes: inout [UInt8], using encoder: JSONEncoder
    ) throws {
        guard !values.isEmpty else { return }
        bytes.append(contentsOf: ",\n\"\(key.stringValue)\" : [".utf8)
        try appendLines(values, to: &bytes) { try encoder.encode($0) }
        bytes.append(UInt8(ascii: "]"))
    }

    private static func appendLines<Value>(
        _ values: [Value],
        to bytes: inout [UInt8],
        encode: (Value) throws -> some Sequence<UInt8>
    ) throws {
        for (index, value) in values.enumerated() {
            bytes.append(contentsOf: index == 0 ? "\n".utf8 : ",\n".utf8)
            bytes.append(contentsOf: try encode(value))
        }
        if !values.isEmpty { bytes.append(UInt8(ascii: "\n")) }
    }

    /// Reads and checks the snapshot in `bytes`, the content of the file at `path`, and rebuilds
    /// the state it describes with every index and invariant.
    ///
    /// - Throws: ``JSONFileStoreError/corrupt(file:offset:reason:)`` naming `path`. The offset is
    ///   0 because a JSON parser reports no byte position; the reason carries the coding path.
    static func decode(_ bytes: [UInt8], path: String) throws(JSONFileStoreError) -> JSONFileSnapshot {
        try verifyChecksum(bytes, path: path)
        if let snapshot = try decodeInParallel(bytes, path: path) {
            return snapshot
        }
        let corrupt = { (reason: String) in JSONFileStoreError.corrupt(file: path, offset: 0, reason: reason) }
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
        guard (0...JSONFileJournalCodec.maximumSequence).contains(snapshot.sequence) else {
            throw corrupt(
                "sequence \(snapshot.sequence) is outside 0...\(JSONFileJournalCodec.maximumSequence), "
                    + "the numbers this store writes")
        }
        return snapshot
    }

    /// Checks the `crc32c` member when the file ends with it; refuses a file that has the member
    /// anywhere else, where damage to the layout would otherwise skip the check.
    private static func verifyChecksum(_ bytes: [UInt8], path: String) throws(JSONFileStoreError) {
        if let body = unsealed(bytes) {
            let digits = bytes[(body.count + checksumHead.count)..<(bytes.count - checksumTail.count)]
            let computed = JSONFileCRC32C.hex(JSONFileCRC32C.checksum(body))
            guard digits.elementsEqual(computed.utf8) else {
                // Offset 0: the checksum covers every byte from there and cannot say which changed.
                throw .corrupt(
                    file: path, offset: 0,
                    reason: "checksum mismatch: the snapshot says \(String(decoding: digits, as: UTF8.self)), "
                        + "its bytes give \(computed)"
                )
            }
            return
        }
        // The byte scan answers for every file the store writes; the decoder only for layouts
        // the scan does not follow.
        let hasChecksum =
            JSONFileObjectScanner(bytes).members().map { $0[CodingKeys.crc32c.stringValue] != nil }
            ?? ((try? JSONDecoder().decode(ChecksumProbe.self, from: Data(bytes)))?.hasChecksum ?? false)
        if hasChecksum {
            throw .corrupt(
                file: path, offset: 0,
                reason: #"the "crc32c" member is not where the store writes it, at the end of the file: "#
                    + "the layout is damaged"
            )
        }
    }

    /// Whether a JSON object has a `crc32c` member, whatever its value.
    private struct ChecksumProbe: Decodable {
        var hasChecksum: Bool

        init(from decoder: any Decoder) throws {
            hasChecksum = try decoder.container(keyedBy: CodingKeys.self).contains(.crc32c)
        }
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
