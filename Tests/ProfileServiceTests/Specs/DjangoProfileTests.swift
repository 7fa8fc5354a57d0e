import Foundation
import ProfileKit
import Testing

/// The Django spec's three endpoints through `ProfileAPI`: view, partial update
/// with an avatar file, delete with cascade; its IDOR and avatar bug fixed.
@Suite("Django spec: profile management")
struct DjangoProfileTests {
    static let john = fixtureUserID("1")
    static let jane = fixtureUserID("2")

    /// A Django client with the spec's sample user (`id` 1, `johndoe`) and a second user (2).
    static func client(_ kind: StoreKind) async throws -> SpecClient {
        let client = try SpecClient(kind, spec: .django, user: john, other: jane)
        try await client.service.registerAccount(
            Account(userID: john, email: "john@example.com", phoneNumber: "1234567890", createdAt: client.clock.now()))
        try await client.service.registerAccount(
            Account(userID: jane, email: "jane@example.com", createdAt: client.clock.now()))
        // Django's sign-up sets the username; this API never changes it.
        _ = try await client.service.changeUsername(to: "johndoe", for: .user(john))
        _ = try await client.service.upsertProfile(
            ProfileUpdate(profile: ProfilePatch(firstName: .value("John"), lastName: .value("Doe"))), for: .user(john))
        _ = try await client.service.upsertProfile(
            ProfileUpdate(profile: ProfilePatch(firstName: .value("Jane"))), for: .user(jane))
        return client
    }

    static func user(firstName: String = "John", phone: String = "1234567890", avatar: String = "null") -> String {
        """
        {"id": 1, "username": "johndoe", "email": "john@example.com", "first_name": "\(firstName)",
         "last_name": "Doe", "number_phone": "\(phone)", "avatar": \(avatar)}
        """
    }

    // MARK: View

    @Test(
        "View profile: POST /api/users/profile/ returns the sample user with the integer id",
        arguments: StoreKind.allCases)
    func viewProfile(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        for method in ["POST", "GET"] {
            let response = await client.send(method, "/api/users/profile/", as: Self.john)
            #expect(response.status == 200)
            #expect(response.matches(Self.user()), "\(response.text)")
            #expect(response.text.contains(#""id":1,"#), "the id is a JSON number, as Django's integer pk")
        }
    }

    @Test("View profile: anonymous is 401, a caller without a record 404", arguments: StoreKind.allCases)
    func viewProfileErrors(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let anonymous = await client.send("POST", "/api/users/profile/")
        let unknown = await client.send("POST", "/api/users/profile/", as: fixtureUserID("3"))

        #expect(anonymous.status == 401)
        #expect(anonymous.matches(#"{"error": "Authentication is required"}"#), "\(anonymous.text)")
        #expect(unknown.status == 404)
        #expect(unknown.matches(#"{"error": "The user cannot be found in the database."}"#), "\(unknown.text)")
    }

    // MARK: Update

    @Test(
        "Update: PUT /api/users/update-profile/1/ with the sample body answers the sample response",
        arguments: StoreKind.allCases)
    func updateSample(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let response = await client.send(
            "PUT", "/api/users/update-profile/1/", as: Self.john,
            json: #"{"first_name": "Jonathan", "last_name": "Doe", "number_phone": "0987654321"}"#)

        #expect(response.status == 200)
        #expect(response.matches(Self.user(firstName: "Jonathan", phone: "0987654321")), "\(response.text)")
        let record = try #require(await client.record(Self.john))
        #expect(record.profile?.firstName == "Jonathan")
        #expect(record.account.phoneNumber == "0987654321")
        #expect(response.headers["ETag"] == EntityTag.header(for: record.version))
    }

    @Test("Update: partial update of just the phone keeps every other field", arguments: StoreKind.allCases)
    func updateJustThePhone(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let response = await client.send(
            "PUT", "/api/users/update-profile/1/", as: Self.john, json: #"{"number_phone": "5551234567"}"#)

        #expect(response.status == 200)
        #expect(response.matches(Self.user(phone: "5551234567")), "\(response.text)")
    }

    @Test("Update: a blank first_name or number_phone clears it", arguments: ["\"\"", "null"])
    func blankClears(value: String) async throws {
        let client = try await Self.client(.inMemory)

        let response = await client.send(
            "PUT", "/api/users/update-profile/1/", as: Self.john,
            json: "{\"first_name\": \(value), \"number_phone\": \(value)}")

        #expect(response.status == 200)
        #expect(response.json["first_name"] as? String == "")
        #expect(response.json["number_phone"] is NSNull)
        let record = try #require(await client.record(Self.john))
        #expect(record.profile?.firstName == nil)
        #expect(record.account.phoneNumber == nil)
    }

    @Test(
        "Update: number_phone may be typed with spaces, dashes, dots or parentheses and is stored as its digits",
        arguments: ["555-123-4567", "(555) 123 4567", "555.123.4567", " 5551234567 "])
    func phoneSeparators(typed: String) async throws {
        let client = try await Self.client(.inMemory)

        let response = await client.send(
            "PUT", "/api/users/update-profile/1/", as: Self.john, json: try jsonBody(["number_phone": typed]))

        #expect(response.status == 200, "\(response.text)")
        #expect(response.json["number_phone"] as? String == "5551234567")
        #expect(try await client.record(Self.john)?.account.phoneNumber == "5551234567")
    }

    @Test(
        "Update with avatar: the file part is stored and its path is in avatar (the spec's 'avatars' bug fixed)",
        arguments: StoreKind.allCases)
    func updateWithAvatar(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let response = await client.send(
            "PUT", "/api/users/update-profile/1/", as: Self.john, json: #"{"first_name": "Jonathan"}"#,
            avatar: TestImages.png)

        #expect(response.status == 200, "\(response.text)")
        let record = try #require(await client.record(Self.john))
        let media = try #require(record.media.first)
        let path = "/media/avatars/\(media.key)"
        #expect(media.key.hasSuffix(".png"))
        #expect(response.matches(Self.user(firstName: "Jonathan", avatar: "\"\(path)\"")), "\(response.text)")
        #expect(record.profile?.avatar == path)
        #expect(try await client.harness.media.bytes(for: media.key) == TestImages.png)
    }

    @Test("Update with only an avatar file and no JSON body", arguments: StoreKind.allCases)
    func updateOnlyAvatar(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let first = await client.send("PUT", "/api/users/update-profile/1/", as: Self.john, avatar: TestImages.png)
        let second = await client.send("PUT", "/api/users/update-profile/1/", as: Self.john, avatar: TestImages.gif)

        #expect(first.status == 200, "\(first.text)")
        #expect(second.status == 200, "\(second.text)")
        let avatar = try #require(second.json["avatar"] as? String)
        #expect(avatar.hasPrefix("/media/avatars/") && avatar.hasSuffix(".gif"))
        #expect(client.harness.media.keys.count == 1, "the replaced avatar is deleted")
        #expect(try await client.record(Self.john)?.profile?.firstName == "John")
    }

    @Test(
        "Update with avatar: a file that is not an image (a PHP script named profile.jpg) is 415 and nothing is stored",
        arguments: StoreKind.allCases)
    func avatarNotAnImage(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        let before = try await client.record(Self.john)

        let response = await client.send(
            "PUT", "/api/users/update-profile/1/", as: Self.john, json: #"{"first_name": "Jonathan"}"#,
            avatar: TestImages.notAnImage)

        #expect(response.status == 415)
        #expect(response.json.keys.sorted() == ["error"])
        #expect(try await client.record(Self.john) == before)
        #expect(client.harness.media.keys.isEmpty)
    }

    @Test(
        "Update: another user's pk is 403 Not authorized and the victim is unchanged", arguments: StoreKind.allCases)
    func updateAnotherUser(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        let victim = try await client.record(Self.jane)

        let response = await client.send(
            "PUT", "/api/users/update-profile/2/", as: Self.john, json: #"{"first_name": "Hacked", "email": "x@y.z"}"#,
            avatar: TestImages.png)

        #expect(response.status == 403)
        #expect(response.matches(#"{"error": "Not authorized"}"#), "\(response.text)")
        #expect(try await client.record(Self.jane) == victim)
        #expect(client.harness.media.keys.isEmpty)
    }

    @Test(
        "Update: a stranger gets 403 for an unknown or malformed pk, before any look-up; anonymous gets 401",
        arguments: ["999", "abc", "%20"])
    func updateUnknownPK(pk: String) async throws {
        let client = try await Self.client(.inMemory)

        let stranger = await client.send(
            "PUT", "/api/users/update-profile/\(pk)/", as: Self.john, json: #"{"first_name": "X"}"#)
        let anonymous = await client.send("PUT", "/api/users/update-profile/\(pk)/", json: #"{"first_name": "X"}"#)

        #expect(stranger.status == 403)
        #expect(anonymous.status == 401)
        #expect(anonymous.matches(#"{"error": "Authentication is required"}"#))
    }

    @Test("Update: the caller's own pk without a record is 404", arguments: StoreKind.allCases)
    func updateOwnMissing(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        let ghost = fixtureUserID("3")

        let response = await client.send(
            "PUT", "/api/users/update-profile/3/", as: ghost, json: #"{"first_name": "X"}"#)

        #expect(response.status == 404)
        #expect(response.matches(#"{"error": "The user cannot be found in the database."}"#))
        #expect(try await client.record(ghost) == nil, "an update never creates a Django user")
    }

    @Test(
        "Update: invalid fields are 400 in DRF style {field: [message]} and nothing is stored",
        arguments: [
            ("number_phone", "12345678901"), ("number_phone", "12345abcde"), ("number_phone", "+254712345678"),
            ("number_phone", "123456"), ("email", "not-an-email"), ("email", ""), ("email", "a@"),
            ("first_name", String(repeating: "a", count: 201)), ("last_name", "Doe\u{202E}"),
        ])
    func invalidFields(field: String, value: String) async throws {
        for kind in StoreKind.allCases {
            let client = try await Self.client(kind)
            defer { client.cleanUp() }
            let before = try await client.record(Self.john)

            let response = await client.send(
                "PUT", "/api/users/update-profile/1/", as: Self.john, json: try jsonBody([field: value]))

            #expect(response.status == 400, "\(field)=\(value): \(response.text)")
            let messages = try #require(response.json[field] as? [String], "\(response.text)")
            #expect(!messages.isEmpty)
            #expect(try await client.record(Self.john) == before)
        }
    }

    @Test(
        "Update: an email another account uses, in any case, is 409 and nothing is stored",
        arguments: StoreKind.allCases)
    func emailTaken(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        let before = try await client.record(Self.john)

        let response = await client.send(
            "PUT", "/api/users/update-profile/1/", as: Self.john,
            json: #"{"email": "JANE@example.com", "first_name": "Jonathan"}"#)

        #expect(response.status == 409)
        #expect(response.matches(#"{"error": "Email is already in use"}"#), "\(response.text)")
        #expect(try await client.record(Self.john) == before)
    }

    @Test("Update: a new, free email is stored", arguments: StoreKind.allCases)
    func emailChange(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let response = await client.send(
            "PUT", "/api/users/update-profile/1/", as: Self.john, json: #"{"email": "johnny@example.com"}"#)

        #expect(response.status == 200)
        #expect(response.json["email"] as? String == "johnny@example.com")
        #expect(try await client.record(Self.john)?.account.email == "johnny@example.com")
    }

    @Test(
        "Update: mass assignment of every server-owned field is a 400 field error and the record is unchanged",
        arguments: [
            ("id", "2"), ("pk", "2"), ("username", "\"root\""), ("password", "\"hunter2\""),
            ("date_joined", "\"2020-01-01T00:00:00Z\""), ("last_login", "\"2020-01-01T00:00:00Z\""),
            ("is_active", "true"), ("is_staff", "true"), ("is_superuser", "true"), ("groups", "[1]"),
            ("user_permissions", "[1]"), ("avatar", "\"/media/avatars/someone_else.jpg\""),
        ])
    func massAssignment(field: String, value: String) async throws {
        for kind in StoreKind.allCases {
            let client = try await Self.client(kind)
            defer { client.cleanUp() }
            let before = try await client.record(Self.john)

            let response = await client.send(
                "PUT", "/api/users/update-profile/1/", as: Self.john,
                json: "{\"first_name\": \"Jonathan\", \"\(field)\": \(value)}")

            #expect(response.status == 400, "\(field): \(response.text)")
            #expect((response.json[field] as? [String])?.isEmpty == false, "\(response.text)")
            #expect(try await client.record(Self.john) == before)
        }
    }

    @Test("Update: a stale If-Match is 412 and writes nothing", arguments: StoreKind.allCases)
    func staleVersion(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        let before = try #require(await client.record(Self.john))

        let response = await client.send(
            "PUT", "/api/users/update-profile/1/", as: Self.john, json: #"{"first_name": "Jon"}"#,
            ifMatch: EntityTag.header(for: before.version - 1))

        #expect(response.status == 412)
        #expect(response.json.keys.sorted() == ["error"])
        #expect(try await client.record(Self.john) == before)
    }

    // MARK: Delete

    @Test(
        "Delete: DELETE /api/users/delete/1/ by its owner answers the spec's message and cascades",
        arguments: StoreKind.allCases)
    func deleteOwn(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        _ = await client.send("PUT", "/api/users/update-profile/1/", as: Self.john, avatar: TestImages.png)
        try await client.service.follow(Self.jane, for: .user(Self.john))
        try await client.service.follow(Self.john, for: .user(Self.jane))

        let response = await client.send("DELETE", "/api/users/delete/1/", as: Self.john)

        #expect(response.status == 200, "a 204 could not carry the spec's message")
        #expect(response.matches(#"{"message": "User deleted successfully"}"#), "\(response.text)")
        #expect(try await client.record(Self.john) == nil)
        #expect(client.harness.media.keys.isEmpty, "the uploaded avatar is deleted with the user")
        #expect(try await client.store.socialCounts(for: Self.jane) == SocialCounts(followers: 0, following: 0))
        #expect(await client.send("POST", "/api/users/profile/", as: Self.john).status == 404)
        #expect(await client.send("DELETE", "/api/users/delete/1/", as: Self.john).status == 404)

        // The email is free at once; the username is held for the Django preset's 30 days.
        let newcomer = fixtureUserID("4")
        try await client.service.registerAccount(
            Account(userID: newcomer, email: "john@example.com", createdAt: client.clock.now()))
        let held = await profileError {
            _ = try await client.service.changeUsername(to: "johndoe", for: .user(newcomer))
        }
        #expect(held?.code == .usernameHeld)
        client.clock.advance(by: 30 * 86_400)
        _ = try await client.service.changeUsername(to: "johndoe", for: .user(newcomer))
    }

    @Test(
        "Delete: another user's id is 403 and the victim is unchanged (the spec's IDOR made impossible)",
        arguments: StoreKind.allCases)
    func deleteAnotherUser(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        let victim = try await client.record(Self.jane)

        for id in ["2", "999", "abc"] {
            let response = await client.send("DELETE", "/api/users/delete/\(id)/", as: Self.john)
            #expect(response.status == 403, "\(id)")
            #expect(response.matches(#"{"error": "Not authorized"}"#))
        }
        #expect(try await client.record(Self.jane) == victim)
        #expect(try await client.record(Self.john) != nil)
    }

    @Test("Delete: anonymous is 401 and nothing is deleted", arguments: StoreKind.allCases)
    func deleteAnonymous(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }

        let response = await client.send("DELETE", "/api/users/delete/1/")

        #expect(response.status == 401)
        #expect(response.matches(#"{"error": "Authentication is required"}"#))
        #expect(try await client.record(Self.john) != nil)
    }

    @Test(
        "other methods on the spec's paths are 405 and unknown paths 404",
        arguments: [
            ("DELETE", "/api/users/profile/", 405), ("GET", "/api/users/update-profile/1/", 405),
            ("POST", "/api/users/delete/1/", 405), ("GET", "/api/users/unknown/", 404),
        ])
    func routing(method: String, path: String, status: Int) async throws {
        let client = try await Self.client(.inMemory)

        let response = await client.send(method, path, as: Self.john)

        #expect(response.status == status)
        #expect(response.json.keys.sorted() == ["error"])
        #expect(try await client.record(Self.john) != nil)
    }
}
