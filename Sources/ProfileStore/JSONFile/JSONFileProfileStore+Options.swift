extension JSONFileProfileStore {
    /// How a JSON-file store trades start-up time against write pauses.
    public struct Options: Sendable, Hashable {
        /// Journal records after which the store writes a snapshot and empties the journal.
        ///
        /// Smaller values shorten start-up (less journal to replay) and make writes pause for a
        /// snapshot more often; a snapshot costs time in the number of stored users. Values
        /// below 1 are treated as 1. The default is 10,000.
        public var snapshotEvery: Int

        /// Whether ``JSONFileProfileStore/close()`` writes a snapshot when the journal holds
        /// records, so that the next start-up replays nothing. The default is `true`.
        public var snapshotsOnClose: Bool

        /// Creates options; every argument has its documented default.
        public init(snapshotEvery: Int = 10_000, snapshotsOnClose: Bool = true) {
            self.snapshotEvery = max(1, snapshotEvery)
            self.snapshotsOnClose = snapshotsOnClose
        }
    }
}
