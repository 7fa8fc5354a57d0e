import Synchronization

/// Runs async library calls to completion from libFuzzer's synchronous callback, on the calling
/// thread.
///
/// The task prefers ``InlineExecutor``, whose jobs the calling thread runs itself, so an input
/// whose work never waits on another thread (the in-memory stores) costs no thread hop: on a
/// loaded machine a hop per input cut the endpoint targets to ~30 executions per second.
enum Blocking {
    /// The value `work` returns; the calling thread runs the task's jobs until it has one.
    static func run<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
        let executor = InlineExecutor()
        let box = ResultBox<Value>(executor: executor)
        Task(executorPreference: executor) {
            box.store(await work())
        }
        return box.wait()
    }

    /// One result handed from the task to the waiting thread.
    private final class ResultBox<Value: Sendable>: Sendable {
        private let value = Mutex<Value?>(nil)
        private let executor: InlineExecutor

        init(executor: InlineExecutor) { self.executor = executor }

        func store(_ result: Value) {
            value.withLock { $0 = result }
            executor.wake()
        }

        func wait() -> Value {
            while true {
                if let result = value.withLock({ $0 }) { return result }
                executor.runOrWait()
            }
        }
    }
}
