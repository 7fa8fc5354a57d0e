import Dispatch
import Foundation
import ProfileDomain
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A durable store in a directory of human-readable JSON files: the embedded default for a
/// server without a database.
///
/// - **Durable.** A write returns only after its journal record is written with one `write` and
///   `fsync`ed: it survives `kill -9` and power loss.
/// - **Constant write cost.** A write appends one line to `journal.jsonl`; the whole state goes to
///   `snapshot.json` every ``Options-swift.struct/snapshotEvery`` records, written by a
///   background thread while writes go on, and on ``close()``.
/// - **Erases deleted users.** A deletion also starts a background snapshot that leaves no byte
///   of the user in any file; ``awaitErasure()`` waits for it.
/// - **Recovers or refuses.** Opening replays the snapshot and the journal. A torn final record (a
///   crash mid-append) is discarded and described in ``recoveryReport``; any other damage is
///   ``JSONFileStoreError/corrupt(file:offset:reason:)`` and the files are left untouched.
/// - **Single writer.** The store holds an exclusive lock on `LOCK` from `init(directory:options:)`
///   to ``close()`` (or deinit); a second opener, in this process or another, gets
///   ``JSONFileStoreError/locked(path:)``. Child processes never inherit it.
/// - **Its own errors.** Opening throws ``JSONFileStoreError``; the protocol's operations, and
///   ``close()``, ``snapshot()`` and ``compact()``, which share their write path, report the same
///   failures as ``ProfileStoreError/storageFailed(_:)`` (``JSONFileStoreError/init(_:)`` takes
///   the file, offset or `errno` back out).
///
/// Concurrent writes share `fsync`s (group commit): each plans and applies under the store's
/// mutex and queues its journal record; a dedicated I/O thread appends everything queued with one
/// `write` and one `fsync` and then resumes every writer of the batch. No caller thread blocks in
/// I/O, and no read answers from a write before it is durable. `Docs/JSONFileStore.md` describes
/// the format, the visibility rules, the crash windows and the migration path.
public final class JSONFileProfileStore: ProfileStore {
    static let lockFileName = "LOCK"
    static let storeMarkerFileName = "STORE"
    static let snapshotFileName = "snapshot.json"
    static let snapshotTemporaryFileName = "snapshot.json.tmp"
    static let journalFileName = "journal.jsonl"
    static let journalTemporaryFileName = "journal.jsonl.tmp"

    /// The store's directory, as given to `init(directory:options:)`.
    public let directory: String
    /// The options the store was opened with.
    public let options: Options
    /// What opening the store found and repaired.
    public let recoveryReport: RecoveryReport

    let core: Mutex<JSONFileStoreCore>
    /// Entered while a background snapshot runs, so that `close()`, `snapshot()` and
    /// `awaitErasure()` can wait.
    let backgroundSnapshots = DispatchGroup()
    // Group commit (JSONFileProfileStore+GroupCommit.swift).
    /// Held by whoever uses the journal's descriptor outside the mutex (the I/O thread during a
    /// batch) or replaces it (journal swaps, `close()`); taken before the mutex, never after.
    let descriptorLock = Mutex<Void>(())
    /// Wakes the I/O thread when a write finds it idle.
    let ioWakeUp = DispatchSemaphore(value: 0)
    /// The encoder of journal lines (the core's), used by writers outside the mutex: its options
    /// are set once, before any use, and `encode` only reads them.
    let journalEncoder: JSONEncoder

    /// Opens the store in `directory` (creating it when it holds none and `options.creation` is
    /// ``Options-swift.struct/Creation-swift.enum/createIfMissing``): takes the lock, reads the
    /// snapshot, replays the journal, then repairs what a crash left (a torn final journal
    /// record, a snapshot temporary).
    ///
    /// Repairs happen only after everything was read and verified, so a corrupt store is never
    /// written to: opening it throws and leaves every byte as it was.
    ///
    /// - Throws: ``JSONFileStoreError/locked(path:)`` when another opener holds the store,
    ///   ``JSONFileStoreError/corrupt(file:offset:reason:)`` for damage other than a torn tail (a
    ///   `STORE` marker without its journal included),
    ///   ``JSONFileStoreError/io(operation:path:errno:)`` when the system fails a call, or with
    ///   `ENOENT` when the directory holds no store and opening may not create one.
    public convenience init(directory: String, options: Options = .init()) throws(JSONFileStoreError) {
        try self.init(directory: directory, options: options, faults: .none)
    }

    /// Opens the store with `faults` injected into its journal writes (tests only).
    init(directory: String, options: Options, faults: JSONFileFaults) throws(JSONFileStoreError) {
        self.directory = directory
        self.options = options
        try Self.prepareDirectory(directory, creation: options.creation)
        let lock = try JSONFileLockRegistry.acquire(directory + "/" + Self.lockFileName)
        do throws(JSONFileStoreError) {
            var (core, report) = try Self.load(directory: directory, options: options, lock: lock)
            core.faults = faults
            core.commits = JSONFileCommitQueue(durableSequence: core.sequence)
            self.recoveryReport = report
            self.journalEncoder = core.journalEncoder
            self.core = Mutex(core)
        } catch {
            JSONFileLockRegistry.release(lock)
            throw error
        }
        startJournalThread()
        // A deletion the last run acknowledged but did not erase from the files yet.
        snapshotInBackgroundIfDue()
    }

    /// Opens the store in the directory at `url`; see ``init(directory:options:)``.
    public convenience init(directory url: URL, options: Options = .init()) throws(JSONFileStoreError) {
        try self.init(directory: url.path, options: options)
    }

    deinit {
        // No snapshot here: deinit cannot report a failure, and the journal already holds
        // every acknowledged write.
        core.withLock { $0.closeFiles() }
        ioWakeUp.signal()
    }

    /// Writes a snapshot (when the journal holds records and ``Options-swift.struct/snapshotsOnClose``
    /// is set), closes the files and releases the lock. Calling it again does nothing.
    ///
    /// After `close()`, every operation fails with ``ProfileStoreError/storageFailed(_:)`` carrying
    /// ``JSONFileStoreError/io(operation:path:errno:)`` (`EBADF`). The lock is released even when the snapshot fails; no acknowledged write is
    /// lost then, because the journal holds it.
    ///
    /// - Throws: the snapshot's failure, if any.
    public func close() throws(ProfileStoreError) {
        defer { ioWakeUp.signal() }
        try withoutBackgroundSnapshot { (core) throws(ProfileStoreError) in
            guard core.journalDescriptor >= 0 else { return }
            defer { core.closeFiles() }
            if options.snapshotsOnClose, core.failure == nil, core.journalLength > 0 {
                try core.writeSnapshot()
            }
        }
    }

    /// Writes a snapshot now and empties the journal, e.g. before a backup.
    ///
    /// - Throws: ``ProfileStoreError/storageFailed(_:)`` on a system failure or a closed store.
    public func snapshot() throws(ProfileStoreError) {
        try withoutBackgroundSnapshot { (core) throws(ProfileStoreError) in try core.writeSnapshot() }
    }

    /// Runs `body` under the mutex at a moment when no background snapshot is running and every
    /// record is durable (queued ones are appended right here, blocking the caller for them).
    private func withoutBackgroundSnapshot(
        _ body: (inout JSONFileStoreCore) throws(ProfileStoreError) -> Void
    ) throws(ProfileStoreError) {
        while true {
            backgroundSnapshots.wait()
            var resumptions: [(JSONFileCommitQueue.Waiter, ProfileStoreError?)] = []
            defer { for (waiter, error) in resumptions { waiter(error) } }
            let ran = try descriptorLock.withLock { _ throws(ProfileStoreError) -> Bool in
                try core.withLock { (core) throws(ProfileStoreError) -> Bool in
                    // A write may have started another snapshot between the wait and the lock.
                    guard !core.snapshotInProgress else { return false }
                    resumptions = core.appendQueued()
                    try body(&core)
                    return true
                }
            }
            if ran { return }
        }
    }

    /// Starts a snapshot on a thread of its own when the journal is due for one, so that the
    /// write that reached the threshold does not wait for it and the mutex is held only to
    /// copy the state (copy-on-write, so O(1)) and to swap the journal at the end.
    func snapshotInBackgroundIfDue() {
        // The copy may hold records still pending; the snapshot is written only once they are
        // durable, and dropped when their batch fails (the failure takes them back out).
        // Called after every write: the latch is made only when a snapshot starts (every
        // `snapshotEvery` records), not per write.
        let started = core.withLock { core -> (JSONFileSnapshot, JSONFileDurabilityLatch, JSONFileFaults)? in
            guard let snapshot = core.beginBackgroundSnapshot() else { return nil }
            let durability = JSONFileDurabilityLatch()
            if core.commits.hasPending {
                core.commits.wait(through: core.sequence, durability.resume)
            } else {
                durability.resume(nil)
            }
            return (snapshot, durability, core.faults)
        }
        guard let (snapshot, durability, faults) = started else { return }
        backgroundSnapshots.enter()
        // A dedicated thread, not a task: encoding and fsync block for long, and the
        // cooperative pool has as few threads as the machine has cores.
        Thread.detachNewThread { [self] in
            var error = durability.wait()
            if error == nil {
                do throws(ProfileStoreError) {
                    if let injected = faults.snapshotWrite?(snapshot.sequence) {
                        throw ProfileStoreError(.io(operation: "write the snapshot", path: directory, errno: injected))
                    }
                    let bytes = try snapshot.encoded()
                    try ProfileStoreError.reporting { () throws(JSONFileStoreError) in
                        try JSONFileStoreCore.writeSnapshotFile(bytes, directory: directory)
                    }
                } catch let failure {
                    error = failure
                }
            }
            // The journal swap replaces the descriptor: no batch may be in flight meanwhile.
            descriptorLock.withLock { _ in
                core.withLock { $0.finishBackgroundSnapshot(written: error == nil, error: error) }
            }
            backgroundSnapshots.leave()
            // A deletion made after this snapshot copied the state is still in the files: the
            // next compaction starts now, shared by every deletion made meanwhile.
            snapshotInBackgroundIfDue()
        }
    }

    /// How many users the store holds.
    ///
    /// Counts durable records only: when writes are pending, blocks the calling thread until
    /// their batch is durable (at most two `fsync`s: the batch in flight and the next).
    public var userCount: Int {
        readBlocking { $0.state.recordCount }.value
    }

    /// Every record, edge, username hold and username history, read at one instant: what a
    /// migration to another store copies (sorted as ``StoreContents`` documents). Like
    /// ``userCount``, waits (blocking) for pending writes.
    ///
    /// - Throws: ``ProfileStoreError/storageFailed(_:)`` (`EBADF`) once the store is closed.
    public func exportContents() throws(ProfileStoreError) -> StoreContents {
        let (contents, failure) = readBlocking { (core) -> Result<StoreContents, ProfileStoreError> in
            do throws(ProfileStoreError) {
                try core.requireOpen()
                return .success(try core.state.contents())
            } catch {
                return .failure(error)
            }
        }
        if let failure { throw failure }
        return try contents.get()
    }

    /// Plans a change under the mutex, applies it and waits until it is durable; `false` when
    /// there was nothing to change.
    func commit(
        _ plan: (StoreState) throws(ProfileStoreError) -> StoreMutation?
    ) async throws(ProfileStoreError) -> Bool {
        let changed = try await durably { (core) throws(ProfileStoreError) -> Bool in try core.commit(plan) }.get()
        if changed { snapshotInBackgroundIfDue() }
        return changed
    }
}

extension JSONFileProfileStore {
    /// The record of `user`, or `nil`.
    public func record(for user: UserID) async throws(ProfileStoreError) -> UserRecord? {
        try await read { state in Result { () throws(ProfileStoreError) in try state.record(for: user) } }.get()
    }

    /// The record whose profile has the id `profile`, or `nil`.
    public func record(forProfile profile: ProfileID) async throws(ProfileStoreError) -> UserRecord? {
        try await read { state in Result { () throws(ProfileStoreError) in try state.record(forProfile: profile) } }
            .get()
    }

    /// The record whose username has the canonical key of `username`, or `nil`.
    public func record(forUsername username: Username) async throws(ProfileStoreError) -> UserRecord? {
        try await read { state in
            Result { () throws(ProfileStoreError) in try state.record(forUsername: username) }
        }.get()
    }

    /// Reads, changes and durably stores the record of `user` as one atomic step, keeping
    /// username holds and history under `terms` in the same journal record; see
    /// ``ProfileStore/update(_:expectingVersion:holding:_:)``.
    ///
    /// `body` runs under the store's mutex and sees the writes of other callers that are still
    /// waiting for their batch; this call returns once its journal line and every earlier one are
    /// `fsync`ed (by the I/O thread, in one batch with concurrent writes), so the result is durable.
    public func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms?,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value {
        defer { snapshotInBackgroundIfDue() }
        // The step under the mutex cannot throw and returns its outcome as a value: see
        // `StoreState.plannedUpdate` for why no typed error crosses `withLock`.
        let step: Result<Value, ProfileStoreFailure<Failure>>
        do {
            step = try await durably { core -> Result<Value, ProfileStoreFailure<Failure>> in
                core.commitUpdate(user, expectingVersion: expectedVersion, holding: terms, body)
            }.get()
        } catch {
            throw .store(error)
        }
        return try step.get()
    }

    /// Makes `follower` follow `followee`; `false` when it already did.
    public func follow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool {
        try await commit { state throws(ProfileStoreError) in try state.planFollow(follower, followee) }
    }

    /// Removes the follow `follower` -> `followee`; `false` when there was none.
    public func unfollow(_ follower: UserID, _ followee: UserID) async throws(ProfileStoreError) -> Bool {
        try await commit { state in state.planUnfollow(follower, followee) }
    }

    /// Makes `blocker` block `blocked`, removing follows both ways; `false` when it already did.
    public func block(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool {
        try await commit { state throws(ProfileStoreError) in try state.planBlock(blocker, blocked) }
    }

    /// Removes the block `blocker` -> `blocked`; `false` when there was none.
    public func unblock(_ blocker: UserID, _ blocked: UserID) async throws(ProfileStoreError) -> Bool {
        try await commit { state in state.planUnblock(blocker, blocked) }
    }

    /// The edges between `viewer` and `subject`, both ways.
    public func relationship(
        between viewer: UserID,
        and subject: UserID
    ) async throws(ProfileStoreError) -> Relationship {
        try await read { $0.relationship(between: viewer, and: subject) }
    }

    /// Follower and following counts of `user`; zeros for an unknown user.
    public func socialCounts(for user: UserID) async throws(ProfileStoreError) -> SocialCounts {
        try await read { $0.socialCounts(for: user) }
    }

    /// Every edge to or from `user`, follows first, each kind sorted by `from` then `to`.
    public func edges(touching user: UserID) async throws(ProfileStoreError) -> [RelationshipEdge] {
        try await read { $0.edges(touching: user) }
    }

    /// Durably removes `user`'s record, every edge to or from it and its username history,
    /// holding its username under `terms.afterDeletion` when given in the same journal record,
    /// and schedules their erasure from the files; returns the removed record.
    ///
    /// It returns once the deletion's journal record is durable, without waiting for the erasure:
    /// a compaction (a background snapshot, see ``awaitErasure()``) starts at once, or when the
    /// snapshot already being written ends, and removes every byte of the user from the journal
    /// and the snapshot while other writes go on. Deletions made meanwhile share it.
    public func deleteUser(
        _ user: UserID, holding terms: UsernameHoldTerms?
    ) async throws(ProfileStoreError)
        -> UserRecord?
    {
        let removed = try await durably { (core) throws(ProfileStoreError) -> UserRecord? in
            try core.requireWritable()
            guard let mutation = try core.state.planDelete(user, holding: terms) else { return nil }
            let removed = try core.state.record(for: user)
            try core.commit(mutation)
            core.erasure.deleted(at: core.sequence)
            return removed
        }.get()
        if removed != nil { snapshotInBackgroundIfDue() }
        return removed
    }

    /// The users whose deletion is due at `now`, sorted.
    public func usersPendingDeletion(dueAt now: Date) async throws(ProfileStoreError) -> [UserID] {
        try await read { state in
            Result { () throws(ProfileStoreError) in try state.usersPendingDeletion(dueAt: now) }
        }.get()
    }
}
