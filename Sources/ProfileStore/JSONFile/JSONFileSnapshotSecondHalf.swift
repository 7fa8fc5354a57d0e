import Dispatch
import Synchronization

/// The second half of a snapshot's records, read on another thread while the opening thread
/// reads the first half (``JSONFileSnapshotScanner``, "Records, in two halves").
///
/// The thread is one of Dispatch's global threads, not the Swift cooperative pool: opening a
/// store is synchronous and already blocks its caller on file I/O, and the wait for this half
/// is part of that.
final class JSONFileSnapshotSecondHalf: Sendable {
    /// What the second half read.
    struct Result: Sendable {
        /// Its records, in file order.
        var records: [JSONFileSnapshotScanner.ScannedRecord]
        /// The finished CRC-32C of the bytes from ``JSONFileSnapshotSecondHalf/start`` to ``end``.
        var checksum: UInt32
        /// Where the `]` that closes the records array is.
        var end: Int
        /// Where the pages it handed back to the kernel end.
        var released: Int
    }

    /// Where the half begins: a record's start, if the opening thread lands there.
    let start: Int
    private let done = DispatchSemaphore(value: 0)
    private let outcome = Mutex<Result?>(nil)

    /// Starts `read` on another thread; the half begins at `start`.
    init(start: Int, read: @escaping @Sendable () -> Result?) {
        self.start = start
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = read()
            outcome.withLock { $0 = result }
            done.signal()
        }
    }

    /// Waits for the half and returns what it read, or `nil` when it stopped at something the
    /// scan does not read. Call it, or ``discard()``, exactly once.
    func result() -> Result? {
        done.wait()
        return outcome.withLock { outcome in
            defer { outcome = nil }
            return outcome
        }
    }

    /// Waits for the half and drops what it read: the opening thread read those records itself,
    /// or gave the file to the decoder. Before the mapping goes, the thread must have finished.
    func discard() {
        _ = result()
    }
}
