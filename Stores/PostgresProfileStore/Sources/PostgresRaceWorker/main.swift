// One of two processes racing on one database, started by the tests:
//   PostgresRaceWorker <postgres URL> <schema> <name> <rounds> <seconds> [<hold rounds>]
// It waits for a line on standard input (so that both start together), then for each round
// races for one username, to create one shared record (If-Match 0) and to change it (If-Match 1),
// and, in the first <hold rounds> rounds, for the held name `held_<round>` (worker `a` reclaims it
// as its previous owner `owner-<round>`, which the test set up; the other claims it), and prints
// `<round> <username> <create> <change> <held>` with 1 for a win and 0 for the expected loss
// (`<held>` is 0 in rounds without a hold race). Any other outcome is printed to standard error
// and ends the process with status 1.
import Foundation
import PostgresProfileStore
import ProfileDomain
import ProfileStore

/// 1 when `operation` succeeded, 0 when it failed with the error `isExpectedLoss` accepts.
func outcome(
    _ isExpectedLoss: (ProfileStoreError) -> Bool, _ operation: () async throws -> Void
) async throws -> Int {
    do {
        try await operation()
        return 1
    } catch let error as ProfileStoreError where isExpectedLoss(error) {
        return 0
    } catch let error as ProfileStoreFailure<Never> where isExpectedLoss(error.storeError) {
        return 0
    }
}

func user(_ raw: String) throws -> UserID {
    guard let user = UserID(raw) else { throw ProfileStoreError.invalidMutation("bad user id \(raw)") }
    return user
}

func isConflict(_ error: ProfileStoreError) -> Bool {
    if case .versionConflict = error { true } else { false }
}

func isTaken(_ error: ProfileStoreError) -> Bool {
    if case .usernameTaken = error { true } else { false }
}

func isTakenOrHeld(_ error: ProfileStoreError) -> Bool {
    switch error {
    case .usernameTaken, .usernameHeld: true
    default: false
    }
}

/// The reclaim (worker `a`, as the name's previous owner) or the claim (any other worker) of the
/// held name of `round`, a day after the test's renames.
func holdRace(round: Int, name: String, store: PostgresProfileStore, date: Date) async throws -> Int {
    guard let held = Username("held_\(round)") else { throw ProfileStoreError.notFound }
    let terms = UsernameHoldTerms(
        now: date.addingTimeInterval(86_400), afterRename: .lasting(.seconds(30 * 86_400)), afterDeletion: .forever)
    let claimant = try user(name == "a" ? "owner-\(round)" : "\(name)-h\(round)")
    return try await outcome(isTakenOrHeld) {
        try await store.update(claimant, expectingVersion: nil, holding: terms) { record in
            var profile = record?.profile ?? Profile(id: .random(), userID: claimant, createdAt: date)
            profile.username = held
            record = record ?? UserRecord(account: Account(userID: claimant, createdAt: date))
            record?.profile = profile
        }
    }
}

/// Runs the rounds; `name` prefixes this process's user ids.
func race(url: String, schema: String, name: String, rounds: Int, seconds: Double, holdRounds: Int) async throws {
    let date = Date(timeIntervalSinceReferenceDate: 800_000_000)
    var configuration = try PostgresProfileStore.Configuration(url: url)
    configuration.schema = schema
    configuration.maximumConnections = 2
    let store = try await PostgresProfileStore(configuration: configuration)
    _ = readLine()
    let deadline = Date().addingTimeInterval(seconds)
    for round in 0..<rounds where Date() < deadline {
        let mine = try user("\(name)-\(round)")
        guard let username = Username("race_\(round)") else { throw ProfileStoreError.notFound }
        let claim = try await outcome(isTaken) {
            var profile = Profile(id: ProfileID("\(name)-p\(round)") ?? .random(), userID: mine, createdAt: date)
            profile.username = username
            let record = UserRecord(account: Account(userID: mine, createdAt: date), profile: profile)
            try await store.update(mine, expectingVersion: nil) { $0 = record }
        }
        let shared = try user("shared-\(round)")
        let create = try await outcome(isConflict) {
            let profile = Profile(id: ProfileID("shared-p\(round)") ?? .random(), userID: shared, createdAt: date)
            let record = UserRecord(account: Account(userID: shared, createdAt: date), profile: profile)
            try await store.update(shared, expectingVersion: 0) { $0 = record }
        }
        let change = try await outcome(isConflict) {
            try await store.update(shared, expectingVersion: 1) { record in
                record?.profile?.displayName = name
                record?.profile?.version = 2
            }
        }
        var held = 0
        if round < holdRounds { held = try await holdRace(round: round, name: name, store: store, date: date) }
        print("\(round) \(claim) \(create) \(change) \(held)")
    }
    await store.close()
}

let arguments = CommandLine.arguments
guard (6...7).contains(arguments.count), let rounds = Int(arguments[4]), let seconds = Double(arguments[5]),
    let holdRounds = arguments.count == 7 ? Int(arguments[6]) : 0
else {
    FileHandle.standardError.write(
        Data("usage: PostgresRaceWorker <url> <schema> <name> <rounds> <seconds> [<hold rounds>]\n".utf8))
    exit(2)
}
do {
    try await race(
        url: arguments[1], schema: arguments[2], name: arguments[3], rounds: rounds, seconds: seconds,
        holdRounds: holdRounds)
} catch {
    FileHandle.standardError.write(Data("\(arguments[3]): \(error)\n".utf8))
    exit(1)
}
