import Foundation
import Synchronization

// Group commit: writers plan and apply under the mutex and reserve their journal record's place,
// then encode it after releasing the mutex (writers encode in parallel) and hand it over; a
// dedicated I/O thread appends every record ready with one `write` and one `fsync`, then
// resumes every caller of the batch. Docs/performance.md, "Group commit", explains the design;
// Docs/JSONFileStore.md, "Writes", the rules a reader and a writer can rely on.
extension JSONFileProfileStore {
    /// How often a read that found pending records whose batch then failed reads again (each
    /// failure takes the records back out, so the next read sees the durable state).
    static let readAttempts = 4

    /// What one turn of the I/O thread did.
    enum JournalTurn {
        case appended, idle, stopped
    }

    /// Starts the I/O thread that owns the journal appends. It holds the store weakly, so that a
    /// store nobody closes is still deinitialized, and stops once the store is closed or gone.
    func startJournalThread() {
        let wakeUp = ioWakeUp
        // A thread, not a task: `write` and `fsync` block, and the cooperative pool has as few
        // threads as the machine has cores.
        Thread.detachNewThread { [weak self] in
            while true {
                wakeUp.wait()
                turns: while true {
                    switch Self.journalTurn(of: self) {
                    case .appended: continue
                    case .idle: break turns
                    case .stopped: return
                    }
                }
            }
        }
    }

    private static func journalTurn(of store: JSONFileProfileStore?) -> JournalTurn {
        store?.appendQueuedBatch() ?? .stopped
    }

    /// Takes everything queued, appends it with one `write` and one `fsync` without holding the
    /// mutex, and resumes every caller waiting for it.
    private func appendQueuedBatch() -> JournalTurn {
        let (turn, waiters, error) = descriptorLock.withLock { _ in
            let (append, closed) = core.withLock { core in
                (core.takeAppend(markingIdle: true), core.journalDescriptor < 0)
            }
            guard let append else {
                return (closed ? JournalTurn.stopped : .idle, [JSONFileCommitQueue.Waiter](), ProfileStoreError?.none)
            }
            let outcome = append.perform()
            let (waiters, error) = core.withLock { $0.finishAppend(append, outcome) }
            return (.appended, waiters, error)
        }
        for waiter in waiters { waiter(error) }
        return turn
    }

    /// Runs `body` under the mutex; when the state it saw holds records that are not durable yet
    /// (its own write, or earlier writers'), suspends until they are, without blocking a thread.
    ///
    /// - Returns: what `body` returned or threw.
    /// - Throws: the failure of the batch that held those records: they were taken back out.
    func durably<Value: Sendable, Failure: Error>(
        _ body: (inout JSONFileStoreCore) throws(Failure) -> Value
    ) async throws(ProfileStoreError) -> Result<Value, Failure> {
        var outcome: Result<Value, Failure>?
        let failure: ProfileStoreError? = await withCheckedContinuation { continuation in
            let (reserved, wake) = core.withLock { core in
                let before = core.sequence
                do throws(Failure) {
                    outcome = .success(try body(&core))
                } catch {
                    outcome = .failure(error)
                }
                if core.commits.hasPending {
                    core.commits.wait(through: core.sequence) { continuation.resume(returning: $0) }
                } else {
                    continuation.resume(returning: nil)
                }
                return (core.commits.unencoded(after: before), core.commits.takeWakeRequest())
            }
            if wake { ioWakeUp.signal() }
            if !reserved.isEmpty { handOver(reserved) }
        }
        if let failure { throw failure }
        guard let outcome else { preconditionFailure("the body ran under the mutex before the continuation resumed") }
        return outcome
    }

    /// Encodes the journal lines of `reserved`, reserved by this caller's locked section, without
    /// the mutex (with the store's one encoder, whose options never change, so callers share it),
    /// then hands them over to the I/O thread. A record that cannot be encoded is taken back with
    /// every record reserved after it, whose waiters then fail with the encoding error.
    private func handOver(_ reserved: [JSONFileCommitQueue.Reservation]) {
        let lines = reserved.map { reservation in
            Result { () throws(ProfileStoreError) in
                try JSONFileJournalCodec.line(
                    for: reservation.mutation, sequence: reservation.sequence, using: journalEncoder)
            }
        }
        let (wake, dropped, error) = core.withLock {
            (core) -> (Bool, [JSONFileCommitQueue.Waiter], ProfileStoreError?) in
            for (reservation, line) in zip(reserved, lines) {
                switch line {
                case .success(let line):
                    core.commits.fill(reservation.ticket, line: line)
                case .failure(let error):
                    let dropped = core.dropUnencodable(from: reservation.ticket)
                    return (core.commits.takeWakeRequest(), dropped, error)
                }
            }
            return (core.commits.takeWakeRequest(), [], nil)
        }
        if wake { ioWakeUp.signal() }
        for waiter in dropped { waiter(error) }
    }

    /// Reads `body` from a state whose every record is durable: at once when nothing is pending,
    /// else after the pending batch; when that batch fails, reads again.
    func read<Value: Sendable>(
        _ body: (borrowing StoreState) -> Value
    ) async throws(ProfileStoreError) -> Value {
        let now = core.withLock { (core) -> Result<Value, ProfileStoreError>? in
            guard !core.commits.hasPending else { return nil }
            do throws(ProfileStoreError) {
                try core.requireOpen()
            } catch {
                return .failure(error)
            }
            return .success(body(core.state))
        }
        if let now { return try now.get() }
        var attempt = 1
        while true {
            do {
                return try await durably { (core) throws(ProfileStoreError) in
                    try core.requireOpen()
                    return body(core.state)
                }.get()
            } catch {
                // A failed batch took back what the read saw; the next read sees the durable state.
                guard attempt < Self.readAttempts else { throw error }
                attempt += 1
            }
        }
    }

    /// Reads `body` from a state whose every record is durable, blocking the calling thread for
    /// at most the pending batch: for the synchronous API (``userCount``, ``exportContents()``).
    ///
    /// - Returns: the value, and the failure of the last batch it waited for when every attempt
    ///   met a failing batch (the value may then show writes that were taken back).
    func readBlocking<Value: Sendable>(
        _ body: (borrowing JSONFileStoreCore) -> Value
    ) -> (value: Value, failure: ProfileStoreError?) {
        var attempt = 1
        while true {
            let latch = JSONFileDurabilityLatch()
            let value = core.withLock { core in
                if core.commits.hasPending {
                    core.commits.wait(through: core.sequence, latch.resume)
                } else {
                    latch.resume(nil)
                }
                return body(core)
            }
            let failure = latch.wait()
            if failure == nil || attempt == Self.readAttempts { return (value, failure) }
            attempt += 1
        }
    }

    /// How group commit formed batches so far (tests and benchmarks).
    var commitStatistics: JSONFileCommitQueue.Statistics {
        core.withLock { $0.commits.statistics }
    }

    /// How many records wait for the I/O thread, and how many callers wait for a batch (tests).
    var pendingCounts: (queuedRecords: Int, waiters: Int) {
        core.withLock { ($0.commits.queuedCount, $0.commits.waiterCount) }
    }
}
