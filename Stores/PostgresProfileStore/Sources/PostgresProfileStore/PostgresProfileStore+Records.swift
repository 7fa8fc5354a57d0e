import PostgresNIO
import ProfileDomain
import ProfileStore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension PostgresProfileStore {
    /// The record of `user`, or `nil`.
    public func record(for user: UserID) async throws(ProfileStoreError) -> UserRecord? {
        try await storeOperation { connection in
            try await fetchRecord(where: "u.user_id = $1", user.rawValue, on: connection)
        }
    }

    /// The record whose profile has the id `profile`, or `nil`.
    public func record(forProfile profile: ProfileID) async throws(ProfileStoreError) -> UserRecord? {
        try await storeOperation { connection in
            try await fetchRecord(where: "p.profile_id = $1", profile.rawValue, on: connection)
        }
    }

    /// The record whose profile's username has the canonical key of `username`, or `nil`.
    public func record(forUsername username: Username) async throws(ProfileStoreError) -> UserRecord? {
        try await storeOperation { connection in
            try await fetchRecord(where: "p.username_key = $1", username.canonicalKey, on: connection)
        }
    }

    /// Reads `user`'s record under a row lock held until the transaction ends, runs `body` on it,
    /// and stores the result in the same transaction, with the username history row and hold
    /// row that `terms` call for; see
    /// ``ProfileStore/ProfileStore/update(_:expectingVersion:holding:_:)`` for every rule.
    ///
    /// After a deadlock or a lost race to create the same user the transaction runs again, so
    /// `body` may run more than once, each time on the record as it then is.
    public func update<Value: Sendable, Failure: Error>(
        _ user: UserID,
        expectingVersion expectedVersion: Int?,
        holding terms: UsernameHoldTerms?,
        _ body: (inout UserRecord?) throws(Failure) -> Value
    ) async throws(ProfileStoreFailure<Failure>) -> Value {
        // Kept beside the transaction's untyped errors so that a body's error of any type, even a
        // `ProfileStoreError`, comes back as `.rejected` and never as the store's own.
        var rejection: Failure?
        do {
            return try await withRetries { connection in
                let current = try await fetchRecord(
                    where: "u.user_id = $1", user.rawValue, lockingUser: true, on: connection)
                if let expectedVersion, expectedVersion != current?.version ?? 0 {
                    throw ProfileStoreError.versionConflict(expected: expectedVersion, current: current?.version ?? 0)
                }
                var candidate = current
                let result: Value
                do throws(Failure) {
                    result = try body(&candidate)
                } catch {
                    rejection = error
                    throw CallerError(underlying: error)
                }
                guard let candidate else {
                    guard current == nil else {
                        throw ProfileStoreError.invalidMutation(
                            "an update cannot remove the record of user \(user); use deleteUser")
                    }
                    return result
                }
                guard candidate != current else { return result }
                try Self.checkOwnership(candidate, as: user)
                try await write(candidate, over: current, on: connection)
                try await writeHolds(candidate, over: current, terms: terms, on: connection)
                return result
            }
        } catch {
            if let rejection { throw .rejected(rejection) }
            if let error = error as? ProfileStoreError { throw .store(error) }
            throw .store(PostgresFailure(error).storeError)
        }
    }

    /// Removes `user`'s record; foreign keys remove its profile, preferences, media references,
    /// edges and username history and clear the holder of its username holds, and the counter
    /// trigger updates the other users' counts, in one transaction. With `terms`, the user's
    /// username is held under `terms.afterDeletion`, with no holder, in the same transaction.
    public func deleteUser(
        _ user: UserID, holding terms: UsernameHoldTerms?
    ) async throws(ProfileStoreError)
        -> UserRecord?
    {
        try await storeOperation { connection in
            guard
                let removed = try await fetchRecord(
                    where: "u.user_id = $1", user.rawValue, lockingUser: true, on: connection)
            else { return nil }
            // The foreign keys delete the history and clear the holder of the user's holds.
            try await connection.guardedQuery(
                "DELETE FROM \(unescaped: schema.name).users WHERE user_id = \(user.rawValue)", logger: logger)
            if let terms, let username = removed.profile?.username, terms.afterDeletion.holds {
                let hold = UsernameHold(
                    username: username, holder: nil, since: terms.now, until: terms.afterDeletion.end(from: terms.now))
                try await storeHold(hold, on: connection)
            }
            return removed
        }
    }

    /// The users whose pending deletion's grace period ended at or before `now`, sorted by user
    /// id (in Swift, so that the order is the other stores' whatever the database's collation).
    public func usersPendingDeletion(dueAt now: Date) async throws(ProfileStoreError) -> [UserID] {
        try await storeOperation { connection in
            let rows = try await connection.guardedQuery(
                """
                SELECT user_id FROM \(unescaped: schema.name).users
                WHERE account_state = 'pending_deletion' AND state_until <= \(now.timeIntervalSinceReferenceDate)
                """,
                logger: logger)
            var users: [UserID] = []
            for try await (raw) in rows.decode(String.self) {
                users.append(try PostgresRecordColumns.identifier({ UserID($0) }, raw))
            }
            return users.sorted()
        }
    }

    /// The one record matching `condition` (SQL over `u` and `p` with one parameter `$1`).
    func fetchRecord(
        where condition: String,
        _ parameter: String,
        lockingUser: Bool = false,
        on connection: PostgresConnection
    ) async throws -> UserRecord? {
        var bindings = PostgresBindings()
        bindings.append(parameter)
        if lockingUser {
            // Lock first, read in a second statement: under READ COMMITTED a statement that waited
            // for a row lock re-reads the locked row but not the rows joined to it, so a single
            // `SELECT ... FOR UPDATE` would hand back the profile as it was before the lock holder
            // committed (a lost update).
            let lock = "SELECT 1 FROM \(schema.name).users u WHERE \(condition) FOR UPDATE"
            try await connection.guardedQuery(PostgresQuery(unsafeSQL: lock, binds: bindings), logger: logger)
        }
        let sql = PostgresRecordColumns.select(in: schema.name, where: condition)
        let rows = try await connection.guardedQuery(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        var found: UserRecord?
        for try await row in rows {
            found = try PostgresRecordColumns.record(from: row)
        }
        return found
    }

    /// The rules a unique index cannot state: a record is stored under its own user id, and its
    /// profile names the same user.
    static func checkOwnership(_ record: UserRecord, as user: UserID) throws(ProfileStoreError) {
        guard record.userID == user else {
            throw .invalidMutation("the record of user \(user) names user \(record.userID); a user id cannot change")
        }
        if let profile = record.profile, profile.userID != user {
            throw .invalidMutation("the profile of user \(user) names user \(profile.userID)")
        }
    }
}
