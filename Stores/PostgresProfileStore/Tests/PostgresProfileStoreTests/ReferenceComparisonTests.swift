import Foundation
import PostgresProfileStore
import ProfileKit
import ProfileStore
import Testing

/// SplitMix64: a tiny deterministic generator, so that a failing sequence can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One generated store operation, run against the PostgreSQL store and the in-memory store (the
/// independent reference); both must answer alike. A put or delete with a `holdingDay` goes
/// through the store with hold terms that day after the fixed date (renames hold for 2
/// days, deletions for 5), so holds are made, met, reclaimed and expire.
enum GeneratedOperation: CustomStringConvertible {
    case put(user: Int, username: Int?, email: Int?, bio: String, media: Int, holdingDay: Int?)
    case versionedBump(user: Int, expected: Int)
    case follow(Int, Int)
    case unfollow(Int, Int)
    case block(Int, Int)
    case unblock(Int, Int)
    case delete(Int, holdingDay: Int?)
    case release(username: Int)

    static let users = 12
    static let usernames = 8
    static let date = Date(timeIntervalSinceReferenceDate: 812_345_678.123_456_7)

    static func random(using generator: inout SeededGenerator) -> GeneratedOperation {
        let a = Int.random(in: 0..<users, using: &generator)
        let b = Int.random(in: 0..<users, using: &generator)
        let day = Bool.random(using: &generator) ? Int.random(in: 0..<12, using: &generator) : nil
        switch Int.random(in: 0..<22, using: &generator) {
        case 0..<6:
            return .put(
                user: a,
                username: Bool.random(using: &generator) ? Int.random(in: 0..<usernames, using: &generator) : nil,
                email: Bool.random(using: &generator) ? Int.random(in: 0..<8, using: &generator) : nil,
                bio: "bio \(Int.random(in: 0..<4, using: &generator))", media: Int.random(in: 0..<3, using: &generator),
                holdingDay: day)
        case 6..<8: return .versionedBump(user: a, expected: Int.random(in: 0..<4, using: &generator))
        case 8..<13: return .follow(a, b)
        case 13..<15: return .unfollow(a, b)
        case 15..<17: return .block(a, b)
        case 17..<19: return .unblock(a, b)
        case 19: return .release(username: Int.random(in: 0..<usernames, using: &generator))
        default: return .delete(a, holdingDay: day)
        }
    }

    static func username(_ index: Int) -> Username? { Username("Name_\(index)") }

    static func terms(day: Int) -> UsernameHoldTerms {
        UsernameHoldTerms(
            now: date.addingTimeInterval(Double(day) * 86_400), afterRename: .lasting(.seconds(2 * 86_400)),
            afterDeletion: .lasting(.seconds(5 * 86_400)))
    }

    var description: String {
        switch self {
        case .put(let user, let username, let email, let bio, let media, let day):
            "put(\(user), username \(username.map(String.init) ?? "nil"), email \(email.map(String.init) ?? "nil"), \(bio), \(media) media, holding day \(day.map(String.init) ?? "nil"))"
        case .versionedBump(let user, let expected): "versionedBump(\(user), expecting \(expected))"
        case .follow(let a, let b): "follow(\(a), \(b))"
        case .unfollow(let a, let b): "unfollow(\(a), \(b))"
        case .block(let a, let b): "block(\(a), \(b))"
        case .unblock(let a, let b): "unblock(\(a), \(b))"
        case .delete(let a, let day): "delete(\(a), holding day \(day.map(String.init) ?? "nil"))"
        case .release(let username): "release(Name_\(username))"
        }
    }

    static func user(_ index: Int) -> UserID { UserID("gen-user-\(index)") ?? .random() }

    /// Runs the operation and describes its outcome: the returned value or the error.
    func run(on store: any ProfileStore) async -> String {
        do {
            return try await perform(on: store)
        } catch {
            return "error \(error)"
        }
    }

    private func perform(on store: any ProfileStore) async throws -> String {
        let date = Self.date
        switch self {
        case .put(let index, let username, let email, let bio, let media, let day):
            let id = Self.user(index)
            let fill = { (record: inout UserRecord?) -> String in
                var next = record ?? UserRecord(account: Account(userID: id, createdAt: date))
                var profile =
                    next.profile
                    ?? Profile(id: ProfileID("gen-profile-\(index)") ?? .random(), userID: id, createdAt: date)
                profile.username = username.flatMap(Self.username)
                profile.bio = bio
                profile.version += 1
                profile.updatedAt = date.addingTimeInterval(Double(profile.version) / 3)
                next.profile = profile
                next.account.email = email.map { "Mail\($0)@Example.com" }
                next.preferences.additional["n"] = .number(Double(media) / 7)
                next.media = (0..<media).map {
                    MediaReference(
                        key: "sha256-\(index)-\($0).png", contentType: "image/png", byteCount: 100 + $0,
                        purpose: "avatar", createdAt: date)
                }
                record = next
                return "stored version \(profile.version)"
            }
            return try await store.update(id, expectingVersion: nil, holding: day.map(Self.terms(day:)), fill)
        case .versionedBump(let index, let expected):
            return try await store.update(Self.user(index), expectingVersion: expected) { record -> String in
                record?.profile?.version += 1
                return "bumped"
            }
        case .follow(let a, let b): return "\(try await store.follow(Self.user(a), Self.user(b)))"
        case .unfollow(let a, let b): return "\(try await store.unfollow(Self.user(a), Self.user(b)))"
        case .block(let a, let b): return "\(try await store.block(Self.user(a), Self.user(b)))"
        case .unblock(let a, let b): return "\(try await store.unblock(Self.user(a), Self.user(b)))"
        case .delete(let a, let day):
            return "\(try await store.deleteUser(Self.user(a), holding: day.map(Self.terms(day:))) != nil)"
        case .release(let index):
            guard let username = Self.username(index) else { return "no name" }
            return "\(String(describing: try await store.releaseHold(on: username)))"
        }
    }
}

@Suite("PostgresProfileStore against the in-memory store on generated operations")
struct ReferenceComparisonTests {
    @Test("thousands of generated operations answer alike and leave the same records, edges, counts and holds")
    func generatedOperationsMatchReference() async throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["PROFILEKIT_SEED"] ?? "") ?? 20_261_130
        let operations = 3_000
        try await TestDatabase.withFreshStore { store in
            let reference = InMemoryProfileStore()
            var generator = SeededGenerator(seed: seed)
            let deadline = ContinuousClock.now + .seconds(120)
            var (run, refusedAsHeld) = (0, 0)
            defer { print("reference comparison: \(run) operations, \(refusedAsHeld) claims refused as held") }
            for step in 0..<operations where ContinuousClock.now < deadline {
                let operation = GeneratedOperation.random(using: &generator)
                let expected = await operation.run(on: reference)
                let actual = await operation.run(on: store)
                guard actual == expected else {
                    Issue.record("seed \(seed), step \(step), \(operation): expected \(expected), got \(actual)")
                    return
                }
                run += 1
                if expected.contains("usernameHeld") { refusedAsHeld += 1 }
                if step.isMultiple(of: 500) || step == operations - 1 {
                    try await expectSameState(store, reference, seed: seed, step: step)
                }
            }
            // A run the deadline cut short still ends with the whole state compared.
            if run < operations { try await expectSameState(store, reference, seed: seed, step: run - 1) }
            #expect(refusedAsHeld > 0, "seed \(seed): no generated claim met a hold")
        }
    }

    private func expectSameState(
        _ store: PostgresProfileStore, _ reference: InMemoryProfileStore, seed: UInt64, step: Int
    ) async throws {
        for index in 0..<GeneratedOperation.usernames {
            let username = try #require(GeneratedOperation.username(index))
            #expect(
                try await store.hold(on: username) == reference.hold(on: username),
                "seed \(seed), step \(step), the hold on \(username)")
        }
        for a in 0..<GeneratedOperation.users {
            let user = GeneratedOperation.user(a)
            #expect(
                try await store.record(for: user) == reference.record(for: user),
                "seed \(seed), step \(step), user \(a)")
            #expect(try await store.socialCounts(for: user) == reference.socialCounts(for: user), "seed \(seed)")
            #expect(
                try await store.usernameHistory(for: user) == reference.usernameHistory(for: user),
                "seed \(seed), step \(step), history of user \(a)")
            #expect(
                try await store.holds(heldFor: user) == reference.holds(heldFor: user),
                "seed \(seed), step \(step), holds of user \(a)")
            for b in 0..<GeneratedOperation.users {
                let other = GeneratedOperation.user(b)
                #expect(
                    try await store.relationship(between: user, and: other)
                        == reference.relationship(between: user, and: other), "seed \(seed), step \(step)")
            }
        }
    }
}
