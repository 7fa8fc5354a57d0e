import ProfileStoreConformance
import Testing

@Test("JSONFileProfileStore passes the conformance suite", arguments: ProfileStoreConformance.checks)
func jsonFileStoreConforms(_ check: ProfileStoreConformanceCheck) async throws {
    try await check.run(try StoreFixtures.makeJSONFileStore())
}
