#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A verified reading of `journal.jsonl`: the records to replay after a snapshot and the torn
/// tail, if any, that a crash mid-append left behind.
///
/// Every line that ends with a line end must verify, the last one included: damage to any byte
/// of a complete record, its line end among them, is corruption. Only the bytes after the last
/// line end may be a torn record, because every append is fsynced before the next one starts,
/// and only when some record line begins with them (a crash leaves a prefix of the line being
/// appended, perhaps followed by zero bytes, and nothing else). A checksum-valid final record
/// that lacks only its line end is kept, and the line end is restored on open.
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
    /// Whether the final record is whole but lacks its line end, which opening adds back.
    private(set) var lacksFinalLineEnd = false
    /// The path of the journal, for errors.
    private let path: String
    /// The snapshot's sequence number: records up to it are skipped.
    private let snapshotSequence: Int
    /// The sequence number of the previous record, once there is one.
    private var previousSequence: Int?
    private let decoder = JSONDecoder()

    /// Verifies `bytes`, the content of the journal at `path`, against a snapshot that holds
    /// every record up to `snapshotSequence`.
    ///
    /// - Throws: ``JSONFileStoreError/corrupt(file:offset:reason:)`` naming `path` and the offset
    ///   of the first bad line.
    init(bytes: [UInt8], path: String, snapshotSequence: Int) throws(JSONFileStoreError) {
        self.path = path
        self.snapshotSequence = snapshotSequence
        var lineStart = 0
        while lineStart < bytes.count {
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else {
                try readUnterminated(bytes, from: lineStart)
                return
            }
            let line = bytes[lineStart..<newline]
            if let failure = JSONFileJournalCodec.checksumFailure(of: line) {
                throw .corrupt(file: path, offset: lineStart, reason: failure)
            }
            try accept(line, at: lineStart)
            lineStart = newline + 1
            validLength = lineStart
        }
    }

    /// Reads the bytes after the last line end: a torn record to discard, a whole record that
    /// lacks only its line end, or damage.
    private mutating func readUnterminated(_ bytes: [UInt8], from start: Int) throws(JSONFileStoreError) {
        var end = bytes.count
        while end > start, bytes[end - 1] == 0 { end -= 1 }
        switch JSONFileJournalCodec.classifyUnterminated(bytes[start..<end]) {
        case .torn:
            tornTail = .init(
                offset: start,
                byteCount: bytes.count - start,
                reason: "the last record has no line end: an append was cut short by a crash"
            )
        case .complete:
            try accept(bytes[start..<end], at: start)
            validLength = end
            lacksFinalLineEnd = true
        case .damaged(let reason):
            throw .corrupt(file: path, offset: start, reason: reason)
        }
    }

    /// Checks and keeps one checksum-valid record line (without its line end).
    private mutating func accept(_ line: ArraySlice<UInt8>, at lineStart: Int) throws(JSONFileStoreError) {
        let path = path
        let corrupt = { (reason: String) in JSONFileStoreError.corrupt(file: path, offset: lineStart, reason: reason) }
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
        guard (1...JSONFileJournalCodec.maximumSequence).contains(header.sequence) else {
            throw corrupt(
                "sequence \(header.sequence) is outside 1...\(JSONFileJournalCodec.maximumSequence), "
                    + "the numbers this store writes"
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
    }
}
