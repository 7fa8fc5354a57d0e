import Foundation
import GRDB
import ProfileDomain

/// SQLite through a GRDB `DatabasePool`: WAL journal, `synchronous=FULL` (the WAL is fsynced at
/// every commit), one row per user with a unique index on the lower-cased username, and one
/// `INSERT ... ON CONFLICT DO UPDATE` transaction per upsert. The record is stored as its JSON
/// encoding, as the JSON-file store keeps it, and decoded again on reads
/// (see ``decodesRecords``).
struct SQLiteSubject: StoreSubject {
    let pool: DatabasePool
    /// Whether reads decode the row's JSON into a `UserRecord` (the same result the JSON-file store
    /// returns) or stop at the row's bytes (SQLite's and GRDB's own cost, without ProfileKit's
    /// `Codable` decoding).
    var decodesRecords = true

    var name: String { decodesRecords ? "SQLite (GRDB)" : "SQLite (GRDB), row bytes only" }

    static let schema = """
        CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY NOT NULL, username TEXT NOT NULL, record BLOB NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS users_username ON users (lower(username));
        """
    static let upsertStatement = """
        INSERT INTO users (id, username, record) VALUES (?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET username = excluded.username, record = excluded.record
        """

    /// Opens (or creates) the database at `path` and checks that its writer really runs in WAL mode
    /// with `synchronous=FULL`: a peer measured with weaker durability would flatter it.
    init(path: String) throws {
        pool = try DatabasePool(path: path)
        // A pool sets `synchronous=NORMAL` on its writer after `prepareDatabase` runs (WAL commits
        // then reach the disk only at checkpoints), so FULL is set on the writer itself, afterwards.
        let (mode, synchronous) = try pool.writeWithoutTransaction { database in
            try database.execute(sql: "PRAGMA synchronous = FULL")
            try database.execute(sql: Self.schema)
            return (
                try String.fetchOne(database, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(database, sql: "PRAGMA synchronous")
            )
        }
        guard mode == "wal", synchronous == 2 else {
            throw BenchmarkFailure("SQLite runs with journal_mode=\(mode ?? "?") synchronous=\(synchronous ?? -1)")
        }
    }

    /// Inserts `records` in one transaction: how the benchmark populates a database fast.
    func insert(_ records: some Sequence<UserRecord>) throws {
        let encoder = JSONEncoder()
        try pool.write { database in
            for record in records {
                try database.execute(sql: Self.upsertStatement, arguments: try row(record, encoder))
            }
        }
    }

    func upsert(_ record: UserRecord) async throws {
        // Encoding happens before the transaction, where an application using SQLite would do it.
        let arguments = try row(record, JSONEncoder())
        try await pool.write { database in try database.execute(sql: Self.upsertStatement, arguments: arguments) }
    }

    func read(_ user: UserID) async throws -> Bool {
        try fetch("SELECT record FROM users WHERE id = ?", user.rawValue)
    }

    func read(username: Username) async throws -> Bool {
        try fetch("SELECT record FROM users WHERE lower(username) = lower(?)", username.rawValue)
    }

    func close() throws { try pool.close() }

    private func row(_ record: UserRecord, _ encoder: JSONEncoder) throws -> StatementArguments {
        [
            record.userID.rawValue, record.profile?.username?.rawValue ?? record.userID.rawValue,
            try encoder.encode(record),
        ]
    }

    /// Whether `sql` (a cached statement) selects a record with `argument`; read synchronously on
    /// the calling thread (GRDB's synchronous read runs there, with no hop to another thread) and,
    /// unless ``decodesRecords`` is off, decoded into a `UserRecord` as the JSON-file store returns it.
    private func fetch(_ sql: String, _ argument: String) throws -> Bool {
        let bytes = try pool.read { database in
            try Data.fetchOne(database.cachedStatement(sql: sql), arguments: [argument])
        }
        guard let bytes else { return false }
        if decodesRecords { _ = try JSONDecoder().decode(UserRecord.self, from: bytes) }
        return true
    }
}
