import Dispatch
import Synchronization

/// A blocking wait for a group-commit batch, for the callers that may block a thread: the
/// synchronous reads and the background snapshot thread. Tasks wait with a continuation instead.
final class JSONFileDurabilityLatch: Sendable {
    private let signal = DispatchSemaphore(value: 0)
    private let outcome = Mutex<ProfileStoreError?>(nil)

    /// Records the outcome and releases the waiting thread; called once.
    func resume(_ error: ProfileStoreError?) {
        outcome.withLock { $0 = error }
        signal.signal()
    }

    /// Blocks until ``resume(_:)`` was called; returns its error, if any.
    func wait() -> ProfileStoreError? {
        signal.wait()
        return outcome.withLock { $0 }
    }
}
