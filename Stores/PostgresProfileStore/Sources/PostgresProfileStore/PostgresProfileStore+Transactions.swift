import PostgresNIO
import ProfileStore

/// An error thrown by the caller's closure inside a transaction, carried out of it unchanged
/// (never classified as a database error).
struct CallerError: Error {
    let underlying: any Error
}

extension PostgresProfileStore {
    /// Runs `body` in a transaction on a pooled connection, running it again after a deadlock, a
    /// serialization failure or a lost race to create one user, at most
    /// ``Configuration/retryLimit`` more times. Each run may hold its connection for `holdLimit`,
    /// ``Configuration/transactionTimeout`` when `nil`.
    ///
    /// A `ProfileStoreError` thrown by `body` propagates unchanged (a row the store cannot read is
    /// already `.storageFailed` carrying ``PostgresProfileStoreError/invalidData(_:)``), a
    /// ``CallerError`` propagates as its underlying error, and any other error is classified by
    /// ``PostgresFailure``: `ProfileStoreError.unavailable` for a server that cannot be reached
    /// (or deadlocks past the retry limit), `.invalidMutation` for a unique constraint that
    /// `body` did not interpret, and `.storageFailed` for a value that does not decode or any
    /// other refusal.
    func withRetries<Result>(
        isolation: isolated (any Actor)? = #isolation,
        holdLimit: Duration? = nil,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> sending Result where Result: Sendable {
        var attempt = 0
        while true {
            do {
                return try await pool.withConnection(isolation: isolation, holdLimit: holdLimit) { connection in
                    try await Self.transaction(on: connection, logger: logger) { try await body(connection) }
                }
            } catch let error as ProfileStoreError {
                throw error
            } catch let error as CallerError {
                throw error.underlying
            } catch {
                let failure = PostgresFailure(error)
                guard failure == .retry, attempt < configuration.retryLimit else { throw failure.storeError }
                attempt += 1
                // A short, growing, jittered pause lets the transaction that won the race finish.
                let micros = Int.random(in: 0...(200 << min(attempt, 6)))
                try? await Task.sleep(for: .microseconds(micros))
            }
        }
    }

    /// Like ``withRetries(isolation:_:)`` for operations whose every error is a
    /// `ProfileStoreError`.
    func storeOperation<Result: Sendable>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws(ProfileStoreError) -> Result {
        do {
            return try await withRetries(isolation: isolation, body)
        } catch let error as ProfileStoreError {
            throw error
        } catch {
            throw PostgresFailure(error).storeError
        }
    }
}
