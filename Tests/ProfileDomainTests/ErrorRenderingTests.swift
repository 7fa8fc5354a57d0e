import Foundation
import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

@Suite("Each spec renders a ProfileError in its own envelope and status")
struct ErrorRenderingTests {
    static let twoOnBio = ProfileError.validation([
        FieldError(field: "bio", code: .tooLong, message: "bio is 512 characters; the limit is 500"),
        FieldError(field: "bio", code: .forbiddenCharacters, message: "bio holds a bidi override"),
        FieldError(field: "displayName", code: .required, message: "displayName is required"),
    ])

    static let others: [ProfileError] = [
        .unauthenticated, .forbidden, .userNotFound, .usernameTaken("x"), .emailTaken,
        .versionConflict(expected: 1, current: 2), .internalError(underlying: "disk on fire"),
    ]

    @Test("creator: validation is 400 with the joined field map; other errors keep their status")
    func creatorValidation() {
        let (status, body) = CreatorWire.ErrorResponse.rendering(Self.twoOnBio)
        #expect(status == .badRequest)
        #expect(!body.success)
        #expect(body.error == "validation_failed")
        #expect(
            body.errors == [
                "bio": "bio is 512 characters; the limit is 500; bio holds a bidi override",
                "displayName": "displayName is required",
            ])
    }

    @Test("creator, social and mobile keep a non-validation error's status and message", arguments: others)
    func nonValidation(error: ProfileError) throws {
        let creator = CreatorWire.ErrorResponse.rendering(error)
        #expect(creator.status == error.status)
        #expect(creator.body.message == error.message)
        #expect(creator.body.errors == nil)
        let social = SocialWire.rendering(error, at: Date(timeIntervalSince1970: 0))
        #expect(social.status == error.status)
        #expect(social.envelope.httpStatus == error.status.name)
        #expect(social.envelope.data == .message(error.message))
        let mobile = MobileWire.ErrorResponse.rendering(error)
        #expect(mobile.status == error.status)
        #expect(mobile.body.message == error.message)
        for json in [
            try JSONComparison.encode(creator.body), try JSONComparison.encode(social.envelope),
            try JSONComparison.encode(mobile.body),
            try JSONComparison.encode(DjangoWire.ErrorBody.rendering(error).body),
        ] {
            #expect(!String(decoding: json, as: UTF8.self).contains("disk on fire"))
        }
    }

    @Test(
        "creator: the technical error strings",
        arguments: [
            (ProfileError.usernameTaken("x"), "Username already exists"), (.profileNotFound, "Profile not found"),
            (.userNotFound, "Profile not found"), (.unauthenticated, "unauthenticated"), (.forbidden, "forbidden"),
        ])
    func creatorTechnicalStrings(error: ProfileError, technical: String) {
        #expect(CreatorWire.ErrorResponse(error).error == technical)
    }

    @Test("social: several messages for one field are joined; a validation error without fields is a string")
    func socialValidation() {
        let (status, envelope) = SocialWire.rendering(Self.twoOnBio, at: Date(timeIntervalSince1970: 0))
        #expect(status == .unprocessableEntity)
        #expect(envelope.message == "Validation failed")
        #expect(!envelope.success)
        guard case .fields(let fields) = envelope.data else {
            Issue.record("expected a field map")
            return
        }
        #expect(fields["bio"] == "bio is 512 characters; the limit is 500; bio holds a bidi override")
        let bare = SocialWire.rendering(.validation([]), at: Date(timeIntervalSince1970: 0))
        #expect(bare.envelope.data == .message(ProfileError.validation([]).message))
    }

    @Test("mobile: validation is 422 with the fields as validation named them; errors is always an object")
    func mobileValidation() throws {
        let error = ProfileError.validation([
            FieldError(field: "display_name", code: .tooLong, message: "too long"),
            FieldError(field: "preferences.voice_preference", code: .notAllowed, message: "unknown voice"),
            FieldError(field: "preferences.theme", code: .wrongType, message: "theme must be a string"),
        ])
        let (status, body) = MobileWire.ErrorResponse.rendering(error)
        #expect(status == .unprocessableEntity)
        #expect(
            body.errors == [
                "display_name": "too long", "preferences.voice_preference": "unknown voice",
                "preferences.theme": "theme must be a string",
            ])
        let notFound = try JSONComparison.encode(MobileWire.ErrorResponse(.userNotFound))
        try JSONComparison.expectSame(
            notFound, Data(#"{"success": false, "message": "User not found", "errors": {}}"#.utf8))
    }

    @Test("django: validation is 400 with the fields as validation named them, in lists; else non_field_errors")
    func djangoValidation() {
        let error = ProfileError.validation([
            FieldError(field: "first_name", code: .tooLong, message: "a"),
            FieldError(field: "first_name", code: .forbiddenCharacters, message: "b"),
            FieldError(field: "number_phone", code: .invalidFormat, message: "c"),
            FieldError(field: "email", code: .invalidFormat, message: "d"),
        ])
        let (status, body) = DjangoWire.ErrorBody.rendering(error)
        #expect(status == .badRequest)
        #expect(
            body
                == .validation(
                    .init(
                        fields: ["first_name": ["a", "b"], "number_phone": ["c"], "email": ["d"]],
                        details: [
                            ErrorDetail(field: "first_name", code: "too_long", limit: nil),
                            ErrorDetail(field: "first_name", code: "forbidden_characters", limit: nil),
                            ErrorDetail(field: "number_phone", code: "invalid_format", limit: nil),
                            ErrorDetail(field: "email", code: "invalid_format", limit: nil),
                        ])))
        #expect(
            DjangoWire.ErrorBody.rendering(.validation([])).body
                == .validation(
                    .init(
                        fields: ["non_field_errors": [ProfileError.validation([]).message]],
                        details: [ErrorDetail(field: nil, code: "validation_failed", limit: nil)])))
        let conflict = DjangoWire.ErrorBody.rendering(.emailTaken)
        #expect(conflict.status == .conflict)
        #expect(
            conflict.body
                == .error(
                    .init(
                        error: ProfileError.emailTaken.message,
                        details: [ErrorDetail(field: "email", code: "taken", limit: nil)])))
    }

    @Test("the creator upload response carries the stored media's type and size")
    func uploadMedia() throws {
        let media = MediaReference(
            key: "sha256-ab.png", contentType: "image/png", byteCount: 2048, purpose: "avatar",
            createdAt: Date(timeIntervalSince1970: 0))
        let response = CreatorWire.UploadMediaResponse(url: "https://cdn.example.com/sha256-ab.png", media: media)
        try JSONComparison.expectSame(
            JSONComparison.encode(response),
            Data(
                #"{"success": true, "url": "https://cdn.example.com/sha256-ab.png", "contentType": "image/png", "size": 2048}"#
                    .utf8))
    }
}
