import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

@Suite("UserID and ProfileID: well-formed, Codable, never mixed up")
struct IdentifierTests {
    @Test(
        "well-formed identifiers",
        arguments: [
            "1", "550e8400-e29b-41d4-a716-446655440000", "user_id", "auth0|abc", String(repeating: "x", count: 128),
        ])
    func wellFormed(raw: String) throws {
        #expect(try #require(UserID(raw)).rawValue == raw)
        #expect(try #require(ProfileID(raw)).description == raw)
    }

    @Test(
        "malformed identifiers",
        arguments: ["", " ", "a b", "tab\t", "é", "ｉｄ", "\u{0}", "id\n", String(repeating: "x", count: 129)])
    func malformed(raw: String) {
        #expect(UserID(raw) == nil)
        #expect(ProfileID(raw) == nil)
    }

    @Test("identifiers encode as JSON strings and refuse malformed input")
    func codable() throws {
        let id = try #require(UserID("abc-1"))
        #expect(String(decoding: try JSONComparison.encode(id), as: UTF8.self) == "\"abc-1\"")
        #expect(try JSONComparison.decode(UserID.self, from: "\"abc-1\"") == id)
        #expect(throws: DecodingError.self) { try JSONComparison.decode(UserID.self, from: "\"a b\"") }
        #expect(throws: DecodingError.self) { try JSONComparison.decode(ProfileID.self, from: "12") }
    }

    @Test("UserID and ProfileID are distinct types even for the same string")
    func distinctTypes() throws {
        let user = try #require(UserID("same"))
        let profile = try #require(ProfileID("same"))
        #expect(type(of: user) != type(of: profile) as Any.Type)
        #expect(user.rawValue == profile.rawValue)
    }

    @Test("random identifiers are lowercase UUIDs and differ")
    func random() {
        let first = UserID.random()
        #expect(first.rawValue.count == 36)
        #expect(first.rawValue == first.rawValue.lowercased())
        #expect(first != UserID.random())
        #expect(ProfileID.random() != ProfileID.random())
    }

    @Test(
        "Django writes digit-only ids as numbers and every other id as a string",
        arguments: [
            ("1", true), ("1234567890", true), ("0", true), ("007", false), ("1a", false), ("-1", false),
            (String(repeating: "9", count: 16), false), ("550e8400-e29b", false),
        ])
    func djangoIDs(raw: String, isNumber: Bool) throws {
        let id = try #require(UserID(raw))
        #expect((DjangoWire.User.integerKey(id) != nil) == isNumber)
        let user = DjangoWire.User(
            id: id, username: nil, email: "", firstName: "", lastName: "", numberPhone: nil, avatar: nil)
        #expect(
            try JSONComparison.decode(
                DjangoWire.User.self, from: String(decoding: JSONComparison.encode(user), as: UTF8.self)
            ).id == id)
    }
}
