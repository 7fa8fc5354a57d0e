import Foundation
import ProfileKit
import ProfileKitTestSupport
import Testing

/// The stores every service test runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case inMemory
    case jsonFile

    var description: String { rawValue }
}

/// A service over a fresh store of one kind, a movable clock, an in-memory media store, and
/// helpers that make users.
struct ServiceHarness: Sendable {
    let service: ProfileService
    let clock: TestClock
    let media: InMemoryMediaStore
    let directory: URL?

    init(_ kind: StoreKind, policy: ValidationPolicy, clock: TestClock = TestClock()) throws {
        let media = InMemoryMediaStore(now: { clock.now() })
        let (store, directory) = try Self.makeStore(kind)
        self.directory = directory
        self.clock = clock
        self.media = media
        self.service = ProfileService(store: store, policy: policy, media: media, now: { clock.now() })
    }

    var store: any ProfileStore { service.store }

    /// A fresh store of `kind`, and the directory to remove afterwards when it has one.
    static func makeStore(_ kind: StoreKind) throws -> (any ProfileStore, URL?) {
        switch kind {
        case .inMemory:
            return (InMemoryProfileStore(), nil)
        case .jsonFile:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("profilekit-service-\(UUID().uuidString)")
            return (try JSONFileProfileStore(directory: directory.path, options: .createIfMissing), directory)
        }
    }

    /// Registers a user with a verified email, the way a server does at sign-up.
    @discardableResult
    func registerUser(_ name: String = UUID().uuidString, email: String? = nil) async throws -> UserID {
        let userID = try #require(UserID("user-\(name)"))
        try await service.registerAccount(
            Account(
                userID: userID, email: email ?? "\(name.lowercased())@example.com", isEmailVerified: true,
                createdAt: clock.now()))
        return userID
    }

    /// Registers a user with a profile holding `name` as its username (seeded in the store, so
    /// whatever the policy): only users with a profile can be seen, followed or blocked.
    @discardableResult
    func registerUserWithProfile(_ name: String) async throws -> UserID {
        let user = try await registerUser(name)
        try await seedProfile(ProfilePatch(username: .value(name)), for: user, in: store, at: clock.now())
        return user
    }

    /// Creates `user`'s profile from the creator spec's sample, ``SpecSamplePatches/creator(username:)``.
    @discardableResult
    func createProfile(for user: UserID, username: String = "john_doe") async throws -> ProfileUpdateResult {
        try await service.upsertProfile(
            ProfileUpdate(profile: SpecSamplePatches.creator(username: username)), for: .user(user))
    }

    func cleanUp() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }
}

/// Runs `body` and returns the `ProfileError` it threw, or `nil` when it threw none.
func profileError(_ body: () async throws -> Void) async -> ProfileError? {
    do {
        try await body()
        return nil
    } catch let error as ProfileError {
        return error
    } catch {
        return ProfileError.internalError(underlying: "unexpected \(error)")
    }
}
