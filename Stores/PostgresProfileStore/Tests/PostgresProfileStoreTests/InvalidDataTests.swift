import Foundation
import PostgresNIO
import ProfileKit
import Testing

@testable import PostgresProfileStore

/// Rows that the store never writes, put in its tables by raw SQL (by hand, by another program,
/// by a newer build): reading them is a storage failure carrying
/// `PostgresProfileStoreError.invalidData`, as the JSON-file store reports a damaged file,
/// never a refused mutation nor an unavailable server.
@Suite("PostgresProfileStore on rows it cannot read")
struct InvalidDataTests {
    enum Corruption: String, CaseIterable, CustomStringConvertible {
        case usernameThatDoesNotParse
        case socialLinksOfTheWrongShape
        case columnOfAnotherType
        case historyUsernameThatDoesNotParse
        case heldUsernameThatDoesNotParse

        var description: String { rawValue }

        /// The statement that corrupts `user`'s rows (or adds a bad one) in `schema`.
        func statement(in schema: String, user: String) -> String {
            switch self {
            case .usernameThatDoesNotParse:
                "UPDATE \(schema).profiles SET username = 'not a username!' WHERE user_id = '\(user)'"
            case .socialLinksOfTheWrongShape:
                #"UPDATE \#(schema).profiles SET social_links = '{"twitter": 1}' WHERE user_id = '\#(user)'"#
            case .columnOfAnotherType:
                "ALTER TABLE \(schema).profiles ALTER COLUMN version TYPE text USING 'forty-one'"
            case .historyUsernameThatDoesNotParse:
                """
                INSERT INTO \(schema).username_history (user_id, position, username, left_at)
                VALUES ('\(user)', 1, 'old name!', 0)
                """
            case .heldUsernameThatDoesNotParse:
                """
                INSERT INTO \(schema).username_holds (username_key, username, holder_id, since, until)
                VALUES ('held_name', 'held name!', '\(user)', 0, NULL)
                """
            }
        }

        /// Words the error's description must contain: what was unreadable.
        var named: String {
            switch self {
            case .usernameThatDoesNotParse: "not a username!"
            case .socialLinksOfTheWrongShape: "JSON column"
            case .columnOfAnotherType: "column version"
            case .historyUsernameThatDoesNotParse: "old name!"
            case .heldUsernameThatDoesNotParse: "held name!"
            }
        }

        /// Whether the user's record itself is unreadable (so an update of it fails too).
        var breaksRecord: Bool {
            switch self {
            case .usernameThatDoesNotParse, .socialLinksOfTheWrongShape, .columnOfAnotherType: true
            case .historyUsernameThatDoesNotParse, .heldUsernameThatDoesNotParse: false
            }
        }

        /// The read that meets the bad row.
        func read(_ store: PostgresProfileStore, user: UserID) async throws(ProfileStoreError) {
            switch self {
            case .usernameThatDoesNotParse, .socialLinksOfTheWrongShape, .columnOfAnotherType:
                _ = try await store.record(for: user)
            case .historyUsernameThatDoesNotParse:
                _ = try await store.usernameHistory(for: user)
            case .heldUsernameThatDoesNotParse:
                _ = try await store.holds(heldFor: user)
            }
        }
    }

    @Test(
        "a row the store cannot read is storageFailed carrying invalidData that names the value",
        arguments: Corruption.allCases)
    func unreadableRow(_ corruption: Corruption) async throws {
        try await TestDatabase.withFreshStore { store in
            let user = try #require(UserID("damaged-user"))
            try await store.update(user, expectingVersion: nil) { record in
                var profile = Profile(id: ProfileID.random(), userID: user, createdAt: Date())
                profile.username = Username("intact_name")
                profile.bio = "intact"
                record = UserRecord(account: Account(userID: user, createdAt: Date()), profile: profile)
            }
            try await store.client.query(
                PostgresQuery(unsafeSQL: corruption.statement(in: store.schema.name, user: user.rawValue)))

            let read = await #expect(throws: ProfileStoreError.self) { try await corruption.read(store, user: user) }
            try expectInvalidData(try #require(read), naming: corruption.named)
            guard corruption.breaksRecord else { return }
            let update = await #expect(throws: ProfileStoreFailure<Never>.self) {
                try await store.update(user, expectingVersion: nil) { $0?.profile?.displayName = "changed" }
            }
            let failure = try #require(update)
            guard case .store(let storeError) = failure else {
                Issue.record("an update of the unreadable record failed as \(failure)")
                return
            }
            try expectInvalidData(storeError, naming: corruption.named)
        }
    }

    private func expectInvalidData(_ error: ProfileStoreError, naming value: String) throws {
        guard case .storageFailed(let failure) = error else {
            Issue.record("expected storageFailed, got \(error)")
            return
        }
        let cause = try #require(PostgresProfileStoreError(error), "the failure carries the store's own error")
        guard case .invalidData(let what) = cause else {
            Issue.record("expected invalidData, got \(cause)")
            return
        }
        #expect(what.contains(value), "\(what)")
        #expect(failure.description.hasPrefix("the database holds data this store cannot read"), "\(failure)")
    }
}
