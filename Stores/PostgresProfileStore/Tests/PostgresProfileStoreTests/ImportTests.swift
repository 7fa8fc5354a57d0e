import Foundation
import ProfileKit
import ProfileStore
import Testing

@testable import PostgresProfileStore

/// `importContents(_:)`, the heart of `profilekit-pg-import`: a JSON-file store's records, edges,
/// username holds and histories arrive whole, and the imported store goes on exactly as its
/// source would; a refused import leaves the target empty.
@Suite("PostgresProfileStore import of a JSON-file store")
struct ImportTests {
    /// A JSON-file store in a fresh temporary directory, removed afterwards.
    private static func withJSONFileStore<T>(_ body: (JSONFileProfileStore) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try JSONFileProfileStore(directory: directory.path, options: .createIfMissing)
        defer { try? store.close() }
        return try await body(store)
    }

    @Test(
        "generated stores (renames and deletions under holding terms, releases) import whole and go on alike",
        arguments: 0..<8)
    func generatedStoresImportWhole(round: Int) async throws {
        let base = UInt64(ProcessInfo.processInfo.environment["PROFILEKIT_SEED"] ?? "") ?? 20_261_130
        let seed = base &+ UInt64(round)
        let (operations, afterwards) = (300, 60)
        try await Self.withJSONFileStore { source in
            var generator = SeededGenerator(seed: seed)
            let deadline = ContinuousClock.now + .seconds(30)
            for _ in 0..<operations where ContinuousClock.now < deadline {
                _ = await GeneratedOperation.random(using: &generator).run(on: source)
            }
            let contents = try source.exportContents()
            try await TestDatabase.withFreshStore { target in
                let report = try await target.importContents(contents)
                #expect(
                    report
                        == .init(
                            records: contents.records.count, edges: contents.edges.count, holds: contents.holds.count,
                            usernameHistories: contents.usernameHistories.count), "seed \(seed)")
                #expect(try await target.allHolds() == contents.holds, "seed \(seed)")
                #expect(try await target.allUsernameHistories() == contents.usernameHistories, "seed \(seed)")
                #expect(try await target.allEdges() == Set(contents.edges), "seed \(seed)")
                for record in contents.records {
                    #expect(try await target.record(for: record.userID) == record, "seed \(seed)")
                }
                // The imported holds act as the source's: claims meet them, reclaims and
                // expiries end them, renames and deletions add to them.
                for step in 0..<afterwards {
                    let operation = GeneratedOperation.random(using: &generator)
                    let expected = await operation.run(on: source)
                    let actual = await operation.run(on: target)
                    guard actual == expected else {
                        Issue.record(
                            "seed \(seed), step \(step) after the import, \(operation): \(expected) != \(actual)")
                        return
                    }
                }
                #expect(try await target.allHolds() == source.exportContents().holds, "seed \(seed)")
                #expect(try await target.allUsernameHistories() == source.exportContents().usernameHistories)
            }
        }
    }

    @Test("a generated store has holds with and without a holder, expired and active, and histories")
    func generatedStoresCoverEveryKindOfHold() async throws {
        let base = UInt64(ProcessInfo.processInfo.environment["PROFILEKIT_SEED"] ?? "") ?? 20_261_130
        try await Self.withJSONFileStore { source in
            var generator = SeededGenerator(seed: base)
            for _ in 0..<300 { _ = await GeneratedOperation.random(using: &generator).run(on: source) }
            let contents = try source.exportContents()
            // The generated terms lie between the fixed date and 17 days after it.
            let middle = GeneratedOperation.date.addingTimeInterval(8 * 86_400)
            #expect(contents.holds.contains { $0.holder == nil }, "seed \(base)")
            #expect(contents.holds.contains { $0.holder != nil }, "seed \(base)")
            #expect(contents.holds.contains { $0.isActive(at: middle) }, "seed \(base)")
            #expect(contents.holds.contains { !$0.isActive(at: middle) }, "seed \(base)")
            #expect(!contents.usernameHistories.isEmpty, "seed \(base)")
        }
    }

    @Test("a second import into the same schema is refused with the user count, and changes nothing")
    func secondImportIsRefused() async throws {
        try await TestDatabase.withFreshStore { target in
            let contents = try Self.smallContents()
            _ = try await target.importContents(contents)
            await #expect(throws: PostgresImportError.targetNotEmpty(userCount: 2)) {
                try await target.importContents(contents)
            }
            #expect(try await target.allHolds() == contents.holds)
            #expect(try await target.allUsernameHistories() == contents.usernameHistories)
        }
    }

    @Test(
        "contents that cannot be stored as given are refused and leave the target empty",
        arguments: BrokenContents.allCases)
    func brokenContentsLeaveTargetEmpty(broken: BrokenContents) async throws {
        try await TestDatabase.withFreshStore { target in
            var contents = try Self.smallContents()
            let stranger = try #require(UserID("import-stranger"))
            switch broken {
            case .twoHoldsOnOneKey:
                let other = try #require(Username("HELD_NAME"))
                contents.holds.append(UsernameHold(username: other, holder: nil, since: Self.date, until: nil))
            case .holdOfUnknownHolder:
                contents.holds[0].holder = stranger
            case .historyOfUnknownUser:
                contents.usernameHistories[stranger] = contents.usernameHistories.values.first
            }
            do {
                _ = try await target.importContents(contents)
                Issue.record("\(broken) was imported")
            } catch let error as PostgresImportError {
                #expect(broken == .twoHoldsOnOneKey)
                #expect(error == .mismatch("the set of 3 username holds"))
            } catch let error as ProfileStoreError {
                #expect(broken != .twoHoldsOnOneKey)
                guard case .storageFailed = error, "\(error)".contains("violates foreign key constraint") else {
                    Issue.record("\(broken): \(error)")
                    return
                }
            }
            for record in contents.records { #expect(try await target.record(for: record.userID) == nil) }
            #expect(try await target.allHolds().isEmpty)
            #expect(try await target.allUsernameHistories().isEmpty)
        }
    }

    /// Ways to break ``smallContents()`` that only the database notices.
    enum BrokenContents: CaseIterable, CustomStringConvertible {
        case twoHoldsOnOneKey
        case holdOfUnknownHolder
        case historyOfUnknownUser

        var description: String {
            switch self {
            case .twoHoldsOnOneKey: "two holds on one canonical key"
            case .holdOfUnknownHolder: "a hold whose holder has no record"
            case .historyOfUnknownUser: "a history of a user without a record"
            }
        }
    }

    static let date = Date(timeIntervalSinceReferenceDate: 812_345_678.5)

    /// Two users; the first renamed from `held_name` (a hold and a history), the second's
    /// deletion-made hold on `gone_name` without a holder.
    static func smallContents() throws -> StoreContents {
        let (first, second) = (try #require(UserID("import-first")), try #require(UserID("import-second")))
        let held = try #require(Username("held_name"))
        return StoreContents(
            records: [first, second].map { UserRecord(account: Account(userID: $0, createdAt: date)) },
            edges: [RelationshipEdge(from: first, to: second, kind: .follow)],
            holds: [
                UsernameHold(
                    username: try #require(Username("gone_name")), holder: nil, since: date,
                    until: date.addingTimeInterval(60)),
                UsernameHold(username: held, holder: first, since: date, until: nil),
            ],
            usernameHistories: [first: [UsernameChange(username: held, leftAt: date)]])
    }
}
