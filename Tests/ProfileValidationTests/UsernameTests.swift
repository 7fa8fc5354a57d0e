import ProfileDomain
import ProfileValidation
import Testing

@Suite("Usernames: ASCII only, length per preset, reserved names, no look-alikes")
struct UsernameTests {
    @Test("lengths around the preset's bounds", arguments: ValidationPolicy.presets)
    func lengths(policy: ValidationPolicy) {
        let range = policy.usernameLength
        func code(_ length: Int) -> [FieldErrorCode] {
            do {
                _ = try policy.validateUsername(repeated("j", length))
                return []
            } catch { return error.errors.map(\.code) }
        }
        if range.lowerBound > 1 { #expect(code(range.lowerBound - 1) == [.tooShort]) }
        #expect(code(range.lowerBound).isEmpty)
        #expect(code(range.upperBound).isEmpty)
        #expect(code(range.upperBound + 1) == [.tooLong])
    }

    @Test(
        "look-alike and non-ASCII forms are invalid_characters, never mapped",
        arguments: ["ｊｏｈｎ", "jоhn", "јohn", "jöhn", "john.doe", "john-doe", "john doe", "@john", "ǰohn", "ⓙohn"])
    func lookAlikes(name: String) throws {
        let report = try #require(
            throws: ValidationReport.self, performing: { try ValidationPolicy.creator.validateUsername(name) })
        #expect(report.errors.map(\.code).contains(.invalidCharacters))
        #expect(report.errors.allSatisfy { $0.field == "username" })
    }

    @Test(
        "invisible characters in a username are forbidden_characters",
        arguments: ["jo\u{200B}hn", "jo\u{202E}hn", "jo\u{0}hn"])
    func invisible(name: String) throws {
        let report = try #require(
            throws: ValidationReport.self, performing: { try ValidationPolicy.creator.validateUsername(name) })
        #expect(report.errors.first?.code == .forbiddenCharacters)
    }

    @Test(
        "reserved names are refused in any case",
        arguments: ["admin", "Admin", "ROOT", "support", "api", "me", "settings", "null", "undefined", "www"])
    func reserved(name: String) throws {
        let report = try #require(
            throws: ValidationReport.self, performing: { try ValidationPolicy.creator.validateUsername(name) })
        #expect(report.errors.map(\.code).contains(.reserved))
    }

    @Test("the reserved list is configurable")
    func configurableReserved() throws {
        var policy = ValidationPolicy.creator
        policy.reservedUsernames = ["acme"]
        #expect(throws: ValidationReport.self) { try policy.validateUsername("ACME") }
        #expect(try policy.validateUsername("admin").rawValue == "admin")
    }

    @Test("a valid name is trimmed and keeps its case; the error path is the given field")
    func validAndPath() throws {
        #expect(try ValidationPolicy.creator.validateUsername("  John_Doe ").rawValue == "John_Doe")
        let report = try #require(
            throws: ValidationReport.self,
            performing: { try ValidationPolicy.creator.validateUsername("a", field: "newUsername") })
        #expect(report.errors.map(\.field) == ["newUsername"])
        #expect(report.errors.first?.message == "newUsername is 1 characters; the minimum is 3")
    }

    @Test(
        "a look-up accepts one leading @ and nothing else",
        arguments: [("@john_doe", true), ("john_doe", true), ("@@john", false), ("@", false), ("@ｊｏｈｎ", false)])
    func lookup(input: String, accepted: Bool) {
        let result = try? ValidationPolicy.creator.validateUsernameLookup(input)
        #expect((result != nil) == accepted)
    }

    @Test("an empty username is required")
    func empty() throws {
        let report = try #require(
            throws: ValidationReport.self, performing: { try ValidationPolicy.creator.validateUsername("  ") })
        #expect(report.errors.map(\.code) == [.required])
    }

    @Test("a changed username inside the cooldown is too_soon; the same name or after the cooldown passes")
    func cooldown() throws {
        var stored = storedProfile
        let changedAt = stored.createdAt
        stored.usernameChangedAt = changedAt
        let policy = ValidationPolicy.social.withUsernameUpdatable
        let tenDaysLater = changedAt.addingTimeInterval(10 * 86_400)
        let report = try #require(
            throws: ValidationReport.self,
            performing: {
                try policy.validate(ProfilePatch(username: .value("new_name")), against: stored, at: tenDaysLater)
            })
        #expect(report.errors.map(\.code) == [.tooSoon])
        #expect(report.isOnlyUsernameCooldown)
        #expect(report.errors.first?.message.contains("again in 20 days") == true)
        #expect(throws: Never.self) {
            try policy.validate(ProfilePatch(username: .value("existing_user")), against: stored, at: tenDaysLater)
        }
        #expect(throws: Never.self) {
            try policy.validate(
                ProfilePatch(username: .value("new_name")), against: stored,
                at: changedAt.addingTimeInterval(31 * 86_400))
        }
    }
}

extension ValidationPolicy {
    /// The policy with usernames updatable, for rules the social spec applies on its username endpoint.
    var withUsernameUpdatable: ValidationPolicy {
        var policy = self
        policy.updatableFields.insert(.username)
        return policy
    }
}
