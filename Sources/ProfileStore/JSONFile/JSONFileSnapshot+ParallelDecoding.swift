import Dispatch
import ProfileDomain
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension JSONFileSnapshot {
    /// Decodes the records and edges of a snapshot on every core, or returns `nil` so that the
    /// caller decodes the whole file the ordinary way (which also describes any error).
    ///
    /// Start-up time is nearly all `JSONDecoder` on records, one core at a time. Here a scan
    /// finds each element's bytes, the elements are cut into contiguous chunks, and each chunk
    /// decodes as a JSON array of its own; the state is then built once from every element, with
    /// the same checks as the ordinary path. The result is the one the ordinary path gives:
    /// anything the scan does not recognise, an unknown schema version or a chunk that fails to
    /// decode returns `nil`.
    ///
    /// - Parameter minimumChunk: the fewest elements worth a chunk (and a thread) of their own;
    ///   tests lower it to exercise several chunks with few records.
    /// - Throws: ``JSONFileStoreError/corrupt(file:offset:reason:)`` only for a snapshot whose
    ///   content decodes but is inconsistent, with the ordinary path's reason.
    static func decodeInParallel(
        _ bytes: [UInt8],
        path: String,
        minimumChunk: Int = 1_000
    ) throws(JSONFileStoreError) -> JSONFileSnapshot? {
        let scanner = JSONFileObjectScanner(bytes)
        guard let members = scanner.members(),
            let versionRange = members[CodingKeys.schemaVersion.stringValue],
            let sequenceRange = members[CodingKeys.sequence.stringValue],
            let recordsRange = members[StoreState.CodingKeys.records.stringValue],
            let edgesRange = members[StoreState.CodingKeys.edges.stringValue],
            let version = try? JSONDecoder().decode(Int.self, from: Data(bytes[versionRange])),
            (1...JSONFileJournalCodec.currentSchemaVersion).contains(version),
            let sequence = try? JSONDecoder().decode(Int.self, from: Data(bytes[sequenceRange])),
            (0...JSONFileJournalCodec.maximumSequence).contains(sequence),
            let recordRanges = scanner.elements(ofArrayAt: recordsRange),
            let edgeRanges = scanner.elements(ofArrayAt: edgesRange),
            let records: [UserRecord] = decodeInChunks(recordRanges, of: bytes, minimumChunk: minimumChunk),
            let edges: [RelationshipEdge] = decodeInChunks(edgeRanges, of: bytes, minimumChunk: minimumChunk),
            let holds: [UsernameHold] = optionalMember(.usernameHolds, of: members, in: bytes),
            let histories: [StoredUsernameHistory] = optionalMember(.usernameHistories, of: members, in: bytes)
        else { return nil }
        do {
            return JSONFileSnapshot(
                sequence: sequence,
                state: try StoreState(records: records, edges: edges, holds: holds, histories: histories))
        } catch {
            throw .corrupt(file: path, offset: 0, reason: "the snapshot is inconsistent: \(error)")
        }
    }

    /// The array at member `key` of the snapshot, `[]` when the member is absent (a snapshot from
    /// before holds), `nil` when it does not decode.
    private static func optionalMember<Element: Decodable>(
        _ key: StoreState.CodingKeys,
        of members: [String: Range<Int>],
        in bytes: [UInt8]
    ) -> [Element]? {
        guard let range = members[key.stringValue] else { return [] }
        return try? JSONDecoder().decode([Element].self, from: Data(bytes[range]))
    }

    /// The values of the JSON elements at `ranges` of `bytes`, decoded in contiguous chunks on
    /// all cores, in order; `nil` when any chunk fails to decode.
    private static func decodeInChunks<Element: Decodable & Sendable>(
        _ ranges: [Range<Int>],
        of bytes: [UInt8],
        minimumChunk: Int
    ) -> [Element]? {
        guard let first = ranges.first, let last = ranges.last else { return [] }
        // A few chunks per core even out chunks that decode slower than others; more would only
        // add per-call overhead, and a small snapshot decodes faster than threads start.
        let chunkCount = max(
            1, min(ranges.count / max(1, minimumChunk), ProcessInfo.processInfo.activeProcessorCount * 4))
        guard chunkCount > 1 else { return decodeArray(of: first.lowerBound..<last.upperBound, in: bytes) }
        let chunks = Mutex<[[Element]?]>(Array(repeating: nil, count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = ranges[ranges.count * chunk / chunkCount].lowerBound
            let end = ranges[ranges.count * (chunk + 1) / chunkCount - 1].upperBound
            let decoded: [Element]? = decodeArray(of: start..<end, in: bytes)
            chunks.withLock { $0[chunk] = decoded }
        }
        return chunks.withLock { chunks -> [Element]? in
            var elements: [Element] = []
            elements.reserveCapacity(ranges.count)
            for chunk in chunks {
                guard let chunk else { return nil }
                elements.append(contentsOf: chunk)
            }
            return elements
        }
    }

    /// Decodes `bytes[range]`, a run of comma-separated elements, as one JSON array.
    private static func decodeArray<Element: Decodable>(of range: Range<Int>, in bytes: [UInt8]) -> [Element]? {
        var array = Data(capacity: range.count + 2)
        array.append(UInt8(ascii: "["))
        array.append(contentsOf: bytes[range])
        array.append(UInt8(ascii: "]"))
        return try? JSONDecoder().decode([Element].self, from: array)
    }
}
