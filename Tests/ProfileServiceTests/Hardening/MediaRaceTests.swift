import Foundation
import ProfileKit
import Synchronization
import Testing

/// Content-addressed keys let an upload of bytes the user already holds find the file present
/// while a concurrent avatar change drops the reference and deletes that file. The service runs
/// one media change per user at a time; this pins it by pausing an upload right after its write.
@Suite("Media changes of one user do not interleave")
struct MediaRaceTests {
    /// A media store whose next put, once written, waits until the test releases it.
    final class PausingMediaStore: MediaStore {
        private struct State {
            var armed = false
            var paused: CheckedContinuation<Void, Never>?
            var released = false
        }

        private let media = InMemoryMediaStore()
        private let state = Mutex(State())

        var keys: [String] { media.keys }
        var isPaused: Bool { state.withLock { $0.paused != nil } }

        func arm() { state.withLock { $0.armed = true } }

        func release() {
            let paused = state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.released = true
                defer { state.paused = nil }
                return state.paused
            }
            paused?.resume()
        }

        func put(
            _ bytes: [UInt8], contentType: String, fileExtension: String, purpose: String, owner: UserID
        ) async throws(MediaStoreError) -> MediaReference {
            let reference = try await media.put(
                bytes, contentType: contentType, fileExtension: fileExtension, purpose: purpose, owner: owner)
            guard
                state.withLock({ state in
                    defer { state.armed = false }; return state.armed
                })
            else { return reference }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.released { return true }
                    state.paused = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
            return reference
        }

        func bytes(for key: String) async throws(MediaStoreError) -> [UInt8] { try await media.bytes(for: key) }
        func delete(key: String) async throws(MediaStoreError) -> Bool { try await media.delete(key: key) }
        func deleteAll(ownedBy owner: UserID) async throws(MediaStoreError) -> Int {
            try await media.deleteAll(ownedBy: owner)
        }
    }

    @Test("clearing the avatar while an upload of the same bytes is in flight never leaves a dangling reference")
    func clearDuringReupload() async throws {
        let media = PausingMediaStore()
        let service = ProfileService(store: InMemoryProfileStore(), policy: .creator, media: media)
        let user = fixtureUserID("user-racer")
        try await service.registerAccount(Account(userID: user, createdAt: Date()))
        let patch = ProfilePatch(
            username: .value("racer"), displayName: .value("R"), bio: .value("B"), niches: .value(["art"]))
        try await seedProfile(patch, for: user, in: service.store, at: Date())
        let first = try await service.uploadMedia(TestImages.png, purpose: "avatar", for: .user(user))
        _ = try await service.upsertProfile(
            ProfileUpdate(profile: ProfilePatch(avatar: .value(first.path))), for: .user(user))

        media.arm()
        let upload = Task { try await service.uploadMedia(TestImages.png, purpose: "avatar", for: .user(user)) }
        // A condition, not a count of yields: on a busy machine the upload's task may not run
        // for a long while, and 100,000 yields went by in a fraction of a second.
        let started = ContinuousClock.now
        while !media.isPaused, ContinuousClock.now - started < .seconds(60) {
            try await Task.sleep(for: .milliseconds(1))
        }
        try #require(media.isPaused, "the upload never reached its write")
        let cleared = Mutex(false)
        let clear = Task {
            _ = try await service.upsertProfile(ProfileUpdate(profile: ProfilePatch(avatar: .null)), for: .user(user))
            cleared.withLock { $0 = true }
        }
        // Give the clear every chance to finish while the upload holds its file (it must not).
        for _ in 0..<2_000 where !cleared.withLock({ $0 }) { await Task.yield() }
        let clearedFirst = cleared.withLock { $0 }
        media.release()
        _ = try await upload.value
        try await clear.value

        #expect(!clearedFirst, "the avatar change ran while an upload of the same user was in flight")
        let record = try #require(try await service.store.record(for: user))
        for reference in record.media {
            #expect(media.keys.contains(reference.key), "\(reference.key) is referenced but its file is gone")
        }
        #expect(record.profile?.avatar == nil)
    }
}
