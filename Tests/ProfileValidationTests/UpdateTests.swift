import Foundation
import ProfileDomain
import ProfileHTTP
import ProfileValidation
import Testing

@Suite("Whole updates: required on create, merged result on update, every error at once")
struct UpdateTests {
    static let record = UserRecord(
        account: Account(userID: storedProfile.userID, email: "a@example.com", createdAt: storedProfile.createdAt),
        profile: storedProfile)

    @Test("a create must carry every required field; absent ones are reported together")
    func createRequired() throws {
        let report = try #require(
            throws: ValidationReport.self,
            performing: {
                try ValidationPolicy.creator.validate(
                    ProfileUpdate(profile: ProfilePatch(bio: .value("Hi"))), against: nil)
            })
        #expect(report.errors.map(\.field) == ["username", "displayName", "niche"])
        #expect(report.errors.allSatisfy { $0.code == .required })
        #expect(report.errors.first?.message == "username is required to create a profile")
    }

    @Test(
        "an update may omit required fields but never null or empty them",
        arguments: [PatchField<String>.null, .value(""), .value("  ")])
    func updateRequired(value: PatchField<String>) throws {
        #expect(throws: Never.self) { try ValidationPolicy.creator.validate(ProfileUpdate(), against: Self.record) }
        let report = try #require(
            throws: ValidationReport.self,
            performing: {
                try ValidationPolicy.creator.validate(
                    ProfileUpdate(profile: ProfilePatch(displayName: value)), against: Self.record)
            })
        #expect(report.errors.map(\.code) == [.required])
    }

    @Test("the spec's sample creator body validates on create and comes back normalised")
    func sample() throws {
        let patch = ProfilePatch(
            username: .value("john_doe"), displayName: .value(" John Doe "),
            bio: .value("Content creator and influencer"),
            niches: .value(["Fitness", "lifestyle"]),
            location: .value(LocationPatch(city: .value("New York"), state: .value("NY"), country: .value("USA"))),
            socialLinks: .value(["instagram": .value("https://instagram.com/johndoe"), "tiktok": .value("@johndoe")]),
            avatar: .value("https://cdn.example.com/avatar.jpg"))
        let clean = try ValidationPolicy.creator.validate(ProfileUpdate(profile: patch), against: nil)
        #expect(clean.profile.displayName == .value("John Doe"))
        #expect(clean.profile.niches == .value(["fitness", "lifestyle"]))
        #expect(clean.profile.socialLinks.value?[.tiktok] == .value("https://tiktok.com/@johndoe"))
        let profile = Profile.creating(from: clean.profile, userID: storedProfile.userID, at: Date())
        #expect(profile.username?.rawValue == "john_doe")
    }

    @Test("rejected fields from the wire format are folded in first and never reported twice")
    func rejectedFields() throws {
        let update = ProfileUpdate(
            profile: ProfilePatch(username: .value("new_name"), bio: .value(repeated("b", 1001))),
            rejectedFields: [FieldError(field: "username", code: .notUpdatableHere, message: "use the account API")])
        let report = try #require(
            throws: ValidationReport.self,
            performing: { try ValidationPolicy.social.validate(update, against: Self.record) })
        #expect(report.errors.map(\.field) == ["username", "bio"])
        #expect(report.errors.map(\.code) == [.notUpdatableHere, .tooLong])
        #expect(report.profileError.status == .unprocessableEntity)
        #expect(report.profileError.fieldErrors == report.errors)
    }

    @Test(
        "account and preference changes are refused where the preset does not take them",
        arguments: [ValidationPolicy.creator, .social])
    func refusedSections(policy: ValidationPolicy) throws {
        let update = ProfileUpdate(
            account: AccountPatch(email: .value("x@example.com"), phoneNumber: .value("+254712345678")),
            preferences: PreferencesPatch(voicePreference: .value("alloy")))
        let report = try #require(
            throws: ValidationReport.self, performing: { try policy.validate(update, against: Self.record) })
        #expect(
            report.codesByField == [
                "email": [.notUpdatableHere], "phoneNumber": [.notUpdatableHere], "preferences": [.notUpdatableHere],
            ])
    }

    @Test("django paths use the spec's snake case, messages included")
    func djangoPaths() throws {
        let update = ProfileUpdate(
            profile: ProfilePatch(firstName: .value(repeated("f", 201))),
            account: AccountPatch(phoneNumber: .value("12")))
        let report = try #require(
            throws: ValidationReport.self,
            performing: { try ValidationPolicy.django.validate(update, against: Self.record) })
        #expect(report.errors.map(\.field) == ["first_name", "number_phone"])
        #expect(report.errors.first?.message == "first_name is 201 characters; the limit is 200")
    }

    @Test("a mobile update validates display name and preferences together")
    func mobile() throws {
        let update = ProfileUpdate(
            profile: ProfilePatch(displayName: .value("John Smith")),
            preferences: PreferencesPatch(voicePreference: .value("alloy"), defaultScenario: .value("default")))
        let clean = try ValidationPolicy.mobile.validate(update, against: nil)
        #expect(clean.preferences.voicePreference == .value("alloy"))
        #expect(clean.profile.displayName == .value("John Smith"))
    }

    @Test("a required social-link set must keep a link after the merge")
    func mergedLinks() throws {
        var policy = ValidationPolicy.creator
        policy.requiredOnCreate.insert(.socialLinks)
        var stored = storedProfile
        stored.socialLinks = [.twitch: "https://twitch.tv/jd"]
        #expect(
            codes(ProfilePatch(socialLinks: .value(["twitch": .null])), policy, existing: stored) == [
                "socialLinks": [.required]
            ])
        #expect(codes(ProfilePatch(socialLinks: .value(["instagram": .null])), policy, existing: stored).isEmpty)
    }

    @Test("a field outside the preset's updatable set is not_updatable_here with a pointer to the right operation")
    func notUpdatable() throws {
        let report = try #require(
            throws: ValidationReport.self,
            performing: {
                try ValidationPolicy.social.validate(ProfilePatch(username: .value("new_name")), against: storedProfile)
            })
        #expect(report.errors.map(\.code) == [.notUpdatableHere])
        #expect(report.errors.first?.message.contains("/api/v1/account/username/change") == true)
    }

    @Test("presets carry the spec's numbers")
    func presets() {
        #expect(ValidationPolicy.creator.requiredOnCreate == [.username, .displayName, .bio, .niches])
        #expect(ValidationPolicy.creator.usernameLength == 3...30)
        #expect(ValidationPolicy.creator.displayName.maximumLength == 50)
        #expect(ValidationPolicy.creator.bio.maximumLength == 500)
        #expect(ValidationPolicy.social.firstName.maximumLength == 30)
        #expect(ValidationPolicy.social.maximumPictureURLs == 5)
        #expect(ValidationPolicy.social.usernameChangeCooldown == .seconds(30 * 86_400))
        #expect(ValidationPolicy.mobile.displayName.maximumLength == 100)
        #expect(ValidationPolicy.mobile.preferences.voiceMaximumLength == 20)
        #expect(ValidationPolicy.mobile.preferences.scenarioMaximumLength == 50)
        #expect(ValidationPolicy.django.emailMaximumLength == 200)
        #expect(ValidationPolicy.django.phoneFormat == .digits(minimum: 7, maximum: 10))
        #expect(ValidationPolicy.django.imageUpload.formats.contains(.bmp))
        #expect(ValidationPolicy.default.displayName.maximumLength == 50)
        #expect(ValidationPolicy.default.requiredOnCreate == ValidationPolicy.creator.requiredOnCreate)
        #expect(!ValidationPolicy.default.socialLinks.acceptsBareHandles)
    }
}
