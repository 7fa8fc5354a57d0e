/// A promise of ``ProfileStore`` that a store broke, as one conformance check found it.
///
/// `file` and `line` point at the expectation inside the suite that failed (or at the check's
/// definition when the store threw an error nobody expected), so a failing third-party store
/// can read exactly what was asked of it.
public struct ConformanceFailure: Error, Sendable, CustomStringConvertible {
    /// The name of the check that failed.
    public let check: String
    /// What was expected and what the store did instead.
    public let message: String
    /// The file of the failed expectation, as `#fileID` spells it.
    public let file: String
    /// The line of the failed expectation.
    public let line: Int

    /// Creates a failure; for checks written outside the suite.
    package init(check: String, message: String, file: String = #fileID, line: Int = #line) {
        self.check = check
        self.message = message
        self.file = file
        self.line = line
    }

    /// `file:line: check: message`.
    public var description: String { "\(file):\(line): \(check): \(message)" }
}
