import Foundation
import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

/// One spec's request decoder, for tables that run over all four.
struct RequestDecoder: Sendable, CustomTestStringConvertible {
    let spec: String
    let decode: @Sendable (String) throws -> ProfileUpdate
    /// Server-owned keys in this spec's spelling.
    let serverOwned: [String]

    var testDescription: String { spec }

    static let all: [RequestDecoder] = [
        RequestDecoder(
            spec: "creator", decode: { try JSONComparison.decode(CreatorWire.ProfileRequest.self, from: $0).update },
            serverOwned: [
                "id", "userId", "createdAt", "updatedAt", "version", "email", "phoneNumber", "roles", "isVerified",
            ]
        ),
        RequestDecoder(
            spec: "social", decode: { try JSONComparison.decode(SocialWire.UpdateRequest.self, from: $0).update },
            serverOwned: [
                "id", "userId", "createdAt", "editedAt", "version", "roles", "isVerified", "isEmailVerified",
                "followersCount", "securityStrength",
            ]),
        RequestDecoder(
            spec: "mobile", decode: { try JSONComparison.decode(MobileWire.ProfileRequest.self, from: $0).update },
            serverOwned: ["id", "user_id", "email", "created_at", "updated_at", "version"]),
        RequestDecoder(
            spec: "django", decode: { try JSONComparison.decode(DjangoWire.UpdateRequest.self, from: $0).update },
            serverOwned: ["id", "username", "password", "date_joined", "is_staff", "is_superuser"]),
    ]
}

@Suite("Keys a request must not carry become field errors, never silent drops")
struct RejectedKeyTests {
    @Test("server-owned keys are read_only and change nothing", arguments: RequestDecoder.all)
    func serverOwnedKeys(decoder: RequestDecoder) throws {
        let members = decoder.serverOwned.map { "\"\($0)\": \"x\"" }.joined(separator: ", ")
        let update = try decoder.decode("{\(members)}")
        #expect(update.rejectedFields.map(\.field) == decoder.serverOwned.sorted())
        #expect(update.rejectedFields.allSatisfy { $0.code == .readOnly })
        let id = try #require(update.rejectedFields.first { $0.field == "id" })
        #expect(id.message == "id is set by the server and cannot be changed")
        #expect(update.profile == .empty)
        #expect(update.account == .empty)
        #expect(update.preferences == .empty)
    }

    @Test("a server-owned key sent with a real value leaves the stored fields alone", arguments: RequestDecoder.all)
    func serverOwnedKeysDoNotReachTheModel(decoder: RequestDecoder) throws {
        let record = try SampleRecords.socialOwner()
        let profile = try #require(record.profile)
        let update = try decoder.decode(#"{"id": "someone-else", "userId": "x", "createdAt": "2020-01-01T00:00:00Z"}"#)
        let merge = try profile.applying(update.profile, at: try date("2030-01-01T00:00:00Z"))
        #expect(merge.profile == profile)
        #expect(record.account.applying(update.account).account == record.account)
    }

    @Test("unknown keys are unknown_field and name the accepted ones", arguments: RequestDecoder.all)
    func unknownKeys(decoder: RequestDecoder) throws {
        let update = try decoder.decode(#"{"favouriteColour": "blue"}"#)
        let error = try #require(update.rejectedFields.first)
        #expect(update.rejectedFields.count == 1)
        #expect(error.field == "favouriteColour")
        #expect(error.code == .unknownField)
        #expect(error.message.contains("accepted fields are"))
    }

    @Test(
        "the social update sends username, email and phone to their own endpoints",
        arguments: [
            ("userName", "POST /api/v1/account/username/change"),
            ("username", "POST /api/v1/account/username/change"),
            ("email", "Account Linking API"),
            ("phoneNumber", "Account Linking API"),
        ])
    func socialElsewhere(key: String, pointer: String) throws {
        let update = try JSONComparison.decode(SocialWire.UpdateRequest.self, from: "{\"\(key)\": \"x\"}").update
        let error = try #require(update.rejectedFields.first)
        #expect(error.code == .notUpdatableHere)
        #expect(error.field == key)
        #expect(error.message.contains(pointer))
        #expect(update.profile == .empty)
    }

    @Test("a Django JSON avatar is not updatable here: it is a multipart upload")
    func djangoAvatar() throws {
        let update = try JSONComparison.decode(DjangoWire.UpdateRequest.self, from: #"{"avatar": "/media/x.jpg"}"#)
            .update
        #expect(update.rejectedFields.map(\.code) == [.notUpdatableHere])
    }

    @Test("creator: an unknown platform and an unknown location part are reported with their paths")
    func creatorNestedUnknowns() throws {
        let update = try JSONComparison.decode(
            CreatorWire.ProfileRequest.self,
            from: #"{"socialLinks": {"myspace": "https://myspace.com/a", "twitch": null}, "location": {"zip": "1000"}}"#
        ).update
        #expect(update.rejectedFields.map(\.field) == ["location.zip", "socialLinks.myspace"])
        #expect(update.rejectedFields.allSatisfy { $0.code == .unknownField })
        #expect(update.profile.socialLinks == .value(["twitch": .null]))
    }

    @Test("mobile: null preferences is refused; null for one key resets it")
    func mobileNullPreferences() throws {
        let update = try JSONComparison.decode(MobileWire.ProfileRequest.self, from: #"{"preferences": null}"#).update
        #expect(update.rejectedFields.map(\.code) == [.notAllowed])
        #expect(update.preferences == .empty)
    }

    @Test(
        "a value of the wrong JSON type throws DecodingError, never crashes",
        arguments: [
            (0, #"{"bio": 42}"#), (0, #"{"niche": "fitness"}"#), (0, #"{"location": "Paris"}"#),
            (0, #"{"socialLinks": ["a"]}"#), (0, #"{"socialLinks": {"instagram": 1}}"#), (0, "[]"),
            (1, #"{"firstName": true}"#), (1, #"{"location": {"city": "x"}}"#), (1, #"{"profilePictureUrls": "a"}"#),
            (2, #"{"display_name": 3}"#), (2, #"{"preferences": "loud"}"#),
            (2, #"{"preferences": {"voice_preference": 1}}"#), (3, #"{"first_name": []}"#), (3, #"{"email": 1}"#),
        ])
    func wrongTypesThrow(decoderIndex: Int, body: String) {
        let decoder = RequestDecoder.all[decoderIndex]
        #expect(throws: DecodingError.self) { try decoder.decode(body) }
    }

    @Test("a username change without newUsername throws DecodingError")
    func usernameChangeRequiresTheName() {
        #expect(throws: DecodingError.self) {
            try JSONComparison.decode(SocialWire.UsernameChangeRequest.self, from: #"{"username": "x"}"#)
        }
    }

    @Test("a username change reports extra keys")
    func usernameChangeExtraKeys() throws {
        let request = try JSONComparison.decode(
            SocialWire.UsernameChangeRequest.self, from: #"{"newUsername": "jane", "id": "x", "force": true}"#)
        #expect(request.rejectedFields.map(\.field) == ["force", "id"])
        #expect(request.rejectedFields.map(\.code) == [.unknownField, .readOnly])
    }
}
