import PostgresNIO
import ProfileStore

/// What a database error means to the store: retry the transaction, a unique index that another
/// user holds, a database that cannot be reached, or a row the store cannot read.
enum PostgresFailure: Sendable, Equatable {
    /// A deadlock, a serialization failure or a lost race to create one user: run again.
    case retry
    /// A unique constraint of the named kind (one of ``PostgresSchema``'s constraint names).
    case uniqueViolation(constraint: String)
    /// The server is down, shutting down, refusing connections, or the connection broke.
    case unavailable(reason: String)
    /// Any other server error: a bug or a schema that is not ours.
    case other(reason: String)
    /// A stored value that does not decode (a column of another type, JSON the library's types
    /// refuse): rows written by something else.
    case invalidData(reason: String)

    /// Classifies `error` as thrown by postgres-nio (or by its connection pool), or by the
    /// decoding of a row.
    init(_ error: any Error) {
        if let error = error as? PostgresDecodingError {
            self = .invalidData(
                reason: "column \(error.columnName) of type \(error.postgresType) does not decode as "
                    + "\(error.targetType) (\(error.code))")
            return
        }
        if let error = error as? DecodingError {
            self = .invalidData(reason: "a JSON column does not decode: \(error)")
            return
        }
        guard let error = error as? PSQLError else {
            // The pool's own errors (circuit breaker tripped, shut down) and NIO's socket errors.
            self = .unavailable(reason: "\(error)")
            return
        }
        guard error.code == .server, let state = error.serverInfo?[.sqlState] else {
            self = .unavailable(reason: "\(error.code)")
            return
        }
        let message = error.serverInfo?[.message] ?? ""
        switch state {
        case "40001", "40P01":
            self = .retry
        case "23505":
            let constraint = error.serverInfo?[.constraintName] ?? ""
            self =
                PostgresSchema.userKeyConstraints.contains(constraint)
                ? .retry : .uniqueViolation(constraint: constraint)
        // Class 08: connection exception; 57P01-57P03: the server is shutting down or starting up;
        // 53: insufficient resources (too many connections, disk full).
        case _ where state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53"):
            self = .unavailable(reason: "\(state) \(message)")
        default:
            self = .other(reason: "\(state) \(message)")
        }
    }

    /// The store error for a failure that is not a unique violation the caller interprets.
    var storeError: ProfileStoreError {
        switch self {
        case .retry: .unavailable(reason: "retry limit reached on deadlocks or serialization failures")
        case .uniqueViolation(let constraint): .invalidMutation("unique constraint \(constraint) violated")
        case .unavailable(let reason): .unavailable(reason: reason)
        case .other(let reason): .storageFailed(StorageFailure("the database refused the change: \(reason)"))
        case .invalidData(let reason): PostgresProfileStoreError.invalidData(reason).storeError
        }
    }
}
