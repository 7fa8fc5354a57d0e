import Foundation
import ProfileDomain
import ProfileKitTestSupport
import ProfileValidation
import Testing

/// Validate, then merge: whatever a policy accepts merges without failing, and the merge of the
/// validated patch equals the merge the library did before it had one (the raw patch's usernames
/// and platform keys parsed again inside a throwing merge, kept here as the reference).
///
/// `PROFILEKIT_MERGE_SEED` sets the seed, `PROFILEKIT_MERGE_CASES` the patch count (default 2,000;
/// the loop stops after 5 s once 500 ran).
@Suite("A validated patch merges without failing, as the re-parsing merge did")
struct ValidatedMergeDifferentialTests {
    static let seed: UInt64 =
        ProcessInfo.processInfo.environment["PROFILEKIT_MERGE_SEED"].flatMap { UInt64($0) } ?? 0x9A11_D8E6
    static let caseCount =
        ProcessInfo.processInfo.environment["PROFILEKIT_MERGE_CASES"].flatMap { Int($0) } ?? 2_000
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let policies: [ValidationPolicy] = [.creator, .social, .mobile, .django, .default]

    @Test("generated patches: validate, then merge and create equal the reference merge of the normalised patch")
    func generated() throws {
        var generator = SeededGenerator(seed: Self.seed)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        var accepted = 0
        var rejected = 0
        var compared = 0
        // At least 500 patches whatever the load (a count bound), then more until the count or the deadline.
        while compared < Self.caseCount, compared < 500 || clock.now < deadline {
            compared += 1
            let policy = try #require(Self.policies.randomElement(using: &generator))
            let stored = Bool.random(using: &generator) ? try Self.storedProfile(using: &generator) : nil
            let patch = PatchGenerator.patch(for: policy, isCreate: stored == nil, using: &generator)
            let validated: ValidatedProfilePatch
            do {
                validated = try policy.validate(patch, against: stored, at: Self.now)
            } catch {
                rejected += 1
                continue
            }
            accepted += 1
            let context = Comment(rawValue: "seed \(Self.seed), case \(compared), policy \(policy.name): \(patch)")
            if let stored {
                let merge = stored.applying(validated, at: Self.now)
                let reference = try ReferenceMerge.applying(validated.normalized, to: stored, at: Self.now)
                #expect(merge == reference, context)
            } else {
                let userID = try #require(UserID("generated-user"))
                let id = try #require(ProfileID("generated-profile"))
                let created = Profile.creating(from: validated, id: id, userID: userID, at: Self.now)
                let reference = try ReferenceMerge.creating(
                    from: validated.normalized, id: id, userID: userID, at: Self.now)
                #expect(created == reference, context)
            }
            // The normalised form is a fixed point: validating it again gives the same value.
            let again = try policy.validate(validated.normalized, against: stored, at: Self.now)
            #expect(again == validated, context)
        }
        print(
            "ValidatedMergeDifferentialTests: \(compared) patches, \(accepted) accepted, \(rejected) refused, seed \(Self.seed)"
        )
        #expect(accepted >= compared / 10, "the generator should produce valid patches too (seed \(Self.seed))")
        #expect(rejected >= compared / 10, "the generator should produce invalid patches too (seed \(Self.seed))")
    }

    /// A stored profile with some fields filled, built from values the model holds.
    static func storedProfile(using generator: inout SeededGenerator) throws -> Profile {
        var profile = Profile(
            id: try #require(ProfileID("stored-profile")), userID: try #require(UserID("stored-user")),
            createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        profile.username = Username("stored_name")
        profile.displayName = "Stored Name"
        profile.bio = Bool.random(using: &generator) ? "A stored bio" : nil
        profile.niches = Bool.random(using: &generator) ? ["music"] : []
        profile.location = Bool.random(using: &generator) ? Location(city: "Oslo", country: "Norway") : nil
        profile.socialLinks =
            Bool.random(using: &generator)
            ? [.instagram: "https://instagram.com/stored", .twitter: "https://x.com/stored"] : [:]
        // Some profiles renamed recently, so that a policy with a cooldown refuses a rename.
        profile.usernameChangedAt = Bool.random(using: &generator) ? now.addingTimeInterval(-86_400) : nil
        return profile
    }
}

/// Random patches: each field absent, `null` or one of a few values; half the patches draw only
/// from values every preset accepts (and leave more fields absent), so that both verdicts are common.
enum PatchGenerator {
    static let validUsernames = ["john_doe", " Jane_Doe ", "stored_name", "x_1234"]
    static let invalidUsernames = ["ab", "bad name", "admin", "", "ｊｏｈｎ"]
    static let validTexts = ["Hello", "  padded  ", "Café ❤️", "New York", "NY"]
    static let invalidTexts = ["", String(repeating: "a", count: 600), "ctrl\u{0}"]
    static let validNiches: [[String]] = [["Fitness", "lifestyle"], ["music"], ["  Music "]]
    static let invalidNiches: [[String]] = [[], (0..<20).map { "n\($0)" }]
    static let validLinks: [String: String] = [
        "instagram": "https://instagram.com/johndoe", "tiktok": "https://tiktok.com/@johndoe",
        "youtube": "https://youtube.com/@johndoe", "twitch": " https://twitch.tv/johndoe ",
        "twitter": "https://x.com/jd", "linkedin": "https://www.linkedin.com/in/john-doe",
    ]
    static let invalidLinks = ["@johndoe", "johndoe", "http://twitch.tv/jd", "", "javascript:alert(1)"]
    static let validImages = [
        "https://cdn.example.com/a.jpg", " https://cdn.example.com/b.png ", "https://CDN.Example.com/c.webp",
    ]
    static let invalidImages = ["http://cdn.example.com/a.jpg", "", "not a url"]

    /// A patch for `policy`; a valid-pool patch names only fields the policy updates, and on create
    /// every field it requires.
    static func patch(
        for policy: ValidationPolicy, isCreate: Bool, using generator: inout SeededGenerator
    ) -> ProfilePatch {
        var values = Values(
            valid: Bool.random(using: &generator), policy: policy, isCreate: isCreate, generator: generator)
        let patch = ProfilePatch(
            username: values.field(.username, validUsernames, invalidUsernames),
            displayName: values.text(.displayName), firstName: values.text(.firstName),
            middleName: values.text(.middleName), lastName: values.text(.lastName), bio: values.text(.bio),
            niches: values.field(.niches, validNiches, invalidNiches), location: values.location(),
            socialLinks: values.socialLinks(), avatar: values.field(.avatar, validImages, invalidImages),
            pictureURLs: values.field(
                .pictureURLs,
                [[], [validImages[0]], [validImages[1], validImages[2]]],
                [[invalidImages[0]], [validImages[0], validImages[0]]]))
        generator = values.generator
        return patch
    }

    /// Draws the values of one patch.
    struct Values {
        /// Whether this patch draws only from the valid pools.
        var valid: Bool
        var policy: ValidationPolicy
        var isCreate: Bool
        var generator: SeededGenerator

        /// Absent 40% (60% in a valid patch), `null` 10% (in a valid patch only where the field is
        /// not required), otherwise a value, one in two from the invalid pool unless the patch is valid.
        mutating func field<Value>(_ name: ProfileField, _ good: [Value], _ bad: [Value]) -> PatchField<Value> {
            let roll = Int.random(in: 0..<10, using: &generator)
            if valid && !policy.updatableFields.contains(name) { return .absent }
            let forced = valid && isCreate && policy.requiredOnCreate.contains(name)
            if roll < (valid ? 6 : 4) && !forced { return .absent }
            // `null` is valid where the field is not required (link by link too).
            if roll == (valid ? 6 : 4) && !(valid && policy.requiredOnCreate.contains(name) && name != .socialLinks) {
                return .null
            }
            let pool = valid || Bool.random(using: &generator) ? good : bad
            return pool.randomElement(using: &generator).map(PatchField.value) ?? .absent
        }

        mutating func text(_ name: ProfileField) -> PatchField<String> { field(name, validTexts, invalidTexts) }

        mutating func location() -> PatchField<LocationPatch> {
            let location = LocationPatch(
                city: text(.location), state: text(.location), country: text(.location), text: text(.location))
            return field(.location, [location], [location])
        }

        mutating func socialLinks() -> PatchField<[String: PatchField<String>]> {
            var links: [String: PatchField<String>] = [:]
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                guard let (key, link) = validLinks.randomElement(using: &generator) else { continue }
                if !valid, Int.random(in: 0..<4, using: &generator) == 0 {
                    links["myspace"] = .value(link)
                } else {
                    links[key] = field(.socialLinks, [link], invalidLinks)
                }
            }
            return field(.socialLinks, [links], [links])
        }
    }
}
