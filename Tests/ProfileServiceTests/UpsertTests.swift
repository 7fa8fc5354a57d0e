import Foundation
import ProfileKit
import ProfileKitTestSupport
import Testing

/// `upsertProfile`: create when missing, merge when present, one atomic step.
@Suite("Upsert")
struct UpsertTests {
    @Test("a user without a profile creates it with one call and gets every field back", arguments: StoreKind.allCases)
    func createsWhenMissing(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .creator)
        defer { harness.cleanUp() }
        let user = try await harness.registerUser("new")

        let result = try await harness.service.upsertProfile(
            ProfileUpdate(profile: SpecSamplePatches.creator()), for: .user(user))

        #expect(result.created)
        let profile = try #require(result.view.profile)
        #expect(profile.username?.rawValue == "john_doe")
        #expect(profile.niches == ["fitness", "lifestyle"])
        #expect(profile.location == Location(city: "New York", state: "NY", country: "USA"))
        #expect(profile.socialLinks[.tiktok] == "https://tiktok.com/@johndoe")
        #expect(profile.version == 1)
        #expect(profile.createdAt == harness.clock.now())
        #expect(try await harness.store.record(for: user)?.profile == profile)
    }

    @Test("a caller the store has never seen gets an account and a profile in one step")
    func createsAccountOnFirstUpsert() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .creator)
        let user = try #require(UserID("fresh"))
        let result = try await harness.service.upsertProfile(
            ProfileUpdate(profile: SpecSamplePatches.creator()), for: .user(user))
        #expect(result.created)
        #expect(result.view.account.userID == user)
    }

    @Test("an update merges: absent fields keep their values", arguments: StoreKind.allCases)
    func partialUpdateMerges(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .creator)
        defer { harness.cleanUp() }
        let user = try await harness.registerUser()
        try await harness.createProfile(for: user)
        harness.clock.advance(by: 60)

        let result = try await harness.service.upsertProfile(
            ProfileUpdate(profile: ProfilePatch(bio: .value("New bio"))), for: .user(user))

        let profile = try #require(result.view.profile)
        #expect(!result.created)
        #expect(result.changedFields == [.bio])
        #expect(profile.bio == "New bio")
        #expect(profile.displayName == "John Doe")
        #expect(profile.niches == ["fitness", "lifestyle"])
        #expect(profile.version == 2)
        #expect(profile.updatedAt == harness.clock.now())
        #expect(profile.createdAt < profile.updatedAt)
    }

    @Test("a no-op update writes nothing: same version, same updatedAt", arguments: StoreKind.allCases)
    func noOpChangesNothing(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .creator)
        defer { harness.cleanUp() }
        let user = try await harness.registerUser()
        let first = try await harness.service.upsertProfile(
            ProfileUpdate(profile: SpecSamplePatches.creator()), for: .user(user))
        harness.clock.advance(by: 60)

        let again = try await harness.service.upsertProfile(
            ProfileUpdate(profile: SpecSamplePatches.creator()), for: .user(user))

        #expect(again.isNoOp)
        #expect(again.view.profile == first.view.profile)
    }

    @Test("creating without a required field is a 422 naming every missing field, and stores nothing")
    func requiredOnCreate() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .creator)
        let user = try await harness.registerUser()
        let error = await profileError {
            _ = try await harness.service.upsertProfile(
                ProfileUpdate(profile: ProfilePatch(displayName: .value("Only a name"))), for: .user(user))
        }
        #expect(error?.status == .unprocessableEntity)
        let fields = Set(error?.fieldErrors.filter { $0.code == .required }.map(\.field) ?? [])
        #expect(fields == ["username", "bio", "niche"])
        #expect(try await harness.store.record(for: user)?.profile == nil)
    }

    @Test("null for a required field on update is an error, never a silent wipe")
    func nullRequiredIsRejected() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .creator)
        let user = try await harness.registerUser()
        let created = try await harness.service.upsertProfile(
            ProfileUpdate(profile: SpecSamplePatches.creator()), for: .user(user))
        let error = await profileError {
            _ = try await harness.service.upsertProfile(
                ProfileUpdate(profile: ProfilePatch(bio: .null, niches: .value([]))), for: .user(user))
        }
        #expect(error?.status == .unprocessableEntity)
        let fields = Set(error?.fieldErrors.map(\.field) ?? [])
        #expect(fields.isSuperset(of: ["bio", "niche"]))
        #expect(try await harness.store.record(for: user)?.profile == created.view.profile)
    }

    @Test(
        "a duplicate username, in any case, is 409 and the loser's profile is not created",
        arguments: StoreKind.allCases)
    func duplicateUsername(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .creator)
        defer { harness.cleanUp() }
        let first = try await harness.registerUser("first")
        let second = try await harness.registerUser("second")
        try await harness.createProfile(for: first)

        let error = await profileError {
            _ = try await harness.service.upsertProfile(
                ProfileUpdate(profile: SpecSamplePatches.creator(username: "JOHN_DOE")), for: .user(second))
        }

        #expect(error?.status == .conflict)
        #expect(error?.code == .usernameTaken)
        #expect(try await harness.store.record(for: second)?.profile == nil)
    }

    @Test("50 concurrent upserts claiming one username: exactly one 200, the rest 409", arguments: StoreKind.allCases)
    func concurrentClaims(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .creator)
        defer { harness.cleanUp() }
        let contenders = 50
        let statuses = await withTaskGroup(of: Int.self) { group in
            for index in 0..<contenders {
                group.addTask {
                    guard let user = UserID("contender-\(index)") else { return -1 }
                    do {
                        _ = try await harness.service.upsertProfile(
                            ProfileUpdate(profile: SpecSamplePatches.creator(username: "prize")), for: .user(user))
                        return 200
                    } catch let error as ProfileError {
                        return error.status.code
                    } catch {
                        return -1
                    }
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == contenders - 1)
        let prize = try #require(Username("prize"))
        let winner = try #require(try await harness.store.record(forUsername: prize))
        #expect(winner.profile?.username?.rawValue == "prize")
    }

    @Test("a stale If-Match is 412 and writes nothing; the current version succeeds", arguments: StoreKind.allCases)
    func staleVersion(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .creator)
        defer { harness.cleanUp() }
        let user = try await harness.registerUser()
        let created = try await harness.service.upsertProfile(
            ProfileUpdate(profile: SpecSamplePatches.creator()), for: .user(user))
        let version = created.view.version
        _ = try await harness.service.upsertProfile(
            ProfileUpdate(profile: ProfilePatch(bio: .value("Second")), expectedVersion: version), for: .user(user))
        let before = try await harness.store.record(for: user)

        let error = await profileError {
            _ = try await harness.service.upsertProfile(
                ProfileUpdate(profile: ProfilePatch(bio: .value("Lost update")), expectedVersion: version),
                for: .user(user))
        }

        #expect(error?.status == .preconditionFailed)
        #expect(error?.code == .versionConflict)
        #expect(try await harness.store.record(for: user) == before)
        #expect(before?.profile?.version == version + 1)
    }
}
