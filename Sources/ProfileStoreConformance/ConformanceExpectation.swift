import ProfileStore

/// The assertions of the conformance suite: each throws a ``ConformanceFailure`` naming the check
/// and the line of the expectation, instead of recording an issue with a test framework (the
/// suite does not depend on one).
struct ConformanceExpectation: Sendable {
    /// The name of the check the expectations belong to.
    let check: String

    /// A failure of this check at the caller's line.
    func failure(_ message: String, fileID: String = #fileID, line: Int = #line) -> ConformanceFailure {
        ConformanceFailure(check: check, message: message, file: fileID, line: line)
    }

    /// Fails unless `condition` holds.
    func that(
        _ condition: Bool,
        _ message: @autoclosure () -> String,
        fileID: String = #fileID,
        line: Int = #line
    ) throws(ConformanceFailure) {
        guard condition else { throw failure(message(), fileID: fileID, line: line) }
    }

    /// Fails unless `actual` equals `expected`; the message says what was compared.
    func equal<Value: Equatable>(
        _ actual: Value,
        _ expected: Value,
        _ what: @autoclosure () -> String,
        fileID: String = #fileID,
        line: Int = #line
    ) throws(ConformanceFailure) {
        guard actual == expected else {
            throw failure("\(what()): expected \(expected), got \(actual)", fileID: fileID, line: line)
        }
    }

    /// Fails unless `operation` throws a ``ProfileStoreError`` (or an atomic step's
    /// ``ProfileStore/ProfileStoreFailure/store(_:)``) of the same case as `expected`;
    /// with `exactly`, the associated values must match too. Returns the error thrown.
    @discardableResult
    func error<Value>(
        _ expected: ProfileStoreError,
        exactly: Bool = false,
        _ what: @autoclosure () -> String,
        fileID: String = #fileID,
        line: Int = #line,
        _ operation: () async throws -> Value
    ) async throws(ConformanceFailure) -> ProfileStoreError {
        let outcome: Result<Value, any Error>
        do {
            outcome = .success(try await operation())
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let value):
            throw failure("\(what()): expected \(expected), but it succeeded with \(value)", fileID: fileID, line: line)
        case .failure(let thrown):
            guard let error = ProfileStoreError(storeErrorIn: thrown) else {
                throw failure("\(what()): expected \(expected), got \(thrown)", fileID: fileID, line: line)
            }
            let matches = exactly ? error == expected : error.caseName == expected.caseName
            guard matches else {
                throw failure("\(what()): expected \(expected), got \(error)", fileID: fileID, line: line)
            }
            return error
        }
    }
}
