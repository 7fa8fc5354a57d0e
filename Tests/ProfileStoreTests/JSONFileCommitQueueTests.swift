import ProfileDomain
import Testing

@testable import ProfileStore

@Suite("JSONFileCommitQueue: records reserved under the mutex, encoded outside it")
struct JSONFileCommitQueueTests {
    private static func line(_ sequence: Int) -> [UInt8] { Array("line \(sequence)\n".utf8) }

    private static let waiter: JSONFileCommitQueue.Waiter = { _ in }

    private static func mutation(_ sequence: Int) -> StoreMutation {
        .delete(user: UserID("u\(sequence)") ?? .random())
    }

    @Test("the I/O thread takes only the records ready in sequence order; a late one holds back those after it")
    func readyPrefix() {
        var queue = JSONFileCommitQueue()
        for sequence in 1...3 { queue.reserve(Self.mutation(sequence), sequence: sequence, undo: []) }
        let tickets = queue.unencoded(after: 0).map(\.ticket)
        #expect(tickets.count == 3)
        queue.fill(tickets[1], line: Self.line(2))
        queue.fill(tickets[2], line: Self.line(3))
        let early = queue.takeBatch(markingIdle: true)
        #expect(early == nil)
        let wokenEarly = queue.takeWakeRequest()
        #expect(!wokenEarly, "only the first record's line can make a batch")
        queue.fill(tickets[0], line: Self.line(1))
        let woken = queue.takeWakeRequest()
        #expect(woken, "the I/O thread went idle: the first line wakes it")
        let batch = queue.takeBatch(markingIdle: true)
        #expect(batch?.records.map(\.sequence) == [1, 2, 3])
        #expect(batch?.bytes == Self.line(1) + Self.line(2) + Self.line(3))
        #expect(batch.map { batch in (0..<3).map { Array(batch.line(at: $0)) } } == (1...3).map(Self.line))
    }

    @Test("a line handed over after its record was taken back lands nowhere, even when the sequence number is reused")
    func lateFillAfterFailure() {
        var queue = JSONFileCommitQueue()
        queue.reserve(Self.mutation(1), sequence: 1, undo: [])
        let stale = queue.unencoded(after: 0)[0].ticket
        queue.wait(through: 1, Self.waiter)
        let unencodable = queue.encodeReserved { _, sequence in Self.line(sequence) }
        #expect(unencodable == nil)
        _ = queue.takeBatch(markingIdle: true)
        let (undo, waiters) = queue.failAll()
        #expect(undo.isEmpty && waiters.count == 1)
        // Sequence 1 is used again by another writer; the first writer's line arrives late.
        queue.reserve(Self.mutation(1), sequence: 1, undo: [])
        queue.fill(stale, line: Array("stale\n".utf8))
        let batch = queue.takeBatch(markingIdle: true)
        #expect(batch == nil)
        let fresh = queue.unencoded(after: 0)
        #expect(fresh.count == 1 && fresh[0].ticket != stale)
        let dropped = queue.fail(from: stale)
        #expect(dropped == nil)
    }

    @Test("an unencodable record is dropped with every record after it; the ones before it and their waiters stay")
    func dropFromUnencodable() throws {
        var queue = JSONFileCommitQueue()
        for sequence in 1...4 {
            queue.reserve(Self.mutation(sequence), sequence: sequence, undo: [Self.mutation(-sequence)])
            queue.wait(through: sequence, Self.waiter)
        }
        let tickets = queue.unencoded(after: 0).map(\.ticket)
        let failed = queue.fail(from: tickets[2])
        let dropped = try #require(failed)
        #expect(dropped.sequence == 3)
        #expect(dropped.undo == [Self.mutation(-4), Self.mutation(-3)], "newest first")
        #expect(dropped.waiters.count == 2)
        #expect(queue.queuedCount == 2 && queue.waiterCount == 2)
        queue.fill(tickets[0], line: Self.line(1))
        queue.fill(tickets[1], line: Self.line(2))
        let batch = queue.takeBatch(markingIdle: true)
        #expect(batch?.records.map(\.sequence) == [1, 2])
        let resumed = queue.completeBatch()
        #expect(resumed.count == 2)
        #expect(queue.durableSequence == 2 && !queue.hasPending)
    }

    @Test("seeded random reservations, hand-overs, drops and batches keep the journal in sequence order")
    func randomInterleavings() {
        for round in 0..<200 {
            let seed = UInt64(0x5EED_0000 + round)
            var generator = SeededGenerator(state: seed)
            var queue = JSONFileCommitQueue()
            // The model: what is reserved (sequence, ticket, encoded?), what was appended.
            var sequence = 0
            var reserved: [(sequence: Int, ticket: Int, encoded: Bool)] = []
            var appended: [UInt8] = []
            var expected: [UInt8] = []
            var inFlight: JSONFileCommitQueue.Batch?
            for _ in 0..<60 {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<4:
                    sequence += 1
                    queue.reserve(Self.mutation(sequence), sequence: sequence, undo: [])
                    reserved.append((sequence, queue.unencoded(after: sequence - 1)[0].ticket, false))
                case 4..<7:
                    guard let pick = reserved.indices.randomElement(using: &generator) else { continue }
                    queue.fill(reserved[pick].ticket, line: Self.line(reserved[pick].sequence))
                    reserved[pick].encoded = true
                case 7:
                    guard let pick = reserved.indices.randomElement(using: &generator) else { continue }
                    // The writer's encoding failed: its record and every later one go.
                    let dropped = queue.fail(from: reserved[pick].ticket)
                    #expect(dropped?.sequence == reserved[pick].sequence, "seed \(seed)")
                    sequence = reserved[pick].sequence - 1
                    reserved.removeLast(reserved.count - pick)
                default:
                    if let batch = inFlight {
                        appended += batch.bytes
                        _ = queue.completeBatch()
                        inFlight = nil
                    } else if let batch = queue.takeBatch(markingIdle: true) {
                        let ready = reserved.prefix { $0.encoded }
                        #expect(batch.records.map(\.sequence) == ready.map(\.sequence), "seed \(seed)")
                        expected += ready.flatMap { Self.line($0.sequence) }
                        reserved.removeFirst(ready.count)
                        inFlight = batch
                    } else {
                        #expect(reserved.first?.encoded != true, "seed \(seed): a ready record was not taken")
                    }
                }
            }
            #expect(appended == expected.prefix(appended.count).map { $0 }, "seed \(seed)")
            #expect(queue.queuedCount == reserved.count, "seed \(seed)")
        }
    }
}
