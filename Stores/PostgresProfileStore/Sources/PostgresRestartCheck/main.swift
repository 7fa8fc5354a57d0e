// ci-run's kill-and-restart check: writers go through ProfileService over PostgresProfileStore
// while the database is killed mid-write (`--stop`, e.g. `pg_ctl stop -m immediate`) and started
// again on the same data directory and port (`--start`). A write is acknowledged when its call
// returns success, whatever the phase. It requires that
//   - every call that fails, fails with store_unavailable (503); one made while the server is down
//     (started after the stop returned, ended before the start began) within `--fail-within` s,
//     and at least one call is answered 503 while the server is down;
//   - every writer is acknowledged again within `--recover-within` seconds of the start;
//   - every acknowledged write reads back exactly (by user id and by username, through a fresh
//     store), and every unacknowledged one is either absent or whole;
//   - every writer finishes its last call within 15 s of being told to stop;
// and prints one summary line. Any breach or timeout prints the breaches, the script's moments,
// each writer's latest call (running or how it ended) and the pool's counters to standard error
// and exits with status 1.
//   PostgresRestartCheck <postgres URL> --stop '<shell command>' --start '<shell command>'
//       [--writers 8] [--before 150] [--outage 3] [--after 10] [--fail-within 3] [--recover-within 15]
import Foundation
import Logging
import PostgresProfileStore
import ProfileDomain
import ProfileHTTP
import ProfileStore
import Synchronization

/// The command line, with the bounds that keep the whole check under half a minute.
struct Options {
    var url = ""
    var stopCommand = ""
    var startCommand = ""
    /// Concurrent writers, each creating users of its own one after another.
    var writers = 8
    /// Acknowledged writes before the server is killed.
    var acknowledgedBeforeKill = 150
    /// How long the server stays down after the kill.
    var outage: Duration = .seconds(3)
    /// Acknowledged writes each writer must make after the start.
    var acknowledgedAfterStartPerWriter = 10
    /// The longest a call may take to fail while the server is down.
    var failWithin: Duration = .seconds(3)
    /// The longest any writer may wait after the start before it is acknowledged again.
    var recoverWithin: Duration = .seconds(15)

    init(_ arguments: [String]) throws {
        guard arguments.count >= 2 else { throw CheckFailure("usage: see the comment at the top of main.swift") }
        url = arguments[1]
        var rest = arguments.dropFirst(2).makeIterator()
        while let flag = rest.next() {
            guard let value = rest.next() else { throw CheckFailure("\(flag) needs a value") }
            switch flag {
            case "--stop": stopCommand = value
            case "--start": startCommand = value
            case "--writers": writers = try Self.number(flag, value)
            case "--before": acknowledgedBeforeKill = try Self.number(flag, value)
            case "--outage": outage = .seconds(try Self.number(flag, value))
            case "--after": acknowledgedAfterStartPerWriter = try Self.number(flag, value)
            case "--fail-within": failWithin = .seconds(try Self.number(flag, value))
            case "--recover-within": recoverWithin = .seconds(try Self.number(flag, value))
            default: throw CheckFailure("unknown option \(flag)")
            }
        }
        guard !stopCommand.isEmpty, !startCommand.isEmpty else { throw CheckFailure("--stop and --start are required") }
    }

    private static func number(_ flag: String, _ value: String) throws -> Int {
        guard let number = Int(value), number > 0 else { throw CheckFailure("\(flag) takes a positive integer") }
        return number
    }
}

struct CheckFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Where the database is in the check's script, as the writers see it when a call starts.
enum Phase: Int, Sendable, CustomStringConvertible {
    /// Up, before the kill.
    case up
    /// The stop command is running: calls may succeed or fail with store_unavailable.
    case stopping
    /// The stop command returned: the server is down, every call must fail fast.
    case down
    /// The start command is running or returned: calls may fail until the store reconnects.
    case restarted

    var description: String { ["up", "stopping", "down", "restarted"][rawValue] }
}

/// The moments of the script, for judging calls by when they started and ended.
struct Script: Sendable {
    var stopBegan: ContinuousClock.Instant?
    var stopReturned: ContinuousClock.Instant?
    var startBegan: ContinuousClock.Instant?
    var startReturned: ContinuousClock.Instant?
}

/// One writer's latest call and its tallies, for the timeline printed on failure.
struct WriterState: Sendable {
    var index = 0
    var callStarted: ContinuousClock.Instant?
    var callPhase = Phase.up
    /// `nil` while the call runs; else how it ended and when.
    var lastOutcome: (text: String, at: ContinuousClock.Instant)?
    var acknowledged = 0
    var unavailable = 0
    var finished = false
}

/// What the writers did, shared between them and the script.
struct Ledger: Sendable {
    var phase = Phase.up
    var script = Script()
    var writers: [WriterState] = []
    var acknowledged: [UserID: Profile] = [:]
    var unacknowledged: [UserID] = []
    var acknowledgedInPhase: [Phase: Int] = [:]
    /// Calls that started after the stop command returned and returned success: impossible while
    /// the server is down, so each is printed with its times (it is verified like any other).
    var acknowledgedFromDown: [String] = []
    /// Per writer, the first acknowledgement of a call started after the start command returned.
    var recoveredAt: [Int: ContinuousClock.Instant] = [:]
    var acknowledgedAfterStart: [Int: Int] = [:]
    /// Calls started while the server was down (all must fail with 503).
    var outageFailures = 0
    /// 503s returned while the server was down (after the stop returned, before the start
    /// began), whenever their call started: the service answering meanwhile.
    var answeredWhileDown = 0
    var slowestOutageFailure: Duration = .zero
    var breaches: [String] = []
}

/// The state the writers and the script share.
final class Shared: Sendable {
    let ledger: Mutex<Ledger>
    let stop = Atomic<Bool>(false)
    let store: PostgresProfileStore

    init(writers: Int, store: PostgresProfileStore) {
        var ledger = Ledger()
        ledger.writers = Array(repeating: WriterState(), count: writers)
        self.ledger = Mutex(ledger)
        self.store = store
    }

    /// `message`, the first things the writers saw go wrong, the script's moments, each writer's
    /// latest call, and the pool's counters: enough for a failed CI run to explain itself.
    func failure(_ message: String) -> CheckFailure {
        let now = clock.now
        let lines = ledger.withLock { ledger in
            var lines = [message] + ledger.breaches.prefix(10)
            let script = ledger.script
            lines.append(
                "script: stop began \(at(script.stopBegan)), returned \(at(script.stopReturned)); "
                    + "start began \(at(script.startBegan)), returned \(at(script.startReturned)); now \(at(now))")
            for (writer, state) in ledger.writers.enumerated() {
                let call =
                    if let outcome = state.lastOutcome {
                        "idle since \(at(outcome.at)); last call \(state.index) (started \(at(state.callStarted)) "
                            + "in phase \(state.callPhase)) \(outcome.text)"
                    } else {
                        "call \(state.index) RUNNING since \(at(state.callStarted)) (started in phase \(state.callPhase))"
                    }
                lines.append(
                    "writer \(writer): \(call); \(state.acknowledged) acknowledged, \(state.unavailable) unavailable"
                        + (state.finished ? ", finished" : ""))
            }
            return lines
        }
        return CheckFailure((lines + ["pool: \(store.poolStatus)"]).joined(separator: "\n"))
    }
}

let clock = ContinuousClock()
let checkStart = clock.now

/// Seconds since the check began, with one decimal ("-" for a moment that has not come).
func at(_ instant: ContinuousClock.Instant?) -> String {
    guard let instant else { return "-" }
    return String(format: "%.2f s", seconds(instant - checkStart))
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// A progress line on standard error, with the seconds since the check began.
func progress(_ message: String) {
    FileHandle.standardError.write(Data("[\(at(clock.now))] \(message)\n".utf8))
}

func username(writer: Int, index: Int) -> String { "rw\(writer)_\(index)" }

/// One writer: creates users `restart-<writer>-<index>` with a profile each, through the
/// service, until the script stops it. A call is acknowledged when it returns success, whatever
/// the phase; every acknowledged write is verified at the end. A failure must be
/// store_unavailable (503), and one that started after the stop command returned and before the
/// start command began must come within `--fail-within`.
func write(writer: Int, service: ProfileService, shared: Shared, options: Options) async {
    var index = 0
    defer { shared.ledger.withLock { $0.writers[writer].finished = true } }
    while !shared.stop.load(ordering: .acquiring) {
        index += 1
        guard let user = UserID("restart-\(writer)-\(index)") else { return }
        let update = ProfileUpdate(
            profile: ProfilePatch(
                username: .value(username(writer: writer, index: index)), displayName: .value("Writer \(writer)"),
                bio: .value("write \(index) of writer \(writer)"), niches: .value(["fitness"])))
        let started = clock.now
        let (phase, script) = shared.ledger.withLock { ledger in
            ledger.writers[writer].index = index
            ledger.writers[writer].callStarted = started
            ledger.writers[writer].callPhase = ledger.phase
            ledger.writers[writer].lastOutcome = nil
            return (ledger.phase, ledger.script)
        }
        do {
            let result = try await service.upsertProfile(update, for: .user(user))
            let ended = clock.now
            shared.ledger.withLock { ledger in
                ledger.writers[writer].lastOutcome = ("acknowledged", ended)
                ledger.writers[writer].acknowledged += 1
                guard let profile = result.view.profile else {
                    ledger.breaches.append("\(user): acknowledged without a profile")
                    return
                }
                ledger.acknowledged[user] = profile
                ledger.acknowledgedInPhase[phase, default: 0] += 1
                if phase == .down {
                    ledger.acknowledgedFromDown.append(
                        "\(user): started \(at(started)) after the stop returned (\(at(script.stopReturned))), "
                            + "acknowledged \(at(ended)); start began \(at(ledger.script.startBegan))")
                }
                if let recoveryStart = script.startReturned, started >= recoveryStart {
                    ledger.acknowledgedAfterStart[writer, default: 0] += 1
                    if ledger.recoveredAt[writer] == nil { ledger.recoveredAt[writer] = ended }
                }
            }
        } catch {
            let ended = clock.now
            let elapsed = ended - started
            shared.ledger.withLock { ledger in
                ledger.unacknowledged.append(user)
                ledger.writers[writer].lastOutcome = ("failed after \(elapsed): \(error.code)", ended)
                guard error.code == .storeUnavailable, error.status.code == 503 else {
                    ledger.breaches.append("\(user) in phase \(phase): \(error.code) \(error.status.code) \(error)")
                    return
                }
                ledger.writers[writer].unavailable += 1
                if let stopReturned = ledger.script.stopReturned, ended >= stopReturned,
                    ledger.script.startBegan.map({ ended <= $0 }) ?? true
                {
                    ledger.answeredWhileDown += 1
                }
                switch phase {
                case .up where ledger.phase == .up:
                    ledger.breaches.append("\(user): store_unavailable before the kill: \(error)")
                case .down:
                    ledger.outageFailures += 1
                    // Only a call that also ended before the start began had a server down all along.
                    guard ledger.script.startBegan.map({ ended <= $0 }) ?? true else { break }
                    ledger.slowestOutageFailure = max(ledger.slowestOutageFailure, elapsed)
                    if elapsed > options.failWithin {
                        ledger.breaches.append("\(user): failed after \(elapsed) while the server was down")
                    }
                case .up, .stopping, .restarted:
                    // Cut off by the kill, or before the store reconnected: both may fail.
                    break
                }
            }
            // A client backs off a little after a 503 instead of spinning on the two cores.
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// Runs `command` with /bin/sh and returns when it has exited; a non-zero status is a failure.
///
/// Not `Foundation.Process`: on Linux it learns of the exit through a socket the child inherits,
/// so it never reports the exit of `pg_ctl start`, whose server keeps that socket open.
func shell(_ command: String) async throws {
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
        // waitpid blocks, so it gets a thread of its own rather than one of the cooperative pool's.
        Thread.detachNewThread { continuation.resume(with: Result { try spawnAndWait(command) }) }
    }
    guard status == 0 else { throw CheckFailure("`\(command)` exited with status \(status)") }
}

/// The exit status of `/bin/sh -c command` (128 + the signal when a signal ended it).
func spawnAndWait(_ command: String) throws -> Int32 {
    let words: [String] = ["/bin/sh", "-c", command]
    let arguments = words.map { strdup($0) }
    defer { arguments.forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, arguments + [nil], environ)
    guard spawned == 0 else { throw CheckFailure("cannot run /bin/sh: errno \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
        guard errno == EINTR else { throw CheckFailure("waitpid failed: errno \(errno)") }
    }
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
}

/// Waits, without sleeping in a tight loop, until `condition` holds (true) or `limit` passes
/// (false). Breaches do not end the wait: they are reported at the end, with the rest, so that
/// a timeout message means what it says.
func wait(upTo limit: Duration, until condition: () -> Bool) async -> Bool {
    let deadline = clock.now + limit
    while !condition() {
        guard clock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return true
}

/// Reads every write back through a fresh store: acknowledged ones exactly, by id and by
/// username; unacknowledged ones absent or whole.
func verify(_ ledger: Ledger, configuration: PostgresProfileStore.Configuration) async throws -> [String] {
    let store = try await PostgresProfileStore(configuration: configuration)
    let acknowledged = Array(ledger.acknowledged)
    let unacknowledged = ledger.unacknowledged
    let readers = configuration.maximumConnections
    // Several readers at once: the reads, not the checks, take the time.
    let breaches = try await withThrowingTaskGroup(of: [String].self) { group in
        for reader in 0..<readers {
            group.addTask {
                var breaches: [String] = []
                for (user, profile) in acknowledged[reader...].striding(by: readers) {
                    let stored = try await store.record(for: user)
                    if stored?.profile != profile {
                        breaches.append("\(user): acknowledged \(profile), stored \(String(describing: stored))")
                    }
                    guard let name = profile.username else {
                        breaches.append("\(user): acknowledged without a username")
                        continue
                    }
                    if try await store.record(forUsername: name)?.userID != user {
                        breaches.append("\(user): not found by \(name)")
                    }
                }
                for user in unacknowledged[reader...].striding(by: readers) {
                    guard let record = try await store.record(for: user) else { continue }
                    if record.profile?.username == nil || record.profile?.bio == nil {
                        breaches.append("\(user): an unacknowledged write left a partial record \(record)")
                    }
                }
                return breaches
            }
        }
        return try await group.reduce(into: []) { $0 += $1 }
    }
    try await store.dropSchema()
    await store.close()
    return breaches
}

extension ArraySlice {
    /// Every `step`-th element from the start of the slice.
    func striding(by step: Int) -> [Element] {
        stride(from: startIndex, to: endIndex, by: step).map { self[$0] }
    }
}

func run(_ options: Options) async throws {
    var configuration = try PostgresProfileStore.Configuration(url: options.url)
    configuration.schema = "restart_check_\(ProcessInfo.processInfo.processIdentifier)"
    configuration.maximumConnections = options.writers
    configuration.leaseTimeout = .seconds(1)
    configuration.connectTimeout = .seconds(1)
    configuration.transactionTimeout = .seconds(5)
    // postgres-nio logs every failed connection attempt at info; the outage makes hundreds.
    var logger = Logger(label: "restart-check")
    logger.logLevel = .warning
    let store = try await PostgresProfileStore(configuration: configuration, logger: logger)
    let service = ProfileService(store: store)
    let shared = Shared(writers: options.writers, store: store)

    // Unstructured, so that a writer stuck in a call cannot hold the check: a failure exits.
    for writer in 0..<options.writers {
        Task { await write(writer: writer, service: service, shared: shared, options: options) }
    }
    guard
        await wait(
            upTo: .seconds(60),
            until: { shared.ledger.withLock { $0.acknowledged.count } >= options.acknowledgedBeforeKill })
    else {
        let count = shared.ledger.withLock { $0.acknowledged.count }
        throw shared.failure("\(count) writes in a minute before the kill, not \(options.acknowledgedBeforeKill)")
    }
    progress("\(options.acknowledgedBeforeKill) writes acknowledged; killing the server")
    try await mark(shared, phase: .stopping, \.stopBegan) { try await shell(options.stopCommand) }
    shared.ledger.withLock { ledger in
        ledger.phase = .down
        ledger.script.stopReturned = clock.now
    }
    progress("the server is down")
    try await Task.sleep(for: options.outage)
    progress("starting the server")
    try await mark(shared, phase: .restarted, \.startBegan) { try await shell(options.startCommand) }
    let started = clock.now
    shared.ledger.withLock { $0.script.startReturned = started }
    progress("the server accepts connections again")
    let recovered = await wait(upTo: options.recoverWithin) {
        shared.ledger.withLock { $0.recoveredAt.count } == options.writers
    }
    guard recovered else {
        let stuck = shared.ledger.withLock { ledger in (0..<options.writers).filter { ledger.recoveredAt[$0] == nil } }
        throw shared.failure("writers \(stuck) were not acknowledged within \(options.recoverWithin) of the start")
    }
    progress("every writer was acknowledged again")
    let enough = await wait(upTo: .seconds(30)) {
        shared.ledger.withLock { ledger in
            (0..<options.writers).allSatisfy {
                ledger.acknowledgedAfterStart[$0, default: 0] >= options.acknowledgedAfterStartPerWriter
            }
        }
    }
    guard enough else {
        throw shared.failure(
            "the writers made fewer than \(options.acknowledgedAfterStartPerWriter) writes each in 30 s after the start"
        )
    }
    shared.stop.store(true, ordering: .releasing)
    // Every call is bounded by the store's timeouts, so the writers finish their last call soon.
    guard await wait(upTo: .seconds(15), until: { shared.ledger.withLock { $0.writers.allSatisfy(\.finished) } })
    else { throw shared.failure("the writers did not finish their last call within 15 s") }
    progress("the writers stopped; reading every write back")
    let final = shared.ledger.withLock { $0 }
    let recoveries = final.recoveredAt.values.map { $0 - started }
    await store.close()
    let breaches = final.breaches + (try await verify(final, configuration: configuration))
    guard breaches.isEmpty else { throw CheckFailure(breaches.prefix(20).joined(separator: "\n")) }
    guard final.answeredWhileDown > 0 else {
        throw CheckFailure("no call was answered (503) while the server was down")
    }
    for line in final.acknowledgedFromDown { progress("note: \(line)") }
    print(
        """
        restart check: \(final.acknowledged.count) acknowledged writes verified \
        (\(final.acknowledgedInPhase[.up, default: 0]) before the kill, \
        \(final.acknowledgedInPhase[.stopping, default: 0]) during it, \
        \(final.acknowledgedInPhase[.down, default: 0]) started while down, \
        \(final.acknowledgedInPhase[.restarted, default: 0]) after the start), \
        \(final.unacknowledged.count) unacknowledged absent or whole; \
        \(final.answeredWhileDown) calls answered 503 store_unavailable while the server was down \
        (\(final.outageFailures) started while down, slowest in \
        \(String(format: "%.2f", seconds(final.slowestOutageFailure))) s); \
        first writer acknowledged \(String(format: "%.2f", seconds(recoveries.min() ?? .zero))) s after the start, \
        every writer within \(String(format: "%.2f", seconds(recoveries.max() ?? .zero))) s; \
        stop took \(String(format: "%.2f", seconds((final.script.stopReturned ?? started) - (final.script.stopBegan ?? started)))) s; \
        \(String(format: "%.1f", seconds(clock.now - checkStart))) s in all
        """)
}

/// Sets `phase` and records the moment `moment` before `step` runs, in one lock, so that a call
/// never starts in the old phase after the step began.
func mark(
    _ shared: Shared, phase: Phase, _ moment: WritableKeyPath<Script, ContinuousClock.Instant?>,
    then step: () async throws -> Void
) async throws {
    shared.ledger.withLock { ledger in
        ledger.phase = phase
        ledger.script[keyPath: moment] = clock.now
    }
    try await step()
}

do {
    try await run(try Options(CommandLine.arguments))
} catch {
    FileHandle.standardError.write(Data("restart check failed: \(error)\n".utf8))
    exit(1)
}
