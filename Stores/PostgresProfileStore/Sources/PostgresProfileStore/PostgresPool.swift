import Logging
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
/// runs, so that a loaded machine would lose work instead of queueing it.
final class PostgresPool: Sendable {
    /// One client and the task running it; `number` tells whether a failing lease still concerns
    /// the current client, so that many overdue leases retire it only once.
    private struct Generation: Sendable {
        let number: Int
        let client: PostgresClient
        let running: Task<Void, Never>
        /// How many leases this client has granted.
        let grants: Counter
    }

    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

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
    private let logger: Logger

    init(configuration: PostgresClient.Configuration, leaseTimeout: Duration, logger: Logger) {
        self.clientConfiguration = configuration
        self.leaseTimeout = leaseTimeout
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

    /// How many times the client was replaced since the store started.
    var replacements: Int { state.withLock { $0.current.number } }

    /// Leases a connection for `body`; throws the pool's error when the pool fails the lease, or
    /// when none is granted within the lease timeout while the client granted no other lease
    /// either, and retires the client in both cases.
    func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
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
        defer { watchdog.cancel() }
        do {
            return try await generation.client.withConnection(isolation: isolation) { connection in
                flag.granted.store(true, ordering: .releasing)
                generation.grants.value.add(1, ordering: .releasing)
                watchdog.cancel()
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
