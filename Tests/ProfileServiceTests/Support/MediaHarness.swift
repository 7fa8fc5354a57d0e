import Foundation
import ProfileKit
import Synchronization
import Testing

/// The media stores the media tests run against.
enum MediaKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case inMemory
    case fileSystem

    var description: String { rawValue }
}

/// A creator service over a store of one kind and a media store of one kind, whose media store
/// checks at every deletion that no record still references the file (the crash-safe order), and
/// the invariant the media tests assert after every step.
struct MediaHarness: Sendable {
    let service: ProfileService
    let clock: TestClock
    let deletions: DeletionOrderCheck
    private let media: any MediaStore
    private let mediaDirectory: URL?
    private let storeDirectory: URL?

    init(_ storeKind: StoreKind, _ mediaKind: MediaKind, policy: ValidationPolicy = .creator) throws {
        let clock = TestClock()
        let (store, storeDirectory) = try ServiceHarness.makeStore(storeKind)
        switch mediaKind {
        case .inMemory:
            media = InMemoryMediaStore(now: { clock.now() })
            mediaDirectory = nil
        case .fileSystem:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("profilekit-media-\(UUID().uuidString)")
            media = try FileSystemMediaStore(directory: directory.path, now: { clock.now() })
            mediaDirectory = directory
        }
        self.clock = clock
        self.storeDirectory = storeDirectory
        self.deletions = DeletionOrderCheck(wrapping: media, store: store)
        self.service = ProfileService(store: store, policy: policy, media: deletions, now: { clock.now() })
    }

    var store: any ProfileStore { service.store }
    var endpoints: ProfileEndpoints { ProfileEndpoints(.creator, service: service) }

    /// The keys of the files the media store holds (temporary upload files excluded).
    func files() throws -> Set<String> {
        if let mediaDirectory {
            let names = try FileManager.default.contentsOfDirectory(atPath: mediaDirectory.path)
            return Set(names.filter { !$0.hasPrefix(".") })
        }
        return Set((media as? InMemoryMediaStore)?.keys ?? [])
    }

    /// Registers `name` with a profile that satisfies the creator spec and holds `name` as username.
    @discardableResult
    func registerWithProfile(_ name: String) async throws -> UserID {
        let user = fixtureUserID("user-\(name)")
        try await service.registerAccount(
            Account(userID: user, email: "\(name)@example.com", isEmailVerified: true, createdAt: clock.now()))
        let patch = ProfilePatch(
            username: .value(name), displayName: .value("N"), bio: .value("B"), niches: .value(["art"]))
        try await seedProfile(patch, for: user, in: store, at: clock.now())
        return user
    }

    /// Sets `user`'s avatar through the creator endpoint; `json` is the value's JSON (`null`, a string).
    func setAvatar(_ json: String, for user: UserID) async -> EndpointResponse {
        await endpoints.respond(
            to: EndpointRequest(
                method: "PUT", path: "/api/v1/profiles/me", caller: .user(user),
                body: Array(#"{"avatar": \#(json)}"#.utf8)))
    }

    /// Uploads `bytes` through the creator endpoint.
    func upload(_ bytes: [UInt8], for user: UserID) async -> EndpointResponse {
        await endpoints.respond(
            to: EndpointRequest(method: "POST", path: "/api/v1/profiles/upload-media", caller: .user(user), body: bytes)
        )
    }

    /// What is wrong with the stored media of `users`, empty when nothing is: the files are exactly
    /// those the records reference, an uploaded avatar is among its record's media, each record
    /// holds at most one pending (not the avatar) upload per purpose and fits the quota.
    func violations(of users: [UserID]) async throws -> [String] {
        var problems: [String] = []
        var referenced: Set<String> = []
        for user in users {
            guard let record = try await store.record(for: user) else { continue }
            let keys = record.media.map(\.key)
            referenced.formUnion(keys)
            let prefix = service.mediaPathPrefix
            let attached = record.profile?.avatar.flatMap {
                $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil
            }
            if let attached, !keys.contains(attached) {
                problems.append("\(user)'s avatar names \(attached), which is not among its media")
            }
            let pendingPurposes = record.media.filter { $0.key != attached }.map(\.purpose)
            if Set(pendingPurposes).count != pendingPurposes.count {
                problems.append("\(user) holds several pending uploads of one purpose: \(pendingPurposes)")
            }
            if (try? service.policy.mediaQuota.check(record.media)) == nil {
                problems.append("\(user) holds \(record.media.count) files, over the quota")
            }
        }
        let files = try files()
        if files != referenced {
            problems.append(
                "orphan files \(files.subtracting(referenced).sorted()), missing files \(referenced.subtracting(files).sorted())"
            )
        }
        return problems + deletions.violations
    }

    func cleanUp() {
        for directory in [mediaDirectory, storeDirectory].compactMap({ $0 }) {
            try? FileManager.default.removeItem(at: directory)
        }
    }
}

/// A media store that forwards to another and, before each deletion, checks that the profile
/// store no longer references the key: the reference must be dropped (and committed) first.
final class DeletionOrderCheck: MediaStore {
    private let media: any MediaStore
    private let store: any ProfileStore
    private let problems = Mutex<[String]>([])
    /// Users whose records are checked at each deletion.
    let owners = Mutex<Set<UserID>>([])

    init(wrapping media: any MediaStore, store: any ProfileStore) {
        self.media = media
        self.store = store
    }

    /// Every deletion that happened while a record still named the file.
    var violations: [String] { problems.withLock { $0 } }

    func put(
        _ bytes: [UInt8], contentType: String, fileExtension: String, purpose: String, owner: UserID
    ) async throws(MediaStoreError) -> MediaReference {
        owners.withLock { _ = $0.insert(owner) }
        return try await media.put(
            bytes, contentType: contentType, fileExtension: fileExtension, purpose: purpose, owner: owner)
    }

    func bytes(for key: String) async throws(MediaStoreError) -> [UInt8] {
        try await media.bytes(for: key)
    }

    func delete(key: String) async throws(MediaStoreError) -> Bool {
        for owner in owners.withLock({ $0 }) {
            if let record = try? await store.record(for: owner), record.media.contains(where: { $0.key == key }) {
                problems.withLock { $0.append("\(key) deleted while \(owner)'s record references it") }
            }
        }
        return try await media.delete(key: key)
    }

    func deleteAll(ownedBy owner: UserID) async throws(MediaStoreError) -> Int {
        if let record = try? await store.record(for: owner), !record.media.isEmpty {
            problems.withLock { $0.append("\(owner)'s files deleted while its record references them") }
        }
        return try await media.deleteAll(ownedBy: owner)
    }
}
