import Foundation
import ProfileKit
import ProfileKitTestSupport
import Testing

/// The purge's "deletions due" on generated stores against a reference that decodes nothing: a
/// filter over the generated states. The JSON-file store is reopened from its snapshot, so the
/// answer comes from the fast-open scan's `state` flag, the index a bug would silently empty.
@Suite("Account states on generated stores")
struct AccountStateGeneratedTests {
    static let origin = Date(timeIntervalSince1970: 1_700_000_000)

    static func randomState(_ generator: inout SeededGenerator) -> AccountState {
        let since = origin + Double(Int.random(in: -1000...0, using: &generator))
        let offset = Double(Int.random(in: -500...500, using: &generator))
        switch Int.random(in: 0..<5, using: &generator) {
        case 0: return .active
        case 1: return .deactivated(since: since)
        case 2: return .suspended(since: since, until: Bool.random(using: &generator) ? nil : origin + offset)
        default: return .pendingDeletion(requestedAt: since, purgeAfter: origin + offset)
        }
    }

    static func reference(_ states: [UserID: AccountState], dueAt now: Date) -> [UserID] {
        states.compactMap { user, state in
            guard case .pendingDeletion(_, let purgeAfter) = state, purgeAfter <= now else { return nil }
            return user
        }.sorted()
    }

    @Test("usersPendingDeletion equals the reference filter on 200 generated records, before and after reopening")
    func dueListMatchesReference() async throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        var generator = SeededGenerator(seed: seed)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("profilekit-states-\(seed)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = JSONFileProfileStore.Options(snapshotsOnClose: true, creation: .createIfMissing)
        let first = try JSONFileProfileStore(directory: directory.path, options: options)
        let memory = InMemoryProfileStore()
        var states: [UserID: AccountState] = [:]
        for index in 0..<200 {
            let user = try #require(UserID("user-\(index)-\(UInt16.random(in: 0...UInt16.max, using: &generator))"))
            states[user] = Self.randomState(&generator)
        }
        let records = states.map { user, state in
            UserRecord(account: Account(userID: user, createdAt: Self.origin), state: state)
        }
        for store in [first as any ProfileStore, memory] {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for record in records {
                    group.addTask { try await store.update(record.userID, expectingVersion: nil) { $0 = record } }
                }
                try await group.waitForAll()
            }
        }
        try first.close()
        let reopened = try JSONFileProfileStore(directory: directory.path, options: options)
        defer { try? reopened.close() }
        for offset in stride(from: -600.0, through: 600, by: 50) {
            let now = Self.origin + offset
            let expected = Self.reference(states, dueAt: now)
            #expect(try await memory.usersPendingDeletion(dueAt: now) == expected, "seed \(seed), now \(offset)")
            #expect(try await reopened.usersPendingDeletion(dueAt: now) == expected, "seed \(seed), now \(offset)")
        }
    }

    @Test("effective(at:) matches its definition on 20,000 generated states and instants")
    func effectiveStateMatchesDefinition() {
        let seed = UInt64.random(in: 1...UInt64.max)
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<20_000 {
            let state = Self.randomState(&generator)
            let now = Self.origin + Double(Int.random(in: -600...600, using: &generator))
            let expected: AccountState
            if case .suspended(_, let until?) = state, now >= until { expected = .active } else { expected = state }
            #expect(state.effective(at: now) == expected, "seed \(seed): \(state) at \(now)")
        }
    }
}
