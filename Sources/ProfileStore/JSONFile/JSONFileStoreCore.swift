import ProfileDomain

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
    var state: StoreState
    /// The sequence number of the last record applied to ``state``; 0 for an empty store.
    var sequence: Int
    /// The lock on `LOCK`; `nil` once closed.
    var lock: JSONFileLockRegistry.Held?
    /// The descriptor of `journal.jsonl`, opened for appending; -1 once closed.
    var journalDescriptor: Int32
    /// The journal's length in bytes: where a failed append is cut back to.
    var journalLength: Int
    /// Records in the journal since the last snapshot.
    var journalRecordCount: Int
    /// The error that made the store refuse writes (an `fsync` failure leaves the journal's
    /// durable content unknown, so the only safe answer is to stop writing).
    var failure: ProfileStoreError?
    /// Whether a background snapshot is being written (at most one at a time).
    var snapshotInProgress = false
    /// Journal lines appended since the running background snapshot copied the state: the
    /// content of the journal that replaces the current one once the snapshot is in place.
    var linesSinceSnapshotCopy: [UInt8] = []
    /// How many records ``linesSinceSnapshotCopy`` holds.
    var recordsSinceSnapshotCopy = 0
    /// Failures injected by tests; ``JSONFileFaults/none`` otherwise.
    var faults = JSONFileFaults.none
    /// Deletions not yet erased from the files, and the compaction that erases them.
    var erasure = JSONFileErasureSchedule()

    // Group commit (JSONFileStoreCore+GroupCommit.swift).
    /// Records applied to ``state`` whose journal batch is not durable yet, and who waits.
    var commits = JSONFileCommitQueue()
    /// The sequence number the running background snapshot copied the state at.
    var snapshotCopySequence = 0
    /// The encoder of journal lines, reused by every write: by writers after they release the
    /// mutex (``JSONFileProfileStore/journalEncoder`` is this one) and by ``appendQueued()``.
    let journalEncoder = JSONFileJournalCodec.makeEncoder()

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

    /// Plans a change with `plan`, applies it and queues its journal record (see
    /// ``commit(_:)-(StoreMutation)``): the caller waits for durability before acknowledging it.
    ///
    /// - Returns: `false` when `plan` finds nothing to change (nothing is written).
    mutating func commit(
        _ plan: (StoreState) throws(ProfileStoreError) -> StoreMutation?
    ) throws(ProfileStoreError) -> Bool {
        try requireWritable()
        guard let mutation = try plan(state) else { return false }
        try commit(mutation)
        return true
    }

    /// Plans `user`'s update with `body`, applies it and queues its journal record, like
    /// ``commit(_:)-(StoreMutation)``; the outcome is a value so that the caller's locked section
    /// does not throw.
    mutating func commitUpdate<Value, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms? = nil,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) -> Result<Value, ProfileStoreFailure<Failure>> {
        do {
            try requireWritable()
        } catch {
            return .failure(.store(error))
        }
        let planned = state.plannedUpdate(user, expectingVersion: expectedVersion, holding: terms, body)
        return StoreState.storing(planned) { mutation throws(ProfileStoreError) in try commit(mutation) }
    }

    /// Throws unless the journal open as `journalDescriptor` is the file at `journal`: when the
    /// directory was removed (or moved, or the journal replaced) under the store, writes land in a
    /// file the next open will not read, so acknowledging them would lose them. Costs an `fstat`
    /// and a `stat`, a few microseconds against the `fsync` before it.
    static func requireJournalInPlace(_ journalDescriptor: Int32, at journal: String) throws(ProfileStoreError) {
        let open = try JSONFilePOSIX.identity(of: journalDescriptor, path: journal)
        guard open.links > 0 else {
            throw .io(
                operation: "append to the journal, which was deleted while the store was open (directory removed?)",
                path: journal, errno: ENOENT)
        }
        let named = try JSONFilePOSIX.identity(of: journal)
        guard let named, named.device == open.device, named.inode == open.inode else {
            throw .io(
                operation:
                    "append to the journal, whose path no longer names the open file (directory moved or replaced?)",
                path: journal, errno: ENOENT)
        }
    }

    /// Writes `snapshot.json` atomically and empties the journal, all under the mutex.
    ///
    /// The order makes every crash point safe: (1) write and fsync `snapshot.json.tmp`;
    /// (2) rename it over `snapshot.json` and fsync the directory; (3) truncate and fsync the
    /// journal. A crash before (2) completes leaves the old snapshot and the full journal; after
    /// (2), the new snapshot and a journal whose records it already holds (skipped by sequence).
    /// The caller makes sure no background snapshot runs.
    mutating func writeSnapshot() throws(ProfileStoreError) {
        try requireWritable()
        try Self.writeSnapshotFile(try snapshot.encoded(), directory: directory)
        try emptyJournal()
        erasure.compacted(through: sequence)
    }

    /// Writes `bytes` as `snapshot.json` atomically: temporary file, fsync, rename, fsync of
    /// the directory. Needs no mutex: only one snapshot is written at a time.
    static func writeSnapshotFile(_ bytes: [UInt8], directory: String) throws(ProfileStoreError) {
        let temporary = directory + "/" + JSONFileProfileStore.snapshotTemporaryFileName
        try writeDurably(bytes, to: temporary, replacing: directory + "/" + JSONFileProfileStore.snapshotFileName)
        try JSONFilePOSIX.fsyncDirectory(directory)
    }

    /// Writes `bytes` to `temporary`, fsyncs it and renames it over `destination`; removes the
    /// temporary file on failure.
    private static func writeDurably(
        _ bytes: [UInt8],
        to temporary: String,
        replacing destination: String
    ) throws(ProfileStoreError) {
        let descriptor = try JSONFilePOSIX.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
        do {
            defer { JSONFilePOSIX.close(descriptor) }
            try JSONFilePOSIX.writeAll(descriptor, bytes, path: temporary)
            try JSONFilePOSIX.fsync(descriptor, path: temporary)
            try JSONFilePOSIX.rename(temporary, to: destination)
        } catch {
            try? JSONFilePOSIX.unlink(temporary)
            throw error
        }
    }

    private mutating func emptyJournal() throws(ProfileStoreError) {
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

    /// The snapshot of the current state (a copy-on-write copy, so O(1)).
    var snapshot: JSONFileSnapshot { JSONFileSnapshot(sequence: sequence, state: state) }

    /// Starts a background snapshot when the journal has reached ``snapshotEvery`` records and
    /// none is running: returns the snapshot to write.
    mutating func beginBackgroundSnapshot() -> JSONFileSnapshot? {
        guard failure == nil, journalDescriptor >= 0, !snapshotInProgress,
            journalRecordCount >= snapshotEvery || erasure.isDue
        else {
            return nil
        }
        snapshotInProgress = true
        snapshotCopySequence = sequence
        linesSinceSnapshotCopy = []
        recordsSinceSnapshotCopy = 0
        return snapshot
    }

    /// Ends a background snapshot: when its file is in place, replaces the journal with the
    /// records written since the state was copied.
    ///
    /// The new journal is written as `journal.jsonl.tmp`, fsynced and renamed over the old one.
    /// A crash before the rename leaves the old journal, whose records up to the snapshot's
    /// sequence are skipped; after it, the new journal, which starts right after the snapshot.
    /// Either way the snapshot is a compaction: it erases every deletion up to its copy.
    mutating func finishBackgroundSnapshot(written: Bool, error: ProfileStoreError? = nil) {
        defer {
            snapshotInProgress = false
            linesSinceSnapshotCopy = []
            recordsSinceSnapshotCopy = 0
        }
        guard journalDescriptor >= 0, failure == nil else { return }
        guard written else {
            // The journal still holds everything; try again after another `snapshotEvery` records.
            journalRecordCount = 0
            erasure.failed(
                error
                    ?? .io(operation: "write a snapshot", path: path(JSONFileProfileStore.snapshotFileName), errno: EIO)
            )
            return
        }
        if linesSinceSnapshotCopy.isEmpty {
            if (try? emptyJournal()) != nil { erasure.compacted(through: snapshotCopySequence) }
            return
        }
        let journal = path(JSONFileProfileStore.journalFileName)
        do throws(ProfileStoreError) {
            try Self.writeDurably(
                linesSinceSnapshotCopy,
                to: path(JSONFileProfileStore.journalTemporaryFileName),
                replacing: journal
            )
        } catch {
            journalRecordCount = 0
            erasure.failed(error)
            return
        }
        do throws(ProfileStoreError) {
            try JSONFilePOSIX.fsyncDirectory(directory)
            let descriptor = try JSONFilePOSIX.open(journal, flags: O_WRONLY | O_APPEND)
            JSONFilePOSIX.close(journalDescriptor)
            journalDescriptor = descriptor
            journalLength = linesSinceSnapshotCopy.count
            journalRecordCount = recordsSinceSnapshotCopy
            erasure.compacted(through: snapshotCopySequence)
        } catch {
            // The open descriptor names the replaced file: appending to it would lose writes.
            failure = error
        }
    }

    /// Closes the files and releases the lock; later calls fail as on a closed store.
    mutating func closeFiles() {
        if journalDescriptor >= 0 { JSONFilePOSIX.close(journalDescriptor) }
        if let lock { JSONFileLockRegistry.release(lock) }
        journalDescriptor = -1
        lock = nil
    }
}
