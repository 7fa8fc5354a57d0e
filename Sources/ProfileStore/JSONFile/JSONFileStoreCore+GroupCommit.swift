#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One append of a batch of journal records, made without the store's mutex: what the I/O thread
/// needs from the core to write and `fsync` while writers go on planning.
struct JSONFileJournalAppend: Sendable {
    /// The records to append.
    var batch: JSONFileCommitQueue.Batch
    /// The journal's descriptor (the caller holds the store's descriptor lock, so it stays open).
    var descriptor: Int32
    /// The journal's durable length, where a failed `write` is cut back to.
    var length: Int
    /// The journal's path, for errors and the in-place check.
    var journal: String
    /// Failures injected by tests.
    var faults: JSONFileFaults

    /// How an append ended.
    enum Outcome: Sendable {
        /// Written and `fsync`ed: the batch is durable.
        case durable
        /// The `write` failed and the journal was cut back to its durable length: the store may
        /// go on writing.
        case refused(ProfileStoreError)
        /// The `fsync` failed, or the journal is no longer at its path, or cutting back failed:
        /// what the file holds is unknown, and the store must refuse every later write.
        case poisoned(ProfileStoreError)
    }

    /// Appends the batch with one `write` and one `fsync`, then checks that the journal is still
    /// the file at its path.
    func perform() -> Outcome {
        let last = batch.lastSequence
        do throws(JSONFileStoreError) {
            if let inject = faults.journalWrite, let code = inject(last) {
                throw JSONFileStoreError.io(operation: "write", path: journal, errno: code)
            }
            try JSONFilePOSIX.writeAll(descriptor, batch.bytes, path: journal)
        } catch {
            // Cut a partial batch off so that the next append does not follow garbage, which
            // would read as corruption in the middle of the file.
            do throws(JSONFileStoreError) {
                try JSONFilePOSIX.truncate(descriptor, to: length, path: journal)
            } catch {
                return .poisoned(ProfileStoreError(error))
            }
            return .refused(ProfileStoreError(error))
        }
        do throws(JSONFileStoreError) {
            if let inject = faults.journalFsync, let code = inject(last) {
                throw JSONFileStoreError.io(operation: "fsync", path: journal, errno: code)
            }
            try JSONFilePOSIX.fsync(descriptor, path: journal)
            try JSONFileStoreCore.requireJournalInPlace(descriptor, at: journal)
        } catch {
            return .poisoned(ProfileStoreError(error))
        }
        return .durable
    }
}

extension JSONFileStoreCore {
    /// Applies `mutation`, planned against ``state`` under the same mutex, and reserves its place
    /// in the journal; its writer encodes the line after releasing the mutex
    /// (``JSONFileCommitQueue/fill(_:line:)``).
    ///
    /// Later writers plan against the applied state (so a username claimed by a pending write is
    /// taken), while readers and this writer wait until the record is durable
    /// (``JSONFileCommitQueue/wait(through:_:)``); a failed batch takes it back out.
    mutating func commit(_ mutation: StoreMutation) throws(ProfileStoreError) {
        try requireWritable()
        guard sequence < JSONFileJournalCodec.maximumSequence else {
            throw .invalidMutation(
                "the journal's sequence numbers are used up (\(sequence) is the last, "
                    + "\(JSONFileJournalCodec.maximumSequence) the limit); no further write fits")
        }
        let undo = try state.inverse(of: mutation)
        // Planning ran the same checks on the same state, so a failure here means a bug; `apply`
        // changes nothing when it throws, and nothing was queued.
        try state.apply(mutation)
        sequence += 1
        commits.reserve(mutation, sequence: sequence, undo: undo)
    }

    /// Takes back the reserved record `ticket`, which could not be encoded, with every record
    /// reserved after it (they were planned on top of it); the records before it stay pending.
    ///
    /// - Returns: the waiters that saw a dropped record, to resume with the error after the mutex
    ///   is released.
    mutating func dropUnencodable(from ticket: Int) -> [JSONFileCommitQueue.Waiter] {
        guard let (dropped, undo, waiters) = commits.fail(from: ticket) else { return [] }
        undoPending(undo)
        sequence = dropped - 1
        return waiters
    }

    /// Applies the inverses of records taken back; a failure poisons the store.
    private mutating func undoPending(_ undo: [StoreMutation]) {
        do throws(ProfileStoreError) {
            for mutation in undo { try state.apply(mutation) }
        } catch {
            // The inverses are exact (pinned by StoreStateUndoTests), so this is a bug; the state
            // no longer matches the journal, and writing on would build on it.
            failure = error
        }
    }

    /// Takes every queued record as one append; `nil` when none is queued, one is in flight, or
    /// the store is closed. The caller holds the store's descriptor lock until it reports back
    /// with ``finishAppend(_:_:)``.
    mutating func takeAppend(markingIdle: Bool) -> JSONFileJournalAppend? {
        guard journalDescriptor >= 0, let batch = commits.takeBatch(markingIdle: markingIdle) else { return nil }
        return JSONFileJournalAppend(
            batch: batch, descriptor: journalDescriptor, length: journalLength,
            journal: path(JSONFileProfileStore.journalFileName), faults: faults)
    }

    /// Records how `append` ended: a durable batch extends the journal; a failed one is taken back
    /// out of the state with every record queued after it.
    ///
    /// - Returns: the waiters to resume after the mutex is released, with `nil` or the error.
    mutating func finishAppend(
        _ append: JSONFileJournalAppend,
        _ outcome: JSONFileJournalAppend.Outcome
    ) -> (waiters: [JSONFileCommitQueue.Waiter], error: ProfileStoreError?) {
        let error: ProfileStoreError
        switch outcome {
        case .durable:
            journalLength += append.batch.bytes.count
            journalRecordCount += append.batch.records.count
            if snapshotInProgress {
                // The running snapshot holds the records up to its copy; the journal that replaces
                // the current one needs the durable records after it.
                for (index, record) in append.batch.records.enumerated() where record.sequence > snapshotCopySequence {
                    linesSinceSnapshotCopy.append(contentsOf: append.batch.line(at: index))
                    recordsSinceSnapshotCopy += 1
                }
            }
            return (commits.completeBatch(), nil)
        case .refused(let refusal):
            error = refusal
        case .poisoned(let poison):
            error = poison
            failure = poison
        }
        let (undo, waiters) = commits.failAll()
        undoPending(undo)
        sequence = commits.durableSequence
        return (waiters, error)
    }

    /// Appends everything queued right here, under the mutex: for `close()`, `snapshot()` and
    /// synchronous reads, which must see only durable records. The caller holds the store's
    /// descriptor lock, so the I/O thread has no batch in flight.
    ///
    /// - Returns: the waiters to resume after the mutex is released, with their results.
    mutating func appendQueued() -> [(JSONFileCommitQueue.Waiter, ProfileStoreError?)] {
        var resumptions: [(JSONFileCommitQueue.Waiter, ProfileStoreError?)] = []
        // Writers between their two locked sections have not handed their lines over yet: encode
        // them here (a writer's later hand-over then finds its line there and changes nothing).
        let encoder = journalEncoder
        let unencodable = commits.encodeReserved { (mutation, sequence) throws(ProfileStoreError) in
            try JSONFileJournalCodec.line(for: mutation, sequence: sequence, using: encoder)
        }
        if let (ticket, error) = unencodable {
            resumptions += dropUnencodable(from: ticket).map { ($0, error) }
        }
        while let append = takeAppend(markingIdle: false) {
            let (waiters, error) = finishAppend(append, append.perform())
            resumptions += waiters.map { ($0, error) }
        }
        return resumptions
    }
}
