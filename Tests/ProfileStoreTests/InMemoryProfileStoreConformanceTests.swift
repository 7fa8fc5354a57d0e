import ProfileStore
import ProfileStoreConformance
import Testing

@Suite("InMemoryProfileStore conformance")
struct InMemoryProfileStoreConformanceTests {
    @Test("the in-memory store keeps the promise", arguments: ProfileStoreConformance.checks)
    func inMemoryStoreConforms(_ check: ProfileStoreConformanceCheck) async throws {
        try await check.run(InMemoryProfileStore())
    }

    @Test("the whole suite run at once reports no failure for the in-memory store")
    func wholeSuitePasses() async {
        let failures = await ProfileStoreConformance.run { InMemoryProfileStore() }
        #expect(failures.isEmpty, "\(failures)")
    }
}
