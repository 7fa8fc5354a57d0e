import Logging
import PostgresNIO

/// A statement was not sent because its connection had closed (the server went away).
struct PostgresConnectionClosed: Error, CustomStringConvertible {
    var description: String { "the connection to PostgreSQL is closed" }
}

extension PostgresConnection {
    /// `query(_:logger:file:line:)`, except that on a connection that has closed it throws
    /// ``PostgresConnectionClosed`` at once instead of waiting forever.
    ///
    /// Why: postgres-nio 1.33.2 writes a query to its channel without a write promise. One event-loop
    /// turn after a channel closes its handlers are removed, and from then on such a write is dropped
    /// and the query's promise never completed: the caller waits forever and keeps its pooled
    /// connection. When the database was killed, every transaction between two statements hung
    /// that way (and every one that had failed, in its `ROLLBACK`), so the store never recovered.
    /// Checking `isClosed` on the connection's own event loop, in the turn that also writes the
    /// query, makes the check exact: a channel still open at that point still has its handler, and
    /// the handler fails the query properly if the channel closes later.
    ///
    /// Deliberately without an isolation parameter, so that the check and the write both run on
    /// the event loop whatever actor the caller is on.
    @discardableResult
    func guardedQuery(
        _ query: PostgresQuery, logger: Logger, file: String = #fileID, line: Int = #line
    ) async throws -> PostgresRowSequence {
        try await withTaskExecutorPreference(EventLoopTaskExecutor(eventLoop)) {
            guard !isClosed else { throw PostgresConnectionClosed() }
            return try await self.query(query, logger: logger, file: file, line: line)
        }
    }
}
