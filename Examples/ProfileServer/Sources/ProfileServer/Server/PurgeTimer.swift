import Logging
import ProfileKit
import ServiceLifecycle

/// Ends pending deletions whose grace period has passed: every ``interval`` it calls
/// `ProfileService.purgeExpiredDeletions()` and logs the users it purged. Stops with the server
/// (graceful shutdown cancels the wait; a purge already running finishes first, before the store
/// closes, because the timer is mounted after the storage closer).
struct PurgeTimer: Service {
    /// The use cases, over the server's store and media store.
    let service: ProfileService
    /// The time between two purges; the first runs one interval after start.
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                await purgeOnce()
            }
        }
    }

    /// One purge, logged; a failure is logged and retried at the next tick (the users purged
    /// before it stay purged).
    func purgeOnce() async {
        do {
            let purged = try await service.purgeExpiredDeletions()
            if !purged.isEmpty {
                logger.info(
                    "purged \(purged.count) account(s) whose deletion grace period ended",
                    metadata: ["users": .array(purged.map { .string($0.rawValue) })])
            }
        } catch {
            logger.error("the purge of expired deletions failed", metadata: ["error": "\(error)"])
        }
    }
}
