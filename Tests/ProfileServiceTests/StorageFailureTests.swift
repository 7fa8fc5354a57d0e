import Foundation
import ProfileKit
import ProfileKitTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("A store's own storage failure: store-neutral in the protocol, precise in the log")
struct StorageFailureTests {
    static let damage = JSONFileStoreError.corrupt(
        file: "/srv/profiles/store/journal.jsonl", offset: 4_096, reason: "checksum mismatch")

    @Test("a storage failure is a 500 internal_error whose message hides the file and offset the log keeps")
    func mapsTo500() {
        let error = ProfileStoreError.storageFailed(StorageFailure(Self.damage)).profileError
        #expect(error.status == .internalServerError)
        #expect(error.code == .internalError)
        #expect(!error.message.contains("/srv/profiles"))
        #expect(error.underlyingDescription?.contains("/srv/profiles/store/journal.jsonl") == true)
        #expect(error.underlyingDescription?.contains("4096") == true)
    }

    @Test("JSONFileStoreError(_:) takes back the JSON-file failure, and nothing from any other error")
    func takesBackTheCause() {
        #expect(JSONFileStoreError(.storageFailed(StorageFailure(Self.damage))) == Self.damage)
        #expect(JSONFileStoreError(.storageFailed(StorageFailure("SQLSTATE XX000 internal error"))) == nil)
        #expect(JSONFileStoreError(.notFound) == nil)
        #expect(JSONFileStoreError(.unavailable(reason: "connection refused")) == nil)
    }

    @Test("two storage failures are equal when their descriptions are, whatever carries them")
    func equalityByDescription() {
        let wrapped = StorageFailure(Self.damage)
        #expect(wrapped == StorageFailure(Self.damage.description))
        #expect(wrapped != StorageFailure(JSONFileStoreError.locked(path: "/srv/profiles/store/LOCK")))
        #expect(Set([wrapped, StorageFailure(Self.damage.description)]).count == 1)
    }

    @Test("a closed JSON-file store answers 500 through the endpoint; the log gets the path and EBADF")
    func closedStoreAnswers500() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("profilekit-storage-failure-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
        try store.close()
        let user = try #require(UserID("user-1"))
        let service = ProfileService(store: store, policy: .creator, media: InMemoryMediaStore())

        let failure = await #expect(throws: ProfileError.self) { _ = try await service.ownProfile(for: .user(user)) }
        #expect(failure?.status == .internalServerError)
        #expect(failure?.underlyingDescription?.contains(directory) == true)
        #expect(failure?.underlyingDescription?.contains("errno \(EBADF)") == true)

        let response = await ProfileAPI(service: service, specs: [.creator]).respond(
            to: EndpointRequest(method: "GET", path: "/api/v1/profiles/me", caller: .user(user)))
        #expect(response.status.code == 500)
        #expect(!String(decoding: response.body, as: UTF8.self).contains(directory))
    }
}
