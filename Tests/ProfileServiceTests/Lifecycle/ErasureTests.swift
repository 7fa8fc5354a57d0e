import Foundation
import ProfileKit
import ProfileKitTestSupport
import Testing

/// Real erasure: once the documented bound has passed (the store's `awaitErasure()` returns: the
/// background compaction the deletion started is complete), no file of the JSON-file store's
/// directory and no file of the media directory holds a byte of the deleted user's data, while
/// every other user's data is still there (`Docs/Lifecycle.md`, "Real erasure"). The one
/// documented exception: a policy that holds a deleted user's username keeps that name in the
/// hold until it ends, but not the user's id (a deletion hold has no holder).
@Suite("Real erasure on disk")
struct ErasureTests {
    /// A user whose every stored field carries a string found nowhere else.
    struct MarkedUser {
        let id: UserID
        let markers: [String]
    }

    /// A JSON-file store and a file-system media store under one temporary directory.
    struct Disk {
        let root: URL
        var storeDirectory: String { root.appendingPathComponent("store").path }
        var mediaDirectory: String { root.appendingPathComponent("media").path }

        /// The store and a service over it; `holdsNames` chooses a policy that holds a deleted
        /// user's username or one that frees it at once.
        func open(snapshotEvery: Int, holdsNames: Bool = false) throws -> (JSONFileProfileStore, ProfileService) {
            let store = try JSONFileProfileStore(
                directory: storeDirectory, options: .init(snapshotEvery: snapshotEvery, creation: .createIfMissing))
            let media = try FileSystemMediaStore(directory: mediaDirectory)
            var policy = ValidationPolicy.default
            if !holdsNames { policy.usernameHoldAfterDeletion = .none }
            return (store, ProfileService(store: store, policy: policy, media: media))
        }

        /// Every regular file under the root, with its bytes.
        func files() throws -> [(path: String, bytes: Data)] {
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
            var files: [(String, Data)] = []
            while let url = enumerator?.nextObject() as? URL {
                guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
                files.append((url.path, try Data(contentsOf: url)))
            }
            return files
        }

        /// The markers of `markers` found in some file, each with the first file holding it.
        func found(_ markers: [String]) throws -> [String: String] {
            let files = try files()
            var found: [String: String] = [:]
            for marker in markers {
                if let file = files.first(where: { $0.bytes.range(of: Data(marker.utf8)) != nil }) {
                    found[marker] = file.path
                }
            }
            return found
        }
    }

    /// Makes user `index` with markers from `tag` in every field: username, names, bio (and an
    /// overwritten earlier bio), email, phone, preferences, link URLs, avatar bytes, the user id.
    static func makeUser(_ index: Int, tag: String, service: ProfileService) async throws -> MarkedUser {
        let marker = "m\(index)\(tag)"
        let user = try #require(UserID("user-\(marker)"))
        let digits = (UInt64(index) &* 7_919 &+ (UInt64(tag, radix: 16) ?? 0)) % 10_000_000
        let phone = "+1555" + String(String(digits).reversed()).padding(toLength: 7, withPad: "0", startingAt: 0)
        try await service.registerAccount(
            Account(userID: user, email: "\(marker)mail@example.com", phoneNumber: phone, createdAt: Date()))
        let avatarMarker = "\(marker)pixels"
        let avatar =
            TestImages.png.dropLast(12) + MetadataImages.pngChunk("IDAT", Array(avatarMarker.utf8))
            + TestImages.png.suffix(12)
        let upload = try await service.uploadMedia(Array(avatar), purpose: "avatar", for: .user(user))
        try await service.store.update(user, expectingVersion: nil) { record in
            var profile = Profile(userID: user, createdAt: Date())
            profile.username = Username("u_\(marker)")
            profile.displayName = "\(marker)display"
            profile.firstName = "\(marker)first"
            profile.lastName = "\(marker)last"
            profile.bio = "\(marker)oldbio"
            profile.socialLinks = [.instagram: "https://instagram.com/\(marker)link"]
            profile.avatar = upload.path
            record?.profile = profile
            record?.preferences.additional = ["note": .string("\(marker)pref")]
        }
        try await service.store.update(user, expectingVersion: nil) { record in
            record?.profile?.bio = "\(marker)bio"
            record?.profile?.version += 1
        }
        let markers = [
            user.rawValue, "u_\(marker)", "\(marker)display", "\(marker)first", "\(marker)last", "\(marker)oldbio",
            "\(marker)bio", "\(marker)mail", phone, "\(marker)pref", "\(marker)link", avatarMarker,
        ]
        return MarkedUser(id: user, markers: markers)
    }

    /// The current values only: an overwritten field of a remaining user may be compacted away.
    static func currentMarkers(_ user: MarkedUser) -> [String] { user.markers.filter { !$0.hasSuffix("oldbio") } }

    @Test(
        "once the erasure bound passed, no store or media file holds the deleted user's data; the others' data stays",
        arguments: [1, 4, 10_000], [false, true])
    func deletedUserLeavesNoResidue(snapshotEvery: Int, holdsNames: Bool) async throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        let tag = String(seed, radix: 16)
        let disk = Disk(
            root: FileManager.default.temporaryDirectory.appendingPathComponent("profilekit-erasure-\(tag)"))
        defer { try? FileManager.default.removeItem(at: disk.root) }
        let (store, service) = try disk.open(snapshotEvery: snapshotEvery, holdsNames: holdsNames)
        var users: [MarkedUser] = []
        for index in 0..<4 { users.append(try await Self.makeUser(index, tag: tag, service: service)) }
        let (victim, others) = (users[1], users.filter { $0.id != users[1].id })
        _ = try await store.follow(victim.id, others[0].id)
        _ = try await store.follow(others[1].id, victim.id)
        _ = try await store.block(victim.id, others[2].id)
        // Before: every current marker of the victim is somewhere on disk (the test can see them).
        #expect(try disk.found(Self.currentMarkers(victim)).count == Self.currentMarkers(victim).count, "seed \(tag)")

        try await service.deleteUser(victim.id, for: .user(victim.id))
        // Under a holding policy the held name stays in the hold; the user's id does not.
        let held = holdsNames ? ["u_m1\(tag)"] : []
        let erased = victim.markers.filter { !held.contains($0) }
        if holdsNames {
            let claim = await profileError {
                _ = try await service.changeUsername(to: "u_m1\(tag)", for: .user(others[0].id))
            }
            #expect(claim?.code == .usernameHeld, "the deleted user's name is held (seed \(tag))")
        }

        try await store.awaitErasure()
        #expect(try disk.found(erased) == [:], "residue once the erasure bound passed (seed \(tag))")
        let expected = others.flatMap(Self.currentMarkers)
        #expect(try disk.found(expected).count == expected.count, "another user's data went missing (seed \(tag))")

        // More writes rotate the journal and snapshot again; then a close and a reopen.
        for round in 0..<6 {
            try await store.update(others[0].id, expectingVersion: nil) { $0?.profile?.counters.posts = round }
        }
        try store.close()
        let (reopened, _) = try disk.open(snapshotEvery: snapshotEvery, holdsNames: holdsNames)
        #expect(try await reopened.record(for: victim.id) == nil)
        #expect(try disk.found(erased) == [:], "residue after rotation and reopen (seed \(tag))")
        #expect(try disk.found(expected).count == expected.count, "another user's data went missing (seed \(tag))")
        try reopened.close()
    }

    @Test("compact() alone rewrites the files without an overwritten value, and keeps every current one")
    func compactDropsOverwrittenValues() async throws {
        let tag = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let disk = Disk(
            root: FileManager.default.temporaryDirectory.appendingPathComponent("profilekit-compact-\(tag)"))
        defer { try? FileManager.default.removeItem(at: disk.root) }
        let (store, service) = try disk.open(snapshotEvery: 10_000)
        let user = try await Self.makeUser(0, tag: tag, service: service)
        #expect(try disk.found(["m0\(tag)oldbio"]).count == 1, "the journal keeps the overwritten bio until compacted")
        try await store.compact()
        #expect(try disk.found(["m0\(tag)oldbio"]) == [:])
        #expect(try disk.found(Self.currentMarkers(user)).count == Self.currentMarkers(user).count)
        try store.close()
        await #expect(throws: ProfileStoreError.self) { try await store.compact() }
    }
}
