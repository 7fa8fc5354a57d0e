import NIOCore

/// A `TaskExecutor` that runs jobs on one NIO event loop, so that code under
/// `withTaskExecutorPreference` runs in that loop's turns, ordered with the channel's own events.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
