import ProfileDomain

/// A durable store of user records under measurement: the JSON-file store or its SQLite peer.
protocol StoreSubject: Sendable {
    /// The name the table shows.
    var name: String { get }
    /// Stores `record` durably (its bytes are on disk when this returns), replacing the user's.
    func upsert(_ record: UserRecord) async throws
    /// Reads the record of `user` as the store's clients get it; whether there was one.
    func read(_ user: UserID) async throws -> Bool
    /// Reads the record whose username is `username`, compared case-insensitively; whether there was one.
    func read(username: Username) async throws -> Bool
    /// Flushes what the store keeps open and closes it.
    func close() throws
}

/// Errors of the benchmark itself: a row that cannot be produced stops the run.
struct BenchmarkFailure: Error, CustomStringConvertible {
    /// What went wrong, for the log.
    var description: String

    init(_ description: String) { self.description = description }
}
