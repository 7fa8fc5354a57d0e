/// The group-commit bookkeeping of a JSON-file store, kept under the store's mutex: writes
/// applied in memory whose journal records are not durable yet, and the callers waiting for them.
///
/// A writer plans and applies under the mutex and ``reserve(_:sequence:undo:)``s its record's
/// place in the journal; it encodes the line after releasing the mutex (so that writers encode in
/// parallel) and hands it over with ``fill(_:line:)``. The store's I/O thread takes every record
/// ready in sequence order as one batch (``takeBatch(markingIdle:)``), appends it with one `write`
/// and one `fsync` without the mutex, and reports back with ``completeBatch()`` or ``failAll()``;
/// a record that cannot be encoded is taken back with every record after it (``fail(from:)``).
/// Docs/JSONFileStore.md ("Writes") states the rules.
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

    /// One record applied in memory whose place in the journal is reserved: its line is `nil`
    /// until its writer (or ``encodeReserved(_:)``) encoded it.
    struct Reservation: Sendable {
        /// Names this reservation alone: sequence numbers are used again after a failed batch,
        /// tickets never, so a late ``fill(_:line:)`` cannot land on another writer's record.
        var ticket: Int
        /// Its sequence number.
        var sequence: Int
        /// The change, to encode.
        var mutation: StoreMutation
        /// Its encoded line, newline included, once encoded.
        var line: [UInt8]?
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
    /// Records waiting for the I/O thread, in sequence order (consecutive numbers), encoded or not.
    private var queued: [Reservation] = []
    /// The ticket of the next reservation.
    private var nextTicket = 0
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
    var hasPending: Bool { !queued.isEmpty || inFlight != nil }

    /// Records waiting for the I/O thread to take them.
    var queuedCount: Int { queued.count }

    /// Callers waiting for a batch.
    var waiterCount: Int { waiters.count }

    /// Reserves the journal's next place for record `sequence` (one past the last one queued or
    /// durable), which `mutation` applied; `undo` takes it back out of the state. The I/O thread
    /// appends it once ``fill(_:line:)`` or ``encodeReserved(_:)`` gave its line.
    mutating func reserve(_ mutation: StoreMutation, sequence: Int, undo: [StoreMutation]) {
        queued.append(Reservation(ticket: nextTicket, sequence: sequence, mutation: mutation, line: nil, undo: undo))
        nextTicket += 1
    }

    /// Where the reservation `ticket` is queued, or `nil` once it left the queue.
    private func index(of ticket: Int) -> Int? {
        // Tickets grow along the queue, and the writer that holds one looks it up moments after
        // reserving it: it is near the end.
        queued.lastIndex { $0.ticket == ticket }
    }

    /// Hands over the encoded `line` of the reservation `ticket`. Does nothing when the record was
    /// encoded already (by ``encodeReserved(_:)``) or taken back (``fail(from:)``, ``failAll()``).
    /// When the first record queued becomes ready while the I/O thread sleeps,
    /// ``takeWakeRequest()`` then says it must be woken.
    mutating func fill(_ ticket: Int, line: [UInt8]) {
        guard let index = index(of: ticket), queued[index].line == nil else { return }
        queued[index].line = line
        if index == 0, ioThreadIdle {
            ioThreadIdle = false
            wakeRequested = true
        }
    }

    /// The reserved records not encoded yet whose sequence number is above `sequence`: what the
    /// writer that reserved them (in the locked section that ran since `sequence` was the last)
    /// encodes after releasing the mutex.
    func unencoded(after sequence: Int) -> [Reservation] {
        Array(queued.reversed().prefix { $0.sequence > sequence }.filter { $0.line == nil }.reversed())
    }

    /// Encodes, with `encode`, every reserved record whose writer has not handed its line over
    /// yet: for the callers that must append everything queued under the mutex.
    ///
    /// - Returns: the ticket of the first record that could not be encoded and why, or `nil`.
    mutating func encodeReserved(
        _ encode: (StoreMutation, Int) throws(ProfileStoreError) -> [UInt8]
    ) -> (ticket: Int, error: ProfileStoreError)? {
        for index in queued.indices where queued[index].line == nil {
            do throws(ProfileStoreError) {
                queued[index].line = try encode(queued[index].mutation, queued[index].sequence)
            } catch {
                return (queued[index].ticket, error)
            }
        }
        return nil
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

    /// Takes every queued record that is ready (encoded, with every record before it) as the
    /// batch to append; `nil` when none is ready or a batch is already being appended. The I/O
    /// thread passes `markingIdle`, so that the next record made ready wakes it.
    mutating func takeBatch(markingIdle: Bool) -> Batch? {
        let ready = queued.prefix { $0.line != nil }.count
        guard inFlight == nil, ready > 0 else {
            if markingIdle, inFlight == nil { ioThreadIdle = true }
            return nil
        }
        var batch = Batch()
        for reservation in queued[..<ready] {
            batch.bytes.append(contentsOf: reservation.line ?? [])
            batch.records.append(
                Pending(sequence: reservation.sequence, end: batch.bytes.count, undo: reservation.undo))
        }
        queued.removeFirst(ready)
        inFlight = batch
        return batch
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
        let inverses = (inFlight?.records ?? []).map(\.undo) + queued.map(\.undo)
        inFlight = nil
        queued = []
        let resume = waiters.map(\.resume)
        waiters = []
        return (inverses.reversed().flatMap { $0 }, resume)
    }

    /// Drops the queued reservation `ticket`, which could not be encoded, and every record queued
    /// after it (planned on top of it); the records before it stay pending.
    ///
    /// - Returns: the sequence number of the dropped record, the inverses to apply to the state,
    ///   in order, and the waiters that saw one of the dropped records (to resume with the failure
    ///   after releasing the mutex); `nil` when the record left the queue (dropped already).
    mutating func fail(from ticket: Int) -> (sequence: Int, undo: [StoreMutation], waiters: [Waiter])? {
        guard let start = index(of: ticket) else { return nil }
        let sequence = queued[start].sequence
        let dropped = queued[start...]
        let undo = dropped.reversed().flatMap(\.undo)
        queued.removeLast(dropped.count)
        let kept = waiters.prefix { $0.sequence < sequence }.count
        let resume = waiters[kept...].map(\.resume)
        waiters.removeLast(waiters.count - kept)
        return (sequence, undo, resume)
    }
}
