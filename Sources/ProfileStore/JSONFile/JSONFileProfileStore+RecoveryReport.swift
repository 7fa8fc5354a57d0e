extension JSONFileProfileStore {
    /// What opening the store found on disk: how much it replayed and what it discarded.
    public struct RecoveryReport: Sendable, Hashable {
        /// A damaged final journal record that opening the store discarded.
        public struct DiscardedTail: Sendable, Hashable {
            /// The byte offset in `journal.jsonl` where the discarded bytes began.
            public let offset: Int
            /// How many bytes were discarded (the file was cut to `offset`).
            public let byteCount: Int
            /// Why the record was discarded, e.g. no line end or a checksum mismatch.
            public let reason: String

            /// Creates a description of a discarded tail.
            package init(offset: Int, byteCount: Int, reason: String) {
                self.offset = offset
                self.byteCount = byteCount
                self.reason = reason
            }
        }

        /// The sequence number the snapshot ended at; 0 without a snapshot.
        public internal(set) var snapshotSequence: Int
        /// Journal records applied on top of the snapshot.
        public internal(set) var replayedRecordCount: Int
        /// Journal records skipped because the snapshot already held them (a crash between
        /// writing a snapshot and emptying the journal leaves some).
        public internal(set) var skippedRecordCount: Int
        /// The torn final record, if a crash cut an append short; `nil` when the journal was
        /// intact. The record was never acknowledged, so discarding it loses no acknowledged write.
        public internal(set) var discardedTail: DiscardedTail?
        /// Whether a `snapshot.json.tmp` or `journal.jsonl.tmp` left by a crash during a snapshot
        /// was removed (the files they were to replace were still complete).
        public internal(set) var removedTemporaryFiles: Bool
        /// Whether the final journal record was whole, with a valid checksum, but lacked its line
        /// end, which opening added back (the record was replayed).
        public internal(set) var restoredFinalLineEnd: Bool
        /// Whether this open created the store (``Options-swift.struct/Creation-swift.enum/createIfMissing``
        /// on a directory that held none).
        public internal(set) var createdStore: Bool

        /// Creates a report.
        package init(
            snapshotSequence: Int = 0,
            replayedRecordCount: Int = 0,
            skippedRecordCount: Int = 0,
            discardedTail: DiscardedTail? = nil,
            removedTemporaryFiles: Bool = false,
            restoredFinalLineEnd: Bool = false,
            createdStore: Bool = false
        ) {
            self.snapshotSequence = snapshotSequence
            self.replayedRecordCount = replayedRecordCount
            self.skippedRecordCount = skippedRecordCount
            self.discardedTail = discardedTail
            self.removedTemporaryFiles = removedTemporaryFiles
            self.restoredFinalLineEnd = restoredFinalLineEnd
            self.createdStore = createdStore
        }

        /// Whether opening found anything to repair (a torn tail, a temporary file, a missing
        /// final line end).
        public var repairedAnything: Bool { discardedTail != nil || removedTemporaryFiles || restoredFinalLineEnd }
    }
}
