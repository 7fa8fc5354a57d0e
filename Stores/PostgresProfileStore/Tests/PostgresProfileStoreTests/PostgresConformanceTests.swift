import PostgresProfileStore
import ProfileStoreConformance
import Testing

@Suite("PostgresProfileStore conformance")
struct PostgresConformanceTests {
    @Test("the PostgreSQL store keeps every promise of the protocol", arguments: ProfileStoreConformance.checks)
    func conforms(_ check: ProfileStoreConformanceCheck) async throws {
        try await TestDatabase.withFreshStore { store in try await check.run(store) }
    }
}
