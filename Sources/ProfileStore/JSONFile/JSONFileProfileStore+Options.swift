extension JSONFileProfileStore {
    /// How a JSON-file store trades start-up time against write pauses.
    public struct Options: Sendable, Hashable {
        /// Journal records after which the store writes a snapshot in the background and
        /// replaces the journal with the records written meanwhile.
        ///
        /// Smaller values shorten start-up (less journal to replay) and spend more CPU and I/O on
        /// snapshots, whose cost grows with the number of stored users; writes do not wait for
        /// them. Values below 1 are treated as 1. The default is 10,000.
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
