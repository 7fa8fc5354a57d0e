/// The group-commit bookkeeping of a JSON-file store, kept under the store's mutex: writes
/// applied in memory whose journal records are not durable yet, and the callers waiting for them.
///
/// A writer plans, applies and encodes under the mutex, then ``enqueue(_:sequence:undo:)``s its
/// line; the store's I/O thread takes everything queued as one batch (``takeBatch()``), appends
/// it with one `write` and one `fsync` without the mutex, and reports back with
/// ``completeBatch()`` or ``failAll()``. Docs/JSONFileStore.md ("Writes") states the rules.
struct JSONFileCommitQueue: Sendable {
    /// Resumes one waiting caller: `nil` once what it waited for is durable, else the error.
    typealias Waiter = @Sendable (ProfileStoreError?) -> Void

    /// One record applied in memory and not yet durable.
    struct Pending: Sendable {
        /// Its sequence number.
        var sequence: Int
        /// Where its line ends in the batch's bytes.
        var end: Int
        /// What takes it back out of the state (``StoreState/inverse(of:)``).
        var undo: [StoreMutation]
    }

    /// Records appended to the journal together.
    struct Batch: Sendable {
        /// Their lines, in sequence order.
        var bytes: [UInt8] = []
        /// The records, in sequence order.
        var records: [Pending] = []

        /// The sequence number of the last record.
        var lastSequence: Int { records.last?.sequence ?? 0 }

        /// The line of `record`, one of ``records``.
        func line(at index: Int) -> ArraySlice<UInt8> {
            bytes[(index == 0 ? 0 : records[index - 1].end)..<records[index].end]
        }
    }

    /// Figures for the tests and the benchmark: how well batches form.
    struct Statistics: Sendable, Equatable {
        /// Batches made durable (one `write` and one `fsync` each).
        var batches = 0
        /// Records in them.
        var records = 0
        /// The most records one batch held.
        var largestBatch = 0
    }

    /// The sequence number of the last durable record.
    private(set) var durableSequence: Int
    /// Records waiting for the I/O thread.
    private var queued = Batch()
    /// The batch the I/O thread is appending, if any.
    private var inFlight: Batch?
    /// Callers waiting, each for every record up to its sequence number, in the order they came.
    private var waiters: [(sequence: Int, resume: Waiter)] = []
    /// Whether the I/O thread waits for a wake-up (the next ``enqueue(_:sequence:undo:)`` gives one).
    private var ioThreadIdle = true
    /// Whether an enqueue found the I/O thread idle since the last ``takeWakeRequest()``.
    private var wakeRequested = false
    /// How batches formed so far.
    private(set) var statistics = Statistics()

    /// A queue whose durable content ends at `durableSequence`.
    init(durableSequence: Int = 0) {
        self.durableSequence = durableSequence
    }

    /// Whether records are applied in memory but not durable (queued or being appended).
    var hasPending: Bool { !queued.records.isEmpty || inFlight != nil }

    /// Records waiting for the I/O thread to take them.
    var queuedCount: Int { queued.records.count }

    /// Callers waiting for a batch.
    var waiterCount: Int { waiters.count }

    /// Queues the encoded `line` of record `sequence`; `undo` takes it back out of the state.
    /// When the I/O thread sleeps, ``takeWakeRequest()`` then says it must be woken.
    mutating func enqueue(_ line: [UInt8], sequence: Int, undo: [StoreMutation]) {
        queued.bytes.append(contentsOf: line)
        queued.records.append(Pending(sequence: sequence, end: queued.bytes.count, undo: undo))
        if ioThreadIdle {
            ioThreadIdle = false
            wakeRequested = true
        }
    }

    /// Whether a write since the last call found the I/O thread asleep: the caller signals it
    /// once it has released the mutex.
    mutating func takeWakeRequest() -> Bool {
        defer { wakeRequested = false }
        return wakeRequested
    }

    /// Makes `resume` wait until every record up to `sequence` is durable.
    mutating func wait(through sequence: Int, _ resume: @escaping Waiter) {
        waiters.append((sequence, resume))
    }

    /// Takes every queued record as the batch to append; `nil` when none is queued or a batch is
    /// already being appended. The I/O thread passes `markingIdle`, so that the next write wakes it.
    mutating func takeBatch(markingIdle: Bool) -> Batch? {
        guard inFlight == nil, !queued.records.isEmpty else {
            if markingIdle, inFlight == nil { ioThreadIdle = true }
            return nil
        }
        inFlight = queued
        queued = Batch()
        return inFlight
    }

    /// Records the batch taken by ``takeBatch(markingIdle:)`` as durable.
    ///
    /// - Returns: the waiters to resume (after releasing the mutex), now durable.
    mutating func completeBatch() -> [Waiter] {
        guard let batch = inFlight else { return [] }
        inFlight = nil
        durableSequence = batch.lastSequence
        statistics.batches += 1
        statistics.records += batch.records.count
        statistics.largestBatch = max(statistics.largestBatch, batch.records.count)
        let done = waiters.prefix { $0.sequence <= durableSequence }
        waiters.removeFirst(done.count)
        return done.map(\.resume)
    }

    /// Drops every pending record (the batch being appended and every one queued after it, which
    /// was planned on top of it): their batch failed.
    ///
    /// - Returns: the inverses to apply to the state, in order, and every waiter (to resume with
    ///   the failure after releasing the mutex).
    mutating func failAll() -> (undo: [StoreMutation], waiters: [Waiter]) {
        let records = (inFlight?.records ?? []) + queued.records
        inFlight = nil
        queued = Batch()
        let resume = waiters.map(\.resume)
        waiters = []
        return (records.reversed().flatMap(\.undo), resume)
    }
}
