extension JSONFileProfileStore {
    /// How a JSON-file store trades start-up time against write pauses, and whether opening may
    /// create a store.
    public struct Options: Sendable, Hashable {
        /// What opening does when the directory holds no store.
        public enum Creation: Sendable, Hashable {
            /// Refuse with ``JSONFileStoreError/io(operation:path:errno:)`` (`ENOENT`) when the
            /// directory is missing or holds no store: a server whose data directory vanished, or
            /// whose volume is not mounted, must not start over empty. The default.
            case openExisting
            /// Create the directory (and its parents) and an empty store in it when it holds none;
            /// open the store that is there otherwise. For a first run, or for tests.
            case createIfMissing
        }

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

        /// What opening does when the directory holds no store; the default is
        /// ``Creation-swift.enum/openExisting``.
        ///
        /// A directory holds a store when it has `journal.jsonl` or `snapshot.json`. One whose
        /// `STORE` marker is present but whose journal is missing is refused as corrupt with either
        /// choice: its files were removed.
        public var creation: Creation

        /// Creates options; every argument has its documented default.
        public init(snapshotEvery: Int = 10_000, snapshotsOnClose: Bool = true, creation: Creation = .openExisting) {
            self.snapshotEvery = max(1, snapshotEvery)
            self.snapshotsOnClose = snapshotsOnClose
            self.creation = creation
        }

        /// The default options, except that opening creates the store when the directory holds none.
        public static var createIfMissing: Options { Options(creation: .createIfMissing) }
    }
}
