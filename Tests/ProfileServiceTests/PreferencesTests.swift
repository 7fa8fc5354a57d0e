import Foundation
import ProfileKit
import Testing

/// The mobile spec's preferences: defaults, and merges key by key.
@Suite("Preferences")
struct PreferencesTests {
    @Test("a new user has the spec's defaults: alloy and default")
    func defaults() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .mobile)
        let user = try await harness.registerUser()
        let view = try await harness.service.ownProfile(for: .user(user))
        #expect(view.preferences.voicePreference == "alloy")
        #expect(view.preferences.defaultScenario == "default")
        #expect(view.profile == nil)
    }

    @Test("preferences merge key by key; null resets a named key to its default", arguments: StoreKind.allCases)
    func mergeKeyByKey(kind: StoreKind) async throws {
        let harness = try ServiceHarness(kind, policy: .mobile)
        defer { harness.cleanUp() }
        let user = try await harness.registerUser()
        _ = try await harness.service.upsertProfile(
            ProfileUpdate(
                profile: ProfilePatch(displayName: .value("John Smith")),
                preferences: PreferencesPatch(voicePreference: .value("echo"), defaultScenario: .value("travel"))),
            for: .user(user))

        let result = try await harness.service.upsertProfile(
            ProfileUpdate(preferences: PreferencesPatch(voicePreference: .null)), for: .user(user))

        #expect(result.preferencesChanged)
        #expect(result.view.preferences.voicePreference == "alloy")
        #expect(result.view.preferences.defaultScenario == "travel")
        #expect(result.view.profile?.displayName == "John Smith")
        #expect(result.view.preferences.updatedAt == harness.clock.now())
    }

    @Test("a preferences-only update does not create a profile")
    func preferencesOnly() async throws {
        let harness = try ServiceHarness(.inMemory, policy: .mobile)
        let user = try await harness.registerUser()
        let result = try await harness.service.upsertProfile(
            ProfileUpdate(preferences: PreferencesPatch(defaultScenario: .value("travel"))), for: .user(user))
        #expect(result.view.profile == nil)
        #expect(!result.created)
    }
}
