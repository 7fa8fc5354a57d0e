// ci-run's kill-and-restart check: writers go through ProfileService over PostgresProfileStore
// while the database is killed mid-write (`--stop`, e.g. `pg_ctl stop -m immediate`) and started
// again on the same data directory and port (`--start`). It requires that
//   - every call made while the server is down fails with store_unavailable (503) within
//     `--fail-within` seconds, and nothing else goes wrong at any time;
//   - every writer is acknowledged again within `--recover-within` seconds of the start;
//   - every acknowledged write reads back exactly (by user id and by username, through a fresh
//     store), and every unacknowledged one is either absent or whole;
// and prints one summary line; any breach is printed to standard error and exits with status 1.
//   PostgresRestartCheck <postgres URL> --stop '<shell command>' --start '<shell command>'
//       [--writers 8] [--before 150] [--outage 2] [--after 10] [--fail-within 3] [--recover-within 15]
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
    var outage: Duration = .seconds(2)
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

/// Where the database is in the check's script.
enum Phase: Int, Sendable {
    /// Up, before the kill.
    case up
    /// The stop command is running: calls may succeed or fail with store_unavailable.
    case stopping
    /// The stop command returned: the server is down, every call must fail fast.
    case down
    /// The start command is running or returned: calls may fail until the store reconnects.
    case restarted
}

/// What the writers did, shared between them and the script.
struct Ledger: Sendable {
    var phase = Phase.up
    var acknowledged: [UserID: Profile] = [:]
    var unacknowledged: [UserID] = []
    var acknowledgedInPhase: [Phase: Int] = [:]
    /// Per writer, the first acknowledgement of a call started after the start command returned.
    var recoveredAt: [Int: ContinuousClock.Instant] = [:]
    var acknowledgedAfterStart: [Int: Int] = [:]
    var outageFailures = 0
    var slowestOutageFailure: Duration = .zero
    var breaches: [String] = []
}

/// The state the writers and the script share.
final class Shared: Sendable {
    let ledger = Mutex(Ledger())
    /// When the start command returned.
    let restartedAt = Mutex<ContinuousClock.Instant?>(nil)
    let stop = Atomic<Bool>(false)

    /// `message` and the first things the writers saw go wrong.
    func failure(_ message: String) -> CheckFailure {
        let breaches = ledger.withLock { $0.breaches.prefix(10) }
        return CheckFailure(([message] + breaches).joined(separator: "\n"))
    }
}

let clock = ContinuousClock()
let checkStart = clock.now

/// A progress line on standard error, with the seconds since the check began.
func progress(_ message: String) {
    let elapsed = clock.now - checkStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    FileHandle.standardError.write(Data("[\(String(format: "%.1f", seconds)) s] \(message)\n".utf8))
}

func username(writer: Int, index: Int) -> String { "rw\(writer)_\(index)" }

/// One writer: creates users `restart-<writer>-<index>` with a profile each, through the
/// service, until the script stops it; judges every failure by the phase the call started in
/// (and, for a call started before the kill, by whether the kill had begun when it failed).
func write(writer: Int, service: ProfileService, shared: Shared, options: Options) async {
    var index = 0
    while !shared.stop.load(ordering: .acquiring) {
        index += 1
        guard let user = UserID("restart-\(writer)-\(index)") else { return }
        let update = ProfileUpdate(
            profile: ProfilePatch(
                username: .value(username(writer: writer, index: index)), displayName: .value("Writer \(writer)"),
                bio: .value("write \(index) of writer \(writer)"), niches: .value(["fitness"])))
        let phase = shared.ledger.withLock { $0.phase }
        let started = clock.now
        let recoveryStart = shared.restartedAt.withLock { $0 }
        do {
            let result = try await service.upsertProfile(update, for: .user(user))
            guard let profile = result.view.profile else {
                shared.ledger.withLock { $0.breaches.append("\(user): acknowledged without a profile") }
                return
            }
            shared.ledger.withLock { ledger in
                if phase == .down { ledger.breaches.append("\(user): acknowledged while the server was down") }
                ledger.acknowledged[user] = profile
                ledger.acknowledgedInPhase[phase, default: 0] += 1
                if let recoveryStart, started >= recoveryStart {
                    ledger.acknowledgedAfterStart[writer, default: 0] += 1
                    if ledger.recoveredAt[writer] == nil { ledger.recoveredAt[writer] = clock.now }
                }
            }
        } catch {
            let elapsed = clock.now - started
            shared.ledger.withLock { ledger in
                ledger.unacknowledged.append(user)
                guard error.code == .storeUnavailable, error.status.code == 503 else {
                    ledger.breaches.append("\(user) in phase \(phase): \(error.code) \(error.status.code) \(error)")
                    return
                }
                switch phase {
                case .up where ledger.phase == .up:
                    ledger.breaches.append("\(user): store_unavailable before the kill: \(error)")
                case .down:
                    ledger.outageFailures += 1
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

/// Waits, without sleeping in a tight loop, until `condition` holds, or `limit` passes or a
/// writer saw something wrong (false).
func wait(upTo limit: Duration, _ shared: Shared, until condition: () -> Bool) async -> Bool {
    let deadline = clock.now + limit
    while !condition() {
        guard clock.now < deadline, shared.ledger.withLock({ $0.breaches.isEmpty }) else { return false }
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
    // postgres-nio logs every failed connection attempt at info; the outage makes hundreds.
    var logger = Logger(label: "restart-check")
    logger.logLevel = .warning
    let store = try await PostgresProfileStore(configuration: configuration, logger: logger)
    let service = ProfileService(store: store)
    let shared = Shared()

    // Unstructured, so that a writer stuck in a call cannot hold the check: a failure exits.
    let writers = (0..<options.writers).map { writer in
        Task { await write(writer: writer, service: service, shared: shared, options: options) }
    }
    guard
        await wait(
            upTo: .seconds(60), shared,
            until: { shared.ledger.withLock { $0.acknowledged.count } >= options.acknowledgedBeforeKill })
    else {
        let count = shared.ledger.withLock { $0.acknowledged.count }
        throw shared.failure("\(count) writes in a minute before the kill, not \(options.acknowledgedBeforeKill)")
    }
    progress("\(options.acknowledgedBeforeKill) writes acknowledged; killing the server")
    shared.ledger.withLock { $0.phase = .stopping }
    try await shell(options.stopCommand)
    shared.ledger.withLock { $0.phase = .down }
    progress("the server is down")
    try await Task.sleep(for: options.outage)
    shared.ledger.withLock { $0.phase = .restarted }
    progress("starting the server")
    try await shell(options.startCommand)
    let started = clock.now
    shared.restartedAt.withLock { $0 = started }
    progress("the server accepts connections again")
    let recovered = await wait(upTo: options.recoverWithin, shared) {
        shared.ledger.withLock { $0.recoveredAt.count } == options.writers
    }
    guard recovered else {
        let stuck = shared.ledger.withLock { ledger in (0..<options.writers).filter { ledger.recoveredAt[$0] == nil } }
        throw shared.failure("writers \(stuck) were not acknowledged within \(options.recoverWithin) of the start")
    }
    progress("every writer was acknowledged again")
    let enough = await wait(upTo: .seconds(30), shared) {
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
    for writer in writers { await writer.value }
    progress("the writers stopped; reading every write back")
    let final = shared.ledger.withLock { $0 }
    let slowestRecovery = final.recoveredAt.values.map { $0 - started }.max() ?? .zero
    await store.close()
    let breaches = final.breaches + (try await verify(final, configuration: configuration))
    guard breaches.isEmpty else { throw CheckFailure(breaches.prefix(20).joined(separator: "\n")) }
    guard final.outageFailures >= options.writers else {
        throw CheckFailure("only \(final.outageFailures) calls were made while the server was down")
    }
    print(
        """
        restart check: \(final.acknowledged.count) acknowledged writes verified \
        (\(final.acknowledgedInPhase[.up, default: 0]) before the kill, \
        \(final.acknowledgedInPhase[.stopping, default: 0]) during it, \
        \(final.acknowledgedInPhase[.restarted, default: 0]) after the start), \
        \(final.unacknowledged.count) unacknowledged absent or whole; \
        \(final.outageFailures) calls while down answered 503 store_unavailable, slowest in \(final.slowestOutageFailure); \
        every writer acknowledged again within \(slowestRecovery) of the start; \(clock.now - checkStart) in all
        """)
}

do {
    try await run(try Options(CommandLine.arguments))
} catch {
    FileHandle.standardError.write(Data("restart check failed: \(error)\n".utf8))
    exit(1)
}
