import Foundation
import Testing

@testable import ProfileDomain

/// A scalar field of the profile patch, for tables over the three states.
enum ScalarField: String, Sendable, CaseIterable {
    case displayName, firstName, middleName, lastName, bio, avatar

    func set(_ field: PatchField<String>, in patch: inout ProfilePatch) {
        switch self {
        case .displayName: patch.displayName = field
        case .firstName: patch.firstName = field
        case .middleName: patch.middleName = field
        case .lastName: patch.lastName = field
        case .bio: patch.bio = field
        case .avatar: patch.avatar = field
        }
    }

    func get(_ profile: Profile) -> String? {
        switch self {
        case .displayName: profile.displayName
        case .firstName: profile.firstName
        case .middleName: profile.middleName
        case .lastName: profile.lastName
        case .bio: profile.bio
        case .avatar: profile.avatar
        }
    }

    var profileField: ProfileField {
        switch self {
        case .displayName: .displayName
        case .firstName: .firstName
        case .middleName: .middleName
        case .lastName: .lastName
        case .bio: .bio
        case .avatar: .avatar
        }
    }
}

@Suite("Merging a patch: absent keeps, null clears, a value sets")
struct ProfileMergeTests {
    static let created = Date(timeIntervalSince1970: 1_700_000_000)
    static let later = Date(timeIntervalSince1970: 1_800_000_000)

    static func filled() throws -> Profile {
        var profile = Profile(id: try #require(ProfileID("p1")), userID: try #require(UserID("u1")), createdAt: created)
        profile.username = Username("old_name")
        for field in ScalarField.allCases {
            var patch = ProfilePatch()
            field.set(.value("old \(field.rawValue)"), in: &patch)
            profile = try profile.applying(patch, at: created).profile
        }
        profile.niches = ["old"]
        profile.location = Location(city: "Old City", state: "OS", country: "Oldland", text: "Old text")
        profile.socialLinks = [.instagram: "https://instagram.com/old", .tiktok: "https://tiktok.com/@old"]
        profile.pictureURLs = ["https://cdn.example.com/old.jpg"]
        profile.version = 1
        profile.updatedAt = created
        return profile
    }

    @Test("scalar fields follow the three states", arguments: ScalarField.allCases, FieldState.allCases)
    func scalar(field: ScalarField, state: FieldState) throws {
        let profile = try Self.filled()
        var patch = ProfilePatch()
        let input: PatchField<String> =
            switch state {
            case .absent: .absent
            case .null: .null
            case .value: .value("new")
            }
        field.set(input, in: &patch)
        let merge = try profile.applying(patch, at: Self.later)
        let expected: String? =
            switch state {
            case .absent: field.get(profile)
            case .null: nil
            case .value: "new"
            }
        #expect(field.get(merge.profile) == expected)
        #expect(merge.changedFields == (state == .absent ? [] : [field.profileField]))
    }

    @Test("username, niches and pictures follow the three states", arguments: FieldState.allCases)
    func listsAndUsername(state: FieldState) throws {
        let profile = try Self.filled()
        let patch: ProfilePatch =
            switch state {
            case .absent: ProfilePatch()
            case .null: ProfilePatch(username: .null, niches: .null, pictureURLs: .null)
            case .value:
                ProfilePatch(username: .value("New_Name"), niches: .value(["a", "b"]), pictureURLs: .value(["p"]))
            }
        let merged = try profile.applying(patch, at: Self.later).profile
        switch state {
        case .absent: #expect(merged == profile)
        case .null:
            #expect(merged.username == nil)
            #expect(merged.niches.isEmpty)
            #expect(merged.pictureURLs.isEmpty)
        case .value:
            #expect(merged.username?.rawValue == "New_Name")
            #expect(merged.niches == ["a", "b"])
            #expect(merged.pictureURLs == ["p"])
            #expect(merged.usernameChangedAt == Self.later)
        }
    }

    @Test("each location part follows the three states; the other parts are kept", arguments: FieldState.allCases)
    func locationParts(state: FieldState) throws {
        let profile = try Self.filled()
        let part: PatchField<String> =
            switch state {
            case .absent: .absent
            case .null: .null
            case .value: .value("New City")
            }
        let merged = try profile.applying(ProfilePatch(location: .value(LocationPatch(city: part))), at: Self.later)
            .profile
        #expect(merged.location?.city == (state == .absent ? "Old City" : state == .null ? nil : "New City"))
        #expect(merged.location?.country == "Oldland")
        #expect(merged.location?.text == "Old text")
    }

    @Test("location null clears the whole location; clearing every part leaves no location")
    func locationCleared() throws {
        let profile = try Self.filled()
        #expect(try profile.applying(ProfilePatch(location: .null), at: Self.later).profile.location == nil)
        let allParts = LocationPatch(city: .null, state: .null, country: .null, text: .null)
        #expect(try profile.applying(ProfilePatch(location: .value(allParts)), at: Self.later).profile.location == nil)
    }

    @Test("each social link follows the three states per key", arguments: SocialPlatform.allCases, FieldState.allCases)
    func socialLinks(platform: SocialPlatform, state: FieldState) throws {
        let profile = try Self.filled()
        let link: PatchField<String> =
            switch state {
            case .absent: .absent
            case .null: .null
            case .value: .value("https://example.com/new")
            }
        let patch = ProfilePatch(socialLinks: .value(state == .absent ? [:] : [platform.rawValue: link]))
        let merged = try profile.applying(patch, at: Self.later).profile
        let expected = state == .absent ? profile.socialLinks[platform] : link.value
        #expect(merged.socialLinks[platform] == expected)
        for other in SocialPlatform.allCases where other != platform {
            #expect(merged.socialLinks[other] == profile.socialLinks[other])
        }
    }

    @Test("socialLinks null removes every link")
    func socialLinksCleared() throws {
        #expect(
            try Self.filled().applying(ProfilePatch(socialLinks: .null), at: Self.later).profile.socialLinks.isEmpty)
    }

    @Test(
        "a value the model cannot hold (unknown platform, malformed username) never becomes a validated patch",
        arguments: [
            ProfilePatch(socialLinks: .value(["myspace": .value("x")])), ProfilePatch(username: .value("bad name")),
        ])
    func unholdableValues(patch: ProfilePatch) {
        #expect(ValidatedProfilePatch(storedValues: patch) == nil)
    }

    @Test("a patch that sets every field to its stored value is a no-op: same updatedAt, same version")
    func noOp() throws {
        let profile = try Self.filled()
        let same = ProfilePatch(
            username: .value("old_name"), displayName: .value("old displayName"), bio: .value("old bio"),
            niches: .value(["old"]), location: .value(LocationPatch(city: .value("Old City"))),
            socialLinks: .value(["instagram": .value("https://instagram.com/old")]),
            pictureURLs: .value(["https://cdn.example.com/old.jpg"]))
        for patch in [ProfilePatch.empty, same] {
            let merge = try profile.applying(patch, at: Self.later)
            #expect(merge.isNoOp)
            #expect(merge.profile == profile)
            #expect(merge.profile.updatedAt == Self.created)
            #expect(merge.profile.version == 1)
        }
    }

    @Test("a real change bumps the version by one, stamps updatedAt and lists exactly the changed fields")
    func realChange() throws {
        let profile = try Self.filled()
        let patch = ProfilePatch(displayName: .value("old displayName"), bio: .value("new"), niches: .value(["x"]))
        let merge = try profile.applying(patch, at: Self.later)
        #expect(merge.changedFields == [.bio, .niches])
        #expect(merge.profile.version == 2)
        #expect(merge.profile.updatedAt == Self.later)
        #expect(merge.profile.createdAt == Self.created)
        #expect(merge.profile.id == profile.id)
        #expect(merge.profile.usernameChangedAt == nil)
    }

    @Test("Profile.creating builds version 1 with createdAt == updatedAt and no username-change stamp")
    func creating() throws {
        let userID = try #require(UserID("u9"))
        let profile = try Profile.creating(
            from: ProfilePatch(username: .value("newbie"), bio: .value("hello")), userID: userID, at: Self.later)
        #expect(profile.version == 1)
        #expect(profile.createdAt == Self.later)
        #expect(profile.updatedAt == Self.later)
        #expect(profile.usernameChangedAt == nil)
        #expect(profile.userID == userID)
        #expect(profile.username?.rawValue == "newbie")
    }
}

@Suite("Account and preferences patches: absent keeps, null clears, a value sets")
struct AccountAndPreferencesPatchTests {
    static func account() throws -> Account {
        Account(
            userID: try #require(UserID("u1")), email: "a@example.com", phoneNumber: "+15550001", isEmailVerified: true,
            isPhoneVerified: true, createdAt: Date(timeIntervalSince1970: 0))
    }

    @Test("email follows the three states; a change clears its verification", arguments: FieldState.allCases)
    func email(state: FieldState) throws {
        let account = try Self.account()
        let field: PatchField<String> = state == .absent ? .absent : state == .null ? .null : .value("b@example.com")
        let (merged, changed) = account.applying(AccountPatch(email: field))
        #expect(merged.email == (state == .absent ? "a@example.com" : field.value))
        #expect(merged.isEmailVerified == (state == .absent))
        #expect(changed == (state != .absent))
        #expect(merged.isPhoneVerified)
    }

    @Test("phone follows the three states; a change clears its verification", arguments: FieldState.allCases)
    func phone(state: FieldState) throws {
        let account = try Self.account()
        let field: PatchField<String> = state == .absent ? .absent : state == .null ? .null : .value("+15550002")
        let (merged, changed) = account.applying(AccountPatch(phoneNumber: field))
        #expect(merged.phoneNumber == (state == .absent ? "+15550001" : field.value))
        #expect(merged.isPhoneVerified == (state == .absent))
        #expect(changed == (state != .absent))
    }

    @Test("setting the stored email again keeps verification")
    func sameEmail() throws {
        let (merged, changed) = try Self.account().applying(AccountPatch(email: .value("a@example.com")))
        #expect(!changed)
        #expect(merged.isEmailVerified)
    }

    @Test("named preferences: absent keeps, null resets to the default, a value sets", arguments: FieldState.allCases)
    func namedPreferences(state: FieldState) {
        let stored = Preferences(voicePreference: "echo", defaultScenario: "travel")
        let field: PatchField<String> = state == .absent ? .absent : state == .null ? .null : .value("nova")
        let now = Date(timeIntervalSince1970: 100)
        let voice = stored.applying(PreferencesPatch(voicePreference: field), at: now)
        let scenario = stored.applying(PreferencesPatch(defaultScenario: field), at: now)
        switch state {
        case .absent:
            #expect(voice.preferences == stored)
            #expect(!voice.changed)
        case .null:
            #expect(voice.preferences.voicePreference == Preferences.defaultVoicePreference)
            #expect(scenario.preferences.defaultScenario == Preferences.defaultScenario)
            #expect(voice.preferences.updatedAt == now)
        case .value:
            #expect(voice.preferences.voicePreference == "nova")
            #expect(scenario.preferences.defaultScenario == "nova")
        }
    }

    @Test("additional preferences: absent keeps, null removes, a value sets", arguments: FieldState.allCases)
    func additionalPreferences(state: FieldState) {
        let stored = Preferences(additional: ["theme": .string("dark")])
        let field: PatchField<JSONValue> = state == .absent ? .absent : state == .null ? .null : .value(.bool(true))
        let merged = stored.applying(PreferencesPatch(additional: ["theme": field]), at: Date(timeIntervalSince1970: 1))
        let expected: JSONValue? = state == .absent ? .string("dark") : state == .null ? nil : .bool(true)
        #expect(merged.preferences.additional["theme"] == expected)
    }
}
