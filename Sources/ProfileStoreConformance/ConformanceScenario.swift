import ProfileDomain
import ProfileStore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The store under test with the expectations of one check and the few steps every check
/// repeats: make a username, create a user, read a record that must exist.
///
/// Records are built the way a profile service would: an account, a profile at version 1, and
/// every change bumps the profile's version by one (the store checks versions, the caller bumps
/// them).
struct ConformanceScenario: Sendable {
    /// The store under test.
    let store: any ProfileStore
    /// The check's assertions.
    let expect: ConformanceExpectation

    /// A fixed instant, so that records built twice compare equal.
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    /// A username the suite knows to be valid; a failure if it is not.
    func username(
        _ handle: String, fileID: String = #fileID, line: Int = #line
    ) throws(ConformanceFailure)
        -> Username
    {
        guard let username = Username(handle) else {
            throw expect.failure("the suite's username \(handle) is not valid", fileID: fileID, line: line)
        }
        return username
    }

    /// A record of `user` with an account and a version-1 profile.
    func makeRecord(_ user: UserID, username: Username?, email: String?) -> UserRecord {
        var profile = Profile(userID: user, createdAt: Self.date)
        profile.username = username
        return UserRecord(account: Account(userID: user, email: email, createdAt: Self.date), profile: profile)
    }

    /// Creates a user with a profile through an update and returns its id.
    @discardableResult
    func createUser(
        username handle: String? = nil,
        email: String? = nil,
        fileID: String = #fileID,
        line: Int = #line
    ) async throws -> UserID {
        let user = UserID.random()
        let username = try handle.map { (handle) throws(ConformanceFailure) in
            try self.username(handle, fileID: fileID, line: line)
        }
        let record = makeRecord(user, username: username, email: email)
        try await store.update(user, expectingVersion: nil) { $0 = record }
        try expect.equal(
            try await store.record(for: user), record, "the record just created", fileID: fileID, line: line)
        return user
    }

    /// The record of `user`, which must exist.
    func existingRecord(_ user: UserID, fileID: String = #fileID, line: Int = #line) async throws -> UserRecord {
        guard let record = try await store.record(for: user) else {
            throw expect.failure("user \(user) has no record", fileID: fileID, line: line)
        }
        return record
    }

    /// The profile id of `record`, which must have a profile.
    func profileID(
        of record: UserRecord, fileID: String = #fileID, line: Int = #line
    ) throws(ConformanceFailure)
        -> ProfileID
    {
        guard let profile = record.profile else {
            throw expect.failure("the record of \(record.userID) has no profile", fileID: fileID, line: line)
        }
        return profile.id
    }

    /// Changes `user`'s profile with `change` and bumps its version, as a profile service would.
    @discardableResult
    func changeProfile(
        _ user: UserID,
        expectingVersion expectedVersion: Int? = nil,
        _ change: @escaping @Sendable (inout Profile) -> Void
    ) async throws(ProfileStoreError) -> UserRecord? {
        do {
            return try await store.update(user, expectingVersion: expectedVersion) { record in
                guard var profile = record?.profile else { return record }
                change(&profile)
                profile.version += 1
                record?.profile = profile
                return record
            }
        } catch {
            throw error.storeError
        }
    }

    /// Renames `user` to `handle`.
    @discardableResult
    func rename(
        _ user: UserID, to handle: String, fileID: String = #fileID, line: Int = #line
    ) async throws
        -> UserRecord?
    {
        let username = try username(handle, fileID: fileID, line: line)
        return try await changeProfile(user) { $0.username = username }
    }

    /// Sets `user`'s email.
    func setEmail(_ user: UserID, to email: String?) async throws {
        try await store.update(user, expectingVersion: nil) { $0?.account.email = email }
    }
}
