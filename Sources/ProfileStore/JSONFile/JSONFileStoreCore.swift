#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything a JSON-file store guards with its mutex: the state, the open files and the
/// bookkeeping of the journal. Every method runs with the mutex held.
struct JSONFileStoreCore: Sendable {
    /// The store's directory.
    let directory: String
    /// Journal records between automatic snapshots.
    let snapshotEvery: Int
    /// The data.
    var state: JSONFileStoreState
    /// The descriptor of `LOCK`, holding the `flock`; -1 once closed.
    var lockDescriptor: Int32
    /// The descriptor of `journal.jsonl`, opened for appending; -1 once closed.
    var journalDescriptor: Int32
    /// The journal's length in bytes: where a failed append is cut back to.
    var journalLength: Int
    /// Records in the journal since the last snapshot.
    var journalRecordCount: Int
    /// The error that made the store refuse writes (an `fsync` failure leaves the journal's
    /// durable content unknown, so the only safe answer is to stop writing).
    var failure: ProfileStoreError?

    /// The path of a file in the store's directory.
    func path(_ name: String) -> String { directory + "/" + name }

    /// Throws unless the store can still be written.
    func requireWritable() throws(ProfileStoreError) {
        if let failure { throw failure }
        try requireOpen()
    }

    /// Throws once the store is closed.
    func requireOpen() throws(ProfileStoreError) {
        guard journalDescriptor >= 0 else {
            throw .io(operation: "use a closed store", path: directory, errno: EBADF)
        }
    }

    /// Checks `operation`, makes it durable in the journal and applies it.
    ///
    /// - Returns: `false` when the operation changes nothing (nothing is written).
    mutating func commit(_ operation: JSONFileOperation) throws(ProfileStoreError) -> Bool {
        try requireWritable()
        guard try state.check(operation) else { return false }
        let line = try JSONFileJournalCodec.line(for: operation, sequence: state.sequence + 1)
        try appendDurably(line)
        state.apply(operation)
        state.sequence += 1
        journalRecordCount += 1
        if journalRecordCount >= snapshotEvery {
            // The write is already durable and acknowledged; a failed snapshot only means a
            // longer journal, so it is retried after the next `snapshotEvery` records.
            do throws(ProfileStoreError) {
                try writeSnapshot()
            } catch {
                journalRecordCount = 0
            }
        }
        return true
    }

    private mutating func appendDurably(_ line: [UInt8]) throws(ProfileStoreError) {
        let journal = path(JSONFileProfileStore.journalFileName)
        do {
            try JSONFilePOSIX.writeAll(journalDescriptor, line, path: journal)
        } catch {
            // Cut a partial line off so that the next append does not follow garbage, which
            // would read as corruption in the middle of the file.
            do {
                try JSONFilePOSIX.truncate(journalDescriptor, to: journalLength, path: journal)
            } catch {
                failure = error
            }
            throw error
        }
        do {
            try JSONFilePOSIX.fsync(journalDescriptor, path: journal)
        } catch {
            failure = error
            throw error
        }
        journalLength += line.count
    }

    /// Writes `snapshot.json` atomically and empties the journal.
    ///
    /// The order makes every crash point safe: (1) write and fsync `snapshot.json.tmp`;
    /// (2) rename it over `snapshot.json` and fsync the directory; (3) truncate and fsync the
    /// journal. A crash before (2) completes leaves the old snapshot and the full journal; after
    /// (2), the new snapshot and a journal whose records it already holds (skipped by sequence).
    mutating func writeSnapshot() throws(ProfileStoreError) {
        try requireWritable()
        let bytes = try JSONFileSnapshot(of: state).encoded()
        let temporary = path(JSONFileProfileStore.snapshotTemporaryFileName)
        let descriptor = try JSONFilePOSIX.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
        do {
            defer { JSONFilePOSIX.close(descriptor) }
            try JSONFilePOSIX.writeAll(descriptor, bytes, path: temporary)
            try JSONFilePOSIX.fsync(descriptor, path: temporary)
            try JSONFilePOSIX.rename(temporary, to: path(JSONFileProfileStore.snapshotFileName))
        } catch {
            try? JSONFilePOSIX.unlink(temporary)
            throw error
        }
        try JSONFilePOSIX.fsyncDirectory(directory)
        let journal = path(JSONFileProfileStore.journalFileName)
        do {
            try JSONFilePOSIX.truncate(journalDescriptor, to: 0, path: journal)
            try JSONFilePOSIX.fsync(journalDescriptor, path: journal)
        } catch {
            failure = error
            throw error
        }
        journalLength = 0
        journalRecordCount = 0
    }

    /// Closes the files and releases the lock; later calls fail as on a closed store.
    mutating func closeFiles() {
        if journalDescriptor >= 0 { JSONFilePOSIX.close(journalDescriptor) }
        if lockDescriptor >= 0 { JSONFilePOSIX.close(lockDescriptor) }
        journalDescriptor = -1
        lockDescriptor = -1
    }
}
