import PostgresProfileStore
import ProfileStoreConformance
import Testing

@Suite("PostgresProfileStore conformance")
struct PostgresConformanceTests {
    @Test("the PostgreSQL store keeps every promise of the protocol", arguments: ProfileStoreConformance.checks)
    func conforms(_ check: ProfileStoreConformanceCheck) async throws {
        try await TestDatabase.withFreshStore { store in try await check.run(store) }
    }

    @Test("the PostgreSQL store keeps username holds and history", arguments: ProfileStoreConformance.holdChecks)
    func keepsHolds(_ check: ProfileStoreConformanceCheck) async throws {
        try await TestDatabase.withFreshStore { store in try await check.run(store) }
    }
}
