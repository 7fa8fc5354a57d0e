import Dispatch
import Synchronization

/// A task executor whose jobs run on whichever thread calls ``runOrWait()``.
final class InlineExecutor: TaskExecutor {
    private let jobs = Mutex<[UnownedJob]>([])
    private let signal = DispatchSemaphore(value: 0)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        jobs.withLock { $0.append(job) }
        signal.signal()
    }

    /// Wakes a thread blocked in ``runOrWait()``.
    func wake() { signal.signal() }

    /// Runs the jobs enqueued so far, or, when there are none, waits until one is enqueued or
    /// ``wake()`` is called.
    func runOrWait() {
        let pending = jobs.withLock { jobs in
            defer { jobs.removeAll() }
            return jobs
        }
        guard !pending.isEmpty else {
            signal.wait()
            return
        }
        for job in pending { job.runSynchronously(on: asUnownedTaskExecutor()) }
    }
}
