#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The line format of `journal.jsonl`: one JSON object per line, its checksum at the end.
///
/// ```
/// {"schemaVersion":1,"sequence":42,"mutation":{"follow":{"followee":"u2","follower":"u1"}},"crc32c":"1a2b3c4d"}
/// ```
///
/// `mutation` is a ``StoreMutation`` in its `Codable` form. The checksum is CRC-32C of every
/// byte of the line before `,"crc32c":` (so it covers the schema version, the sequence number
/// and the mutation), written as 8 lowercase hex digits.
/// The suffix has a fixed length, so a reader verifies a line before parsing it as JSON, and the
/// line stays plain JSON for `jq` and for people.
enum JSONFileJournalCodec {
    /// The schema version this code writes; a reader accepts 1 through this.
    static let currentSchemaVersion = 1

    /// The largest sequence number a journal record or a snapshot may carry: 2^53, the largest
    /// integer every JSON reader (`jq` and JavaScript included) holds exactly. Numbers beyond it
    /// are refused on open, so that the arithmetic on sequence numbers cannot overflow, and a
    /// store whose sequence reached it refuses writes (at one write per microsecond that takes
    /// 285 years).
    static let maximumSequence = 1 << 53

    static let suffixHead = Array(#","crc32c":""#.utf8)
    static let suffixTail = Array(#""}"#.utf8)
    private static var suffixLength: Int { suffixHead.count + 8 + suffixTail.count }

    /// The reference encoder of journal lines: its bytes are the format. ``JSONFileRecordEncoder``
    /// writes the same bytes faster and leaves what it does not write to this one; a store keeps
    /// one and reuses it.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The full line, newline included, that records `mutation` as number `sequence`.
    ///
    /// - Throws: ``ProfileStoreError/invalidMutation(_:)`` when JSON cannot hold the mutation
    ///   (a number that is not finite).
    static func line(
        for mutation: StoreMutation,
        sequence: Int,
        using encoder: JSONEncoder = makeEncoder()
    ) throws(ProfileStoreError) -> [UInt8] {
        var line = Array(#"{"schemaVersion":\#(currentSchemaVersion),"sequence":\#(sequence),"mutation":"#.utf8)
        // A typical record is 600-900 bytes; one allocation holds it and the suffix.
        line.reserveCapacity(1_024)
        do {
            try JSONFileRecordEncoder.append(mutation, to: &line, fallback: encoder) {
                (writer, mutation) throws(JSONFileRecordEncoder.Unsupported) in try writer.mutation(mutation)
            }
        } catch {
            throw .invalidMutation("the record cannot be encoded as JSON: \(error)")
        }
        let checksum = JSONFileCRC32C.checksum(line)
        line.append(contentsOf: suffixHead)
        line.append(contentsOf: JSONFileCRC32C.hex(checksum).utf8)
        line.append(contentsOf: suffixTail)
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// Why a line without its newline fails verification, or `nil` when its checksum holds.
    static func checksumFailure(of line: ArraySlice<UInt8>) -> String? {
        guard line.count > suffixLength else {
            return "the line is \(line.count) bytes, too short to hold a record and its checksum"
        }
        let suffixStart = line.endIndex - suffixLength
        let hexStart = suffixStart + suffixHead.count
        guard line[suffixStart..<hexStart].elementsEqual(suffixHead),
            line[(hexStart + 8)...].elementsEqual(suffixTail),
            line[hexStart..<(hexStart + 8)].allSatisfy(JSONFileJSONPrefix.isHexDigit),
            let stored = UInt32(String(decoding: line[hexStart..<(hexStart + 8)], as: UTF8.self), radix: 16)
        else {
            return #"the line does not end with a "crc32c" checksum field"#
        }
        let computed = JSONFileCRC32C.checksum(line[line.startIndex..<suffixStart])
        guard computed == stored else {
            return
                "checksum mismatch: the line says \(JSONFileCRC32C.hex(stored)), its bytes give \(JSONFileCRC32C.hex(computed))"
        }
        return nil
    }
}
