import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// The store's connection pool: a postgres-nio `PostgresClient` that is replaced by a fresh one
/// when it stops handing out connections.
///
/// Why it exists: while postgres-nio 1.33.2's pool cannot connect, it queues every lease with no
/// deadline and retries on a backoff of 100 ms × 1.25ⁿ per failed attempt (7, 9, 11, 13 s apart
/// after half a minute of outage, up to a minute), failing the queue only when its circuit breaker
/// trips after 60 s. After a database restart a call could therefore wait until the next retry
/// happened to succeed, and the store stay down long after the server was back. Here a lease not granted
/// within `leaseTimeout` retires that client: cancelling its `run()` shuts the pool down, which
/// fails every lease queued on it at once (`poolShutdown`, mapped to `unavailable`), and the next
/// operation goes to a new client whose first attempt connects without any backoff.
///
/// A client that granted any lease while an overdue one waited is busy, not stuck: it is kept, and
/// the overdue lease keeps its place in the queue. Retiring it would cut every transaction it
/// runs, so that a loaded machine would lose work instead of queueing it. That wait is still
/// bounded, because no lease is held for long: a connection held past `holdLimit` is closed, which
/// fails the statement in flight on it (a server that stopped answering without closing the
/// socket would otherwise hold it forever), and the lease is released.
final class PostgresPool: Sendable {
    /// One client and the task running it; `number` tells whether a failing lease still concerns
    /// the current client, so that many overdue leases retire it only once.
    private struct Generation: Sendable {
        let number: Int
        let client: PostgresClient
        let running: Task<Void, Never>
        /// How many leases this client has granted.
        let grants: Counter
        /// When this client last granted a lease.
        let lastGrant = Moment()
    }

    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    private final class Moment: Sendable {
        let instant = Mutex<ContinuousClock.Instant?>(nil)
    }

    /// Operations waiting for a lease, holding one, and connections closed for overrunning
    /// `holdLimit`, across generations (for ``status``).
    private let waiting = Counter()
    private let holding = Counter()
    private let closedForTimeout = Counter()

    private struct State: Sendable {
        var current: Generation
        var isClosed = false
    }

    /// Whether the pool granted one lease; shared by the lease and its watchdog.
    private final class LeaseFlag: Sendable {
        let granted = Atomic<Bool>(false)
    }

    private let state: Mutex<State>
    private let clientConfiguration: PostgresClient.Configuration
    private let leaseTimeout: Duration
    private let holdLimit: Duration
    private let logger: Logger

    init(configuration: PostgresClient.Configuration, leaseTimeout: Duration, holdLimit: Duration, logger: Logger) {
        self.clientConfiguration = configuration
        self.leaseTimeout = leaseTimeout
        self.holdLimit = holdLimit
        self.logger = logger
        self.state = Mutex(State(current: Self.start(number: 0, configuration: configuration, logger: logger)))
    }

    deinit {
        state.withLock { $0.current.running.cancel() }
    }

    private static func start(number: Int, configuration: PostgresClient.Configuration, logger: Logger) -> Generation {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return Generation(number: number, client: client, running: Task { await client.run() }, grants: Counter())
    }

    /// The client operations use now (tests query through it).
    var client: PostgresClient { state.withLock { $0.current.client } }

    /// The pool's counters now.
    var status: PostgresPoolStatus {
        let current = state.withLock { $0.current }
        return PostgresPoolStatus(
            replacements: current.number,
            waiting: waiting.value.load(ordering: .relaxed),
            holding: holding.value.load(ordering: .relaxed),
            granted: current.grants.value.load(ordering: .relaxed),
            sinceLastGrant: current.lastGrant.instant.withLock { $0 }.map { ContinuousClock.now - $0 },
            closedForTimeout: closedForTimeout.value.load(ordering: .relaxed))
    }

    /// Leases a connection for `body`; throws the pool's error when the pool fails the lease, or
    /// when none is granted within the lease timeout while the client granted no other lease
    /// either, and retires the client in both cases. A `body` still running `holdLimit` (the
    /// configured one when `nil`) after the grant has its connection closed, so that its statement
    /// in flight fails.
    func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        holdLimit: Duration? = nil,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        let holdLimit = holdLimit ?? self.holdLimit
        let generation = state.withLock { $0.current }
        let flag = LeaseFlag()
        let leaseTimeout = self.leaseTimeout
        let grantsBefore = generation.grants.value.load(ordering: .acquiring)
        let watchdog = Task { [weak self] in
            try? await Task.sleep(for: leaseTimeout)
            guard !Task.isCancelled, !flag.granted.load(ordering: .acquiring),
                generation.grants.value.load(ordering: .acquiring) == grantsBefore
            else { return }
            self?.retire(generation.number, because: "no connection within \(leaseTimeout)")
        }
        waiting.value.add(1, ordering: .relaxed)
        defer {
            watchdog.cancel()
            if !flag.granted.load(ordering: .acquiring) { waiting.value.subtract(1, ordering: .relaxed) }
        }
        do {
            return try await generation.client.withConnection(isolation: isolation) { connection in
                flag.granted.store(true, ordering: .releasing)
                generation.grants.value.add(1, ordering: .releasing)
                generation.lastGrant.instant.withLock { $0 = .now }
                watchdog.cancel()
                waiting.value.subtract(1, ordering: .relaxed)
                holding.value.add(1, ordering: .relaxed)
                let deadline = close(connection, after: holdLimit)
                defer {
                    deadline.cancel()
                    holding.value.subtract(1, ordering: .relaxed)
                }
                return try await body(connection)
            }
        } catch {
            // An error before the lease came from the pool itself (shut down, circuit breaker
            // open): a client in that state recovers only on its own backoff, so replace it.
            if !flag.granted.load(ordering: .acquiring) {
                retire(generation.number, because: "the pool refused a lease: \(error)")
            }
            throw error
        }
    }

    /// Schedules, on the connection's event loop, the close of `connection` once `limit` has
    /// passed; the caller cancels it when it is done with the connection.
    ///
    /// Closing is the only way to end a statement that waits: postgres-nio 1.33.2's queries do not
    /// react to task cancellation, and a server that stopped answering (stopped, or cut off by the
    /// network without a reset) leaves the socket open. Closing the channel fails the statement in
    /// flight (the handler fails its promise), and every later one fails at once in
    /// `guardedQuery`. A `COMMIT` cut that way may or may not have taken effect, like any write
    /// cut by an outage; the caller sees `unavailable` either way.
    private func close(_ connection: PostgresConnection, after limit: Duration) -> Scheduled<Void> {
        let logger = self.logger
        let closed = closedForTimeout
        return connection.eventLoop.scheduleTask(in: .nanoseconds(Int64(limit / .nanoseconds(1)))) {
            guard !connection.isClosed else { return }
            closed.value.add(1, ordering: .relaxed)
            logger.warning("closing a PostgreSQL connection held past its limit (\(limit))")
            let _: EventLoopFuture<Void> = connection.close()
        }
    }

    /// Replaces generation `number` by a new client, unless it was already replaced or the pool
    /// is closed.
    private func retire(_ number: Int, because reason: String) {
        let retired: Generation? = state.withLock { state in
            guard !state.isClosed, state.current.number == number else { return nil }
            let retired = state.current
            state.current = Self.start(number: number + 1, configuration: clientConfiguration, logger: logger)
            return retired
        }
        guard let retired else { return }
        logger.warning("replacing the PostgreSQL connection pool (generation \(number)): \(reason)")
        retired.running.cancel()
    }

    /// Shuts the current client down for good; leases after this fail with `poolShutdown`.
    func close() async {
        let current = state.withLock { state in
            state.isClosed = true
            return state.current
        }
        current.running.cancel()
        await current.running.value
    }
}
