import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

@Suite("Profile completeness for the creator dashboard")
struct CompletenessTests {
    static func profile(_ fill: (inout Profile) -> Void) throws -> Profile {
        var profile = Profile(userID: try #require(UserID("u")), createdAt: try date("2024-01-01T00:00:00Z"))
        fill(&profile)
        return profile
    }

    @Test("no profile is 0 percent with every field missing")
    func none() {
        let completeness = ProfileCompleteness(of: nil)
        #expect(!completeness.isComplete)
        #expect(completeness.percentage == 0)
        #expect(completeness.missingRequired == [.username, .displayName, .bio, .niche])
        #expect(completeness.missingOptional == [.location, .socialLinks, .avatar])
    }

    @Test("required fields only: complete at 57 percent, optional fields missing")
    func requiredOnly() throws {
        let completeness = ProfileCompleteness(
            of: try Self.profile {
                $0.username = Username("a_b")
                $0.displayName = "A"
                $0.bio = "b"
                $0.niches = ["x"]
            })
        #expect(completeness.isComplete)
        #expect(completeness.percentage == 57)
        #expect(completeness.missingRequired.isEmpty)
        #expect(completeness.missingOptional == [.location, .socialLinks, .avatar])
    }

    @Test("optional fields only: incomplete at 42 percent")
    func optionalOnly() throws {
        let completeness = ProfileCompleteness(
            of: try Self.profile {
                $0.location = Location(text: "Paris")
                $0.socialLinks = [.twitch: "https://twitch.tv/a"]
                $0.avatar = "https://a/b.jpg"
            })
        #expect(!completeness.isComplete)
        #expect(completeness.percentage == 42)
        #expect(completeness.missingOptional.isEmpty)
    }

    @Test("an empty location and an empty niche list count as missing")
    func emptyValues() throws {
        let completeness = ProfileCompleteness(
            of: try Self.profile {
                $0.location = Location()
                $0.niches = []
            })
        #expect(completeness.missingRequired.contains(.niche))
        #expect(completeness.missingOptional.contains(.location))
    }

    @Test("the creator payload names fields as the spec does")
    func payloadNames() throws {
        let payload = CreatorWire.CompletenessPayload(ProfileCompleteness(of: try Self.profile { $0.bio = "b" }))
        #expect(payload.missingRequired == ["username", "displayName", "niche"])
        #expect(payload.missingOptional == ["location", "socialLinks", "avatar"])
        #expect(payload.percentage == 14)
    }
}
