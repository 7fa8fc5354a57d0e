import PostgresNIO
import ProfileDomain
import ProfileStore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Username holds and history in the tables of migration 3, written in the transaction of the
/// rename or deletion that releases the name (see `ProfileStore` for the promises).
///
/// A claim is checked *after* its profile row is written: the write waits on the unique index
/// for any transaction that still holds the key (the releasing rename or deletion, or another
/// claimant), so the check that follows sees that transaction's hold, and `SELECT ... FOR
/// UPDATE` on the hold row makes a reclaim and a claim of the same name take turns. Exactly one
/// wins; the other meets the hold or the winner's unique key.
extension PostgresProfileStore {
    /// The hold on `username`'s canonical key, active or expired, or `nil`.
    public func hold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? {
        try await storeOperation { connection in
            try await fetchHolds(where: "username_key = $1", username.canonicalKey, on: connection).first
        }
    }

    /// Every hold whose holder is `user`, sorted by canonical key (in Swift, whatever the
    /// database's collation); empty for an unknown or deleted user.
    public func holds(heldFor user: UserID) async throws(ProfileStoreError) -> [UsernameHold] {
        try await storeOperation { connection in
            try await fetchHolds(where: "holder_id = $1", user.rawValue, on: connection)
                .sorted(by: Self.byCanonicalKey)
        }
    }

    /// The handles `user`'s profile left, oldest first; empty for an unknown user.
    public func usernameHistory(for user: UserID) async throws(ProfileStoreError) -> [UsernameChange] {
        try await storeOperation { connection in
            let rows = try await connection.guardedQuery(
                """
                SELECT user_id, username, left_at FROM \(unescaped: schema.name).username_history
                WHERE user_id = \(user.rawValue) ORDER BY position
                """,
                logger: logger)
            return try await Self.histories(in: rows)[user] ?? []
        }
    }

    /// Deletes the hold on `username`'s canonical key, returning it, or `nil` when there was none.
    public func releaseHold(on username: Username) async throws(ProfileStoreError) -> UsernameHold? {
        try await storeOperation { connection in
            let rows = try await connection.guardedQuery(
                """
                DELETE FROM \(unescaped: schema.name).username_holds WHERE username_key = \(username.canonicalKey)
                RETURNING username, holder_id, since, until
                """,
                logger: logger)
            return try await Self.holds(in: rows).first
        }
    }
}

extension PostgresProfileStore {
    /// After `candidate` was written over `current` in this transaction: refuses a new claim of a
    /// key that another user's hold covers (at `terms.now`, else the wall clock), ends the hold
    /// on a claim allowed through it, and with `terms` records a left handle in the history and
    /// holds its key (a case-only change keeps the key: history, no hold).
    func writeHolds(
        _ candidate: UserRecord, over current: UserRecord?, terms: UsernameHoldTerms?, on connection: PostgresConnection
    ) async throws {
        let claimed = candidate.profile?.username
        if let claimed, claimed.canonicalKey != current?.profile?.username?.canonicalKey {
            let locked = try await fetchHolds(
                where: "username_key = $1", claimed.canonicalKey, locking: true, on: connection)
            if let hold = locked.first {
                if hold.holder != candidate.userID, hold.isActive(at: terms?.now ?? Date()) {
                    throw ProfileStoreError.usernameHeld(claimed.rawValue, until: hold.until)
                }
                try await connection.guardedQuery(
                    "DELETE FROM \(unescaped: schema.name).username_holds WHERE username_key = \(claimed.canonicalKey)",
                    logger: logger)
            }
        }
        guard let terms, let left = current?.profile?.username, left.rawValue != claimed?.rawValue else { return }
        // The user's row is locked, so no other transaction appends to this history meanwhile.
        try await connection.guardedQuery(
            """
            INSERT INTO \(unescaped: schema.name).username_history (user_id, position, username, left_at)
            SELECT \(candidate.userID.rawValue), coalesce(max(position), 0) + 1, \(left.rawValue),
                \(terms.now.timeIntervalSinceReferenceDate)
            FROM \(unescaped: schema.name).username_history WHERE user_id = \(candidate.userID.rawValue)
            """,
            logger: logger)
        guard left.canonicalKey != claimed?.canonicalKey, terms.afterRename.holds else { return }
        let hold = UsernameHold(
            username: left, holder: candidate.userID, since: terms.now, until: terms.afterRename.end(from: terms.now))
        try await storeHold(hold, on: connection)
    }

    /// Stores `hold` on its canonical key, replacing any hold there, as the other stores do.
    func storeHold(_ hold: UsernameHold, on connection: PostgresConnection) async throws {
        try await connection.guardedQuery(
            """
            INSERT INTO \(unescaped: schema.name).username_holds (username_key, username, holder_id, since, until)
            VALUES (\(hold.username.canonicalKey), \(hold.username.rawValue), \(hold.holder?.rawValue),
                \(hold.since.timeIntervalSinceReferenceDate), \(hold.until?.timeIntervalSinceReferenceDate))
            ON CONFLICT (username_key) DO UPDATE SET username = EXCLUDED.username, holder_id = EXCLUDED.holder_id,
                since = EXCLUDED.since, until = EXCLUDED.until
            """,
            logger: logger)
    }

    /// Appends `history` (oldest first) to `user`'s username history, numbering from 1: for the
    /// import, into a user without history.
    func storeHistory(_ history: [UsernameChange], of user: UserID, on connection: PostgresConnection) async throws {
        for (index, change) in history.enumerated() {
            try await connection.guardedQuery(
                """
                INSERT INTO \(unescaped: schema.name).username_history (user_id, position, username, left_at)
                VALUES (\(user.rawValue), \(index + 1), \(change.username.rawValue),
                    \(change.leftAt.timeIntervalSinceReferenceDate))
                """,
                logger: logger)
        }
    }

    /// The histories of `rows` (columns user_id, username, left_at, in each user's order).
    static func histories(in rows: PostgresRowSequence) async throws -> [UserID: [UsernameChange]] {
        var histories: [UserID: [UsernameChange]] = [:]
        for try await (user, raw, leftAt) in rows.decode((String, String, Double).self) {
            let change = UsernameChange(
                username: try PostgresRecordColumns.identifier({ Username($0) }, raw),
                leftAt: Date(timeIntervalSinceReferenceDate: leftAt))
            histories[try PostgresRecordColumns.identifier({ UserID($0) }, user), default: []].append(change)
        }
        return histories
    }

    /// The holds matching `condition` (SQL over `username_holds` with one parameter `$1`),
    /// optionally locked until the transaction ends.
    func fetchHolds(
        where condition: String, _ parameter: String, locking: Bool = false, on connection: PostgresConnection
    ) async throws -> [UsernameHold] {
        var bindings = PostgresBindings()
        bindings.append(parameter)
        let sql = """
            SELECT username, holder_id, since, until FROM \(schema.name).username_holds WHERE \(condition)
            \(locking ? "FOR UPDATE" : "")
            """
        let rows = try await connection.guardedQuery(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        return try await Self.holds(in: rows)
    }

    /// The holds of `rows` (columns username, holder_id, since, until).
    static func holds(in rows: PostgresRowSequence) async throws -> [UsernameHold] {
        var holds: [UsernameHold] = []
        for try await (raw, holder, since, until) in rows.decode((String, String?, Double, Double?).self) {
            holds.append(
                UsernameHold(
                    username: try PostgresRecordColumns.identifier({ Username($0) }, raw),
                    holder: try holder.map { try PostgresRecordColumns.identifier({ UserID($0) }, $0) },
                    since: Date(timeIntervalSinceReferenceDate: since),
                    until: until.map(Date.init(timeIntervalSinceReferenceDate:))))
        }
        return holds
    }
}
