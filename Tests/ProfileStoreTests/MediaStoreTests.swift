import Foundation
import ProfileDomain
import ProfileStore
import Testing

/// The media store implementations every behaviour of the protocol is checked against.
enum MediaStoreKind: String, CaseIterable, CustomStringConvertible {
    case inMemory
    case fileSystem

    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    var description: String { rawValue }

    /// A fresh empty store, with the directory that must outlive it (for the file system).
    func make() throws -> (store: any MediaStore, directory: TemporaryDirectory?) {
        switch self {
        case .inMemory:
            return (InMemoryMediaStore(now: { Self.now }), nil)
        case .fileSystem:
            let directory = try TemporaryDirectory()
            return (try FileSystemMediaStore(directory: directory.path, now: { Self.now }), directory)
        }
    }
}

@Suite("MediaStore behaviour, for every implementation")
struct MediaStoreTests {
    let avatar: [UInt8] = Array("\u{89}PNG fake avatar bytes".utf8)

    @Test("put returns a content-addressed reference and the bytes read back", arguments: MediaStoreKind.allCases)
    func putThenRead(_ kind: MediaStoreKind) async throws {
        let (store, directory) = try kind.make()
        let owner = UserID.random()
        let reference = try await store.put(
            avatar,
            contentType: "image/png",
            fileExtension: "png",
            purpose: "avatar",
            owner: owner
        )
        let expectedKey = try MediaKey(content: avatar, fileExtension: "png", owner: owner)
        #expect(
            reference
                == MediaReference(
                    key: expectedKey.rawValue,
                    contentType: "image/png",
                    byteCount: avatar.count,
                    purpose: "avatar",
                    createdAt: MediaStoreKind.now
                )
        )
        #expect(try await store.bytes(for: reference.key) == avatar)
        withExtendedLifetime(directory) {}
    }

    @Test("the same bytes stored twice by one owner share one key", arguments: MediaStoreKind.allCases)
    func identicalUploadsShareKey(_ kind: MediaStoreKind) async throws {
        let (store, directory) = try kind.make()
        let owner = UserID.random()
        let first = try await store.put(
            avatar, contentType: "image/png", fileExtension: "png", purpose: "avatar", owner: owner)
        let second = try await store.put(
            avatar, contentType: "image/png", fileExtension: ".PNG", purpose: "picture", owner: owner)
        #expect(first.key == second.key)
        #expect(second.purpose == "picture")
        #expect(try await store.bytes(for: second.key) == avatar)
        withExtendedLifetime(directory) {}
    }

    @Test(
        "two owners storing identical bytes get separate keys; deleting one owner's keeps the other's",
        arguments: MediaStoreKind.allCases)
    func ownersAreIsolated(_ kind: MediaStoreKind) async throws {
        let (store, directory) = try kind.make()
        let (alice, bob) = (UserID.random(), UserID.random())
        let aliceReference = try await store.put(
            avatar, contentType: "image/png", fileExtension: "png", purpose: "avatar", owner: alice)
        let bobReference = try await store.put(
            avatar, contentType: "image/png", fileExtension: "png", purpose: "avatar", owner: bob)
        #expect(aliceReference.key != bobReference.key)
        #expect(try await store.deleteAll(ownedBy: alice) == 1)
        #expect(try await store.bytes(for: bobReference.key) == avatar)
        try await store.delete(key: bobReference.key)
        await #expect(throws: MediaStoreError.notFound(key: aliceReference.key)) {
            _ = try await store.bytes(for: aliceReference.key)
        }
        withExtendedLifetime(directory) {}
    }

    @Test("deleteAll removes every file of the owner, counts them, and only them", arguments: MediaStoreKind.allCases)
    func deleteAllOfOwner(_ kind: MediaStoreKind) async throws {
        let (store, directory) = try kind.make()
        let (leaving, staying) = (UserID.random(), UserID.random())
        var leavingKeys: [String] = []
        for index in 0..<3 {
            let reference = try await store.put(
                [UInt8(index)], contentType: "image/png", fileExtension: "png", purpose: "picture", owner: leaving)
            leavingKeys.append(reference.key)
        }
        let kept = try await store.put(
            [9, 9], contentType: "image/jpeg", fileExtension: "jpg", purpose: "avatar", owner: staying)
        #expect(try await store.deleteAll(ownedBy: leaving) == 3)
        #expect(try await store.deleteAll(ownedBy: leaving) == 0)
        for key in leavingKeys {
            await #expect(throws: MediaStoreError.notFound(key: key)) { _ = try await store.bytes(for: key) }
        }
        #expect(try await store.bytes(for: kept.key) == [9, 9])
        withExtendedLifetime(directory) {}
    }

    @Test("delete removes the file and reports whether there was one", arguments: MediaStoreKind.allCases)
    func deleteByKey(_ kind: MediaStoreKind) async throws {
        let (store, directory) = try kind.make()
        let reference = try await store.put(
            avatar, contentType: "image/png", fileExtension: "png", purpose: "avatar", owner: .random())
        #expect(try await store.delete(key: reference.key))
        #expect(try await !store.delete(key: reference.key))
        await #expect(throws: MediaStoreError.notFound(key: reference.key)) {
            _ = try await store.bytes(for: reference.key)
        }
        withExtendedLifetime(directory) {}
    }

    @Test("reading a well-formed key that was never stored is notFound", arguments: MediaStoreKind.allCases)
    func absentKey(_ kind: MediaStoreKind) async throws {
        let (store, directory) = try kind.make()
        let key = try MediaKey(content: [1], fileExtension: "png", owner: .random()).rawValue
        await #expect(throws: MediaStoreError.notFound(key: key)) { _ = try await store.bytes(for: key) }
        withExtendedLifetime(directory) {}
    }

    @Test(
        "a hostile key is refused by every operation before any I/O",
        arguments: MediaStoreKind.allCases, MediaKeyTests.hostileKeys)
    func hostileKeys(_ kind: MediaStoreKind, key: String) async throws {
        let (store, directory) = try kind.make()
        await #expect(throws: MediaStoreError.invalidKey(key)) { _ = try await store.bytes(for: key) }
        await #expect(throws: MediaStoreError.invalidKey(key)) { try await store.delete(key: key) }
        withExtendedLifetime(directory) {}
    }

    @Test("a bad file extension is refused and nothing is stored", arguments: MediaStoreKind.allCases)
    func badExtension(_ kind: MediaStoreKind) async throws {
        let (store, directory) = try kind.make()
        let owner = UserID.random()
        await #expect(throws: MediaStoreError.invalidFileExtension("../png")) {
            _ = try await store.put(
                avatar, contentType: "image/png", fileExtension: "../png", purpose: "avatar", owner: owner)
        }
        #expect(try await store.deleteAll(ownedBy: owner) == 0)
        withExtendedLifetime(directory) {}
    }

    @Test("empty and one-megabyte files round-trip", arguments: MediaStoreKind.allCases)
    func sizes(_ kind: MediaStoreKind) async throws {
        let (store, directory) = try kind.make()
        let large = (0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        for bytes in [[], large] {
            let reference = try await store.put(
                bytes, contentType: "application/octet-stream", fileExtension: "bin", purpose: "blob", owner: .random())
            #expect(reference.byteCount == bytes.count)
            #expect(try await store.bytes(for: reference.key) == bytes)
        }
        withExtendedLifetime(directory) {}
    }
}
