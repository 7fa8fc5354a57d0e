#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A verified reading of `journal.jsonl`: the records to replay after a snapshot and the torn
/// tail, if any, that a crash mid-append left behind.
///
/// Only the final line may be damaged without the store being corrupt, because every append is
/// fsynced before the next one starts: a crash can tear the one record being written, never an
/// earlier one. The final line is torn when it has no newline, or when its checksum or framing
/// fails. A line whose checksum holds but whose content is wrong (bad JSON, unknown schema
/// version, a sequence gap) is corruption wherever it is: a crash does not produce it.
struct JSONFileJournal {
    /// One verified record that the snapshot does not already hold.
    struct Entry {
        /// The byte offset of the record's line.
        var offset: Int
        /// The record's sequence number.
        var sequence: Int
        /// What the record changes.
        var mutation: StoreMutation
    }

    private struct Header: Decodable {
        var schemaVersion: Int
        var sequence: Int
    }

    private struct Body: Decodable {
        var mutation: StoreMutation
    }

    /// Records after the snapshot, in order.
    private(set) var entries: [Entry] = []
    /// Valid records the snapshot already holds (their sequence is at most the snapshot's).
    private(set) var skippedCount = 0
    /// Every valid record in the file, skipped or not.
    var recordCount: Int { entries.count + skippedCount }
    /// The length of the verified prefix: where the next record goes once a torn tail is cut.
    private(set) var validLength = 0
    /// The damaged final line, if any.
    private(set) var tornTail: JSONFileProfileStore.RecoveryReport.DiscardedTail?

    /// Verifies `bytes`, the content of the journal at `path`, against a snapshot that holds
    /// every record up to `snapshotSequence`.
    ///
    /// - Throws: ``ProfileStoreError/corrupt(file:offset:reason:)`` naming `path` and the offset
    ///   of the first bad line.
    init(bytes: [UInt8], path: String, snapshotSequence: Int) throws(ProfileStoreError) {
        let decoder = JSONDecoder()
        var lineStart = 0
        var previousSequence: Int?
        while lineStart < bytes.count {
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else {
                tornTail = .init(
                    offset: lineStart,
                    byteCount: bytes.count - lineStart,
                    reason: "the last record has no line end: an append was cut short by a crash"
                )
                return
            }
            let line = bytes[lineStart..<newline]
            let isLast = newline == bytes.count - 1
            if let failure = JSONFileJournalCodec.checksumFailure(of: line) {
                guard isLast else { throw .corrupt(file: path, offset: lineStart, reason: failure) }
                tornTail = .init(offset: lineStart, byteCount: bytes.count - lineStart, reason: failure)
                return
            }
            let corrupt = { (reason: String) in ProfileStoreError.corrupt(file: path, offset: lineStart, reason: reason)
            }
            let header: Header
            do {
                header = try decoder.decode(Header.self, from: Data(line))
            } catch {
                throw corrupt("the record is not valid JSON with a schemaVersion and a sequence: \(error)")
            }
            guard (1...JSONFileJournalCodec.currentSchemaVersion).contains(header.schemaVersion) else {
                throw corrupt(
                    "unknown schemaVersion \(header.schemaVersion); this reader knows 1 through "
                        + "\(JSONFileJournalCodec.currentSchemaVersion)"
                )
            }
            if let previousSequence, header.sequence != previousSequence + 1 {
                throw corrupt(
                    "sequence \(header.sequence) follows \(previousSequence): a record is missing or repeated")
            }
            if previousSequence == nil, header.sequence > snapshotSequence + 1 {
                throw corrupt(
                    "the journal starts at sequence \(header.sequence) but the snapshot ends at \(snapshotSequence): "
                        + "records \(snapshotSequence + 1) through \(header.sequence - 1) are missing"
                )
            }
            previousSequence = header.sequence
            if header.sequence <= snapshotSequence {
                skippedCount += 1
            } else {
                do {
                    let body = try decoder.decode(Body.self, from: Data(line))
                    entries.append(Entry(offset: lineStart, sequence: header.sequence, mutation: body.mutation))
                } catch {
                    throw corrupt("the record's mutation cannot be read: \(error)")
                }
            }
            lineStart = newline + 1
            validLength = lineStart
        }
    }
}
