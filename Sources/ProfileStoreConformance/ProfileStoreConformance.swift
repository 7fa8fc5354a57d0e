import ProfileStore

/// The conformance suite of ``ProfileStore``: every promise of the protocol as a runnable check.
///
/// A store is conformant when ``run(_:)`` returns no failure. The suite depends on no test
/// framework; from Swift Testing, run one test case per check:
///
/// ```swift
/// @Test(arguments: ProfileStoreConformance.checks)
/// func storeConforms(_ check: ProfileStoreConformanceCheck) async throws {
///     try await check.run(InMemoryProfileStore())
/// }
/// ```
///
/// The concurrency checks race 50 tasks; they prove atomicity only as far as the store's
/// scheduling lets races happen, so run the suite repeatedly in CI rather than once.
public enum ProfileStoreConformance {
    /// Every check, in a stable order: creation and look-ups, updates and versions, unique
    /// indexes, relationships, deletion, a user's edges for export, account states, concurrency,
    /// username holds and history.
    public static var checks: [ProfileStoreConformanceCheck] {
        lookupChecks + updateChecks + uniqueIndexChecks + relationshipChecks + deletionChecks + exportChecks
            + accountStateChecks + concurrencyChecks + holdChecks
    }

    /// Runs every check against a fresh store from `makeStore` and returns the failures
    /// (empty = conformant). A `makeStore` that throws fails the check it was called for.
    public static func run(_ makeStore: @Sendable () async throws -> any ProfileStore) async -> [ConformanceFailure] {
        var failures: [ConformanceFailure] = []
        for check in checks {
            do {
                try await check.run(try await makeStore())
            } catch let failure as ConformanceFailure {
                failures.append(failure)
            } catch {
                failures.append(ConformanceFailure(check: check.name, message: "could not make a store: \(error)"))
            }
        }
        return failures
    }
}
