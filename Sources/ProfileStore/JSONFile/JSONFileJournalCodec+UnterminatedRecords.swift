extension JSONFileJournalCodec {
    /// What the bytes after the journal's last line end are.
    enum UnterminatedRecord: Equatable {
        /// A prefix of a record line: an append a crash cut short, never acknowledged.
        case torn
        /// A whole record with a valid checksum whose line end alone is missing.
        case complete
        /// Bytes no append can leave: damage, refused with the reason.
        case damaged(reason: String)
    }

    private static let schemaVersionHead = Array(#"{"schemaVersion":"#.utf8)
    private static let sequenceHead = Array(#","sequence":"#.utf8)
    private static let mutationHead = Array(#","mutation":"#.utf8)

    /// Classifies the bytes after the last line end of the journal (trailing zero bytes already
    /// removed: a file system may extend a file with zeros before the data reaches the disk).
    ///
    /// They are torn only when some record line begins with them: a crash leaves a prefix of the
    /// line being appended and nothing else. The check follows the line's layout: the two header
    /// fields, a JSON prefix of the mutation, then the checksum field, whose digits must match
    /// the checksum of the bytes before it as far as they go.
    static func classifyUnterminated(_ tail: ArraySlice<UInt8>) -> UnterminatedRecord {
        var index = tail.startIndex
        for (head, isNumber) in [(schemaVersionHead, true), (sequenceHead, true), (mutationHead, false)] {
            switch match(head, in: tail, at: index) {
            case .incomplete: return .torn
            case .invalid(let at): return damaged(at: at - tail.startIndex)
            case .complete(let end): index = end
            }
            guard isNumber else { break }
            let digitsStart = index
            while index < tail.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(tail[index]) { index += 1 }
            if index == tail.endIndex { return .torn }
            if index == digitsStart { return damaged(at: index - tail.startIndex) }
        }
        let mutationEnd: Int
        switch JSONFileJSONPrefix.scan(tail, from: index) {
        case .incomplete: return .torn
        case .invalid(let at): return damaged(at: at - tail.startIndex)
        case .complete(let end): mutationEnd = end
        }
        let checksum = JSONFileCRC32C.hex(JSONFileCRC32C.checksum(tail[tail.startIndex..<mutationEnd]))
        let expectedSuffix = suffixHead + Array(checksum.utf8) + suffixTail
        switch match(expectedSuffix, in: tail, at: mutationEnd) {
        case .incomplete: return .torn
        case .invalid(let at):
            return .damaged(
                reason: "the last record has no line end and its bytes differ at offset \(at - tail.startIndex) "
                    + "from any record line (the checksum of its content is \(checksum)): it is damaged, not cut short"
            )
        case .complete(let end):
            return end == tail.endIndex
                ? .complete : damaged(at: end - tail.startIndex, after: "a whole record with a valid checksum")
        }
    }

    /// Whether `tail` holds `expected` at `index`: all of it, part of it up to its end, or not.
    private static func match(
        _ expected: [UInt8],
        in tail: ArraySlice<UInt8>,
        at index: Int
    ) -> JSONFileJSONPrefix.Outcome {
        for (offset, byte) in expected.enumerated() {
            guard index + offset < tail.endIndex else { return .incomplete }
            guard tail[index + offset] == byte else { return .invalid(at: index + offset) }
        }
        return .complete(end: index + expected.count)
    }

    private static func damaged(at offset: Int, after what: String = "a record line") -> UnterminatedRecord {
        .damaged(
            reason: "the last record has no line end and byte \(offset) of it cannot follow \(what): "
                + "it is damaged, not cut short by a crash"
        )
    }
}
