import ProfileStore

/// One promise of ``ProfileStore``, runnable against any store.
///
/// Each check expects a fresh, empty store and leaves it in an unspecified state. From Swift
/// Testing, one test case per check:
///
/// ```swift
/// @Test(arguments: ProfileStoreConformance.checks)
/// func conforms(_ check: ProfileStoreConformanceCheck) async throws {
///     try await check.run(MyPostgresProfileStore(connection: freshDatabase()))
/// }
/// ```
public struct ProfileStoreConformanceCheck: Sendable, CustomStringConvertible {
    /// The promise in words, e.g. "two concurrent claims of one username: exactly one wins".
    public let name: String
    /// Runs the check; throws a ``ConformanceFailure`` when the store breaks the promise.
    ///
    /// Any other error the store throws where none was expected arrives wrapped in a
    /// ``ConformanceFailure`` too, so the check's name is always in the report.
    public let run: @Sendable (any ProfileStore) async throws -> Void

    /// Creates a check from a name and a body; for checks written outside the suite.
    public init(name: String, run: @escaping @Sendable (any ProfileStore) async throws -> Void) {
        self.name = name
        self.run = run
    }

    /// Creates a check whose body works through a ``ConformanceScenario`` and whose unexpected
    /// errors are reported with the check's name and definition site.
    init(
        _ name: String,
        fileID: String = #fileID,
        line: Int = #line,
        _ body: @escaping @Sendable (ConformanceScenario) async throws -> Void
    ) {
        self.name = name
        self.run = { store in
            let expect = ConformanceExpectation(check: name)
            do {
                try await body(ConformanceScenario(store: store, expect: expect))
            } catch let failure as ConformanceFailure {
                throw failure
            } catch {
                throw ConformanceFailure(
                    check: name,
                    message: "the store threw \(error) where no error was expected",
                    file: fileID,
                    line: line
                )
            }
        }
    }

    /// The check's name.
    public var description: String { name }
}
