import Foundation
import PostgresProfileStore
import ProfileKit
import ProfileKitTestSupport
import Testing

/// Kills the database in the middle of writes and starts it again. It stops the server every
/// other test uses, so `ci-run` runs it on its own (`--filter DatabaseRestart`) after the rest,
/// with the commands in `PROFILEKIT_POSTGRES_STOP` and `PROFILEKIT_POSTGRES_START`.
@Suite("DatabaseRestart: the database dies mid-write and comes back")
struct DatabaseRestartTests {
    @Test(
        "no acknowledged write is lost, nothing is half-written, the service answers 503 meanwhile, the store reconnects"
    )
    func killAndRestart() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let stop = environment["PROFILEKIT_POSTGRES_STOP"], let start = environment["PROFILEKIT_POSTGRES_START"]
        else {
            Issue.record(
                """
                PROFILEKIT_POSTGRES_STOP and PROFILEKIT_POSTGRES_START must hold shell commands that stop the \
                database at once (pg_ctl stop -m immediate) and start it again; Stores/PostgresProfileStore/ci-run \
                sets them
                """)
            return
        }
        var configuration = try TestDatabase.freshConfiguration()
        configuration.connectTimeout = .seconds(1)
        let store = try await PostgresProfileStore(configuration: configuration)
        let writer = Task { try await Self.writeUntilCancelled(store) }

        // Let some writes be acknowledged, then kill the server while the writer is busy.
        try await Self.waitUntil("50 writes are acknowledged") { try await Self.acknowledgedCount(store) >= 50 }
        try Self.shell(stop)
        let service = ProfileService(store: store, policy: .creator, media: InMemoryMediaStore())
        let user = try #require(UserID("restart-probe"))
        let whileDown = await Self.upsertError(service, for: user)
        #expect(whileDown?.status == .serviceUnavailable)
        #expect(whileDown?.code == .storeUnavailable)
        try Self.shell(start)

        // The same store instance reconnects by itself.
        try await Self.waitUntil("the store answers again") {
            (try? await store.socialCounts(for: user)) != nil
        }
        writer.cancel()
        let written = try await writer.value
        var acknowledged = 0
        for (index, expected) in written {
            let stored = try await store.record(for: Self.user(index))
            switch expected {
            case .acknowledged(let record):
                acknowledged += 1
                #expect(stored == record, "acknowledged write \(index) was lost or changed")
            case .failed(let record):
                // A write that failed may have committed before the connection broke, but never in part.
                #expect(stored == nil || stored == record, "failed write \(index) was half-written")
            }
        }
        #expect(acknowledged >= 50)
        print(
            "database restart: \(acknowledged) acknowledged writes kept, \(written.count - acknowledged) failed cleanly"
        )
        #expect(await Self.upsertError(service, for: user) == nil, "the service works again after the restart")
        try await store.dropSchema()
        await store.close()
    }

    /// The error of a creator upsert for `user`, or `nil` when it succeeded.
    static func upsertError(_ service: ProfileService, for user: UserID) async -> ProfileError? {
        do {
            _ = try await service.upsertProfile(
                ProfileUpdate(profile: SpecSamplePatches.creator(username: "probe")), for: .user(user))
            return nil
        } catch {
            return error
        }
    }

    enum Written: Sendable {
        case acknowledged(UserRecord)
        case failed(UserRecord)
    }

    static func user(_ index: Int) -> UserID { UserID("restart-\(index)") ?? .random() }

    /// Writes new multi-part records (account, profile, preferences, media) one after another
    /// until cancelled (at most 5,000), noting which were acknowledged.
    static func writeUntilCancelled(_ store: PostgresProfileStore) async throws -> [Int: Written] {
        var written: [Int: Written] = [:]
        let date = Date(timeIntervalSinceReferenceDate: 812_345_678.5)
        for index in 0..<5_000 where !Task.isCancelled {
            let id = user(index)
            var profile = Profile(userID: id, createdAt: date)
            profile.username = Username("restart_\(index)")
            profile.bio = "written before, during or after the restart"
            let record = UserRecord(
                account: Account(userID: id, email: "r\(index)@example.com", createdAt: date), profile: profile,
                preferences: Preferences(voicePreference: "echo", updatedAt: date),
                media: [
                    MediaReference(
                        key: "sha256-\(index).png", contentType: "image/png", byteCount: 9, purpose: "avatar",
                        createdAt: date)
                ])
            do {
                try await store.update(id, expectingVersion: nil) { $0 = record }
                written[index] = .acknowledged(record)
            } catch {
                written[index] = .failed(record)
            }
        }
        return written
    }

    static func acknowledgedCount(_ store: PostgresProfileStore) async throws -> Int {
        var count = 0
        while try await store.record(for: user(count)) != nil { count += 1 }
        return count
    }

    /// Polls `condition` until it holds, failing after 60 seconds or 100,000 polls.
    static func waitUntil(_ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        for _ in 0..<100_000 where ContinuousClock.now < deadline {
            if try await condition() { return }
            await Task.yield()
        }
        throw TimedOut(what: what)
    }

    struct TimedOut: Error, CustomStringConvertible {
        var what: String
        var description: String { "gave up waiting until \(what)" }
    }

    static func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(command) exited with \(process.terminationStatus)")
    }
}
