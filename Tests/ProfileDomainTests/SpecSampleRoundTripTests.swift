import Foundation
import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

/// One spec sample and the wire type it must decode into.
struct SpecSample: Sendable, CustomTestStringConvertible {
    let name: String
    let json: String
    let roundTrip: @Sendable (Data) throws -> Data

    init<Wire: Codable & SendableMetatype>(_ name: String, _ json: String, as type: Wire.Type) {
        self.name = name
        self.json = json
        self.roundTrip = { data in try JSONEncoder().encode(try JSONDecoder().decode(Wire.self, from: data)) }
    }

    var testDescription: String { name }
}

@Suite("Every spec sample decodes and encodes back to the same JSON")
struct SpecSampleRoundTripTests {
    static let samples: [SpecSample] = [
        SpecSample("creator PUT request", SpecSamples.Creator.request, as: CreatorWire.ProfileRequest.self),
        SpecSample("creator success", SpecSamples.Creator.success, as: CreatorWire.ProfileResponse.self),
        SpecSample("creator not found", SpecSamples.Creator.notFound, as: CreatorWire.ErrorResponse.self),
        SpecSample("creator username taken", SpecSamples.Creator.usernameTaken, as: CreatorWire.ErrorResponse.self),
        SpecSample(
            "social GET /me", SpecSamples.Social.meSuccess, as: SocialWire.Envelope<SocialWire.OwnerProfile>.self),
        SpecSample(
            "social GET /me 401", SpecSamples.Social.meUnauthorized, as: SocialWire.Envelope<SocialWire.ErrorData>.self
        ),
        SpecSample(
            "social GET /id", SpecSamples.Social.byIDSuccess, as: SocialWire.Envelope<SocialWire.PublicProfile>.self),
        SpecSample(
            "social GET /u", SpecSamples.Social.byUsernameSuccess,
            as: SocialWire.Envelope<SocialWire.PublicProfile>.self),
        SpecSample("social 404", SpecSamples.Social.notFound, as: SocialWire.Envelope<SocialWire.ErrorData>.self),
        SpecSample("social PUT request", SpecSamples.Social.updateRequest, as: SocialWire.UpdateRequest.self),
        SpecSample(
            "social PUT success", SpecSamples.Social.updateSuccess,
            as: SocialWire.Envelope<SocialWire.OwnerProfile>.self),
        SpecSample(
            "social PUT 422", SpecSamples.Social.updateValidationFailed,
            as: SocialWire.Envelope<SocialWire.ErrorData>.self),
        SpecSample(
            "social username change", SpecSamples.Social.usernameChangeRequest,
            as: SocialWire.UsernameChangeRequest.self),
        SpecSample("mobile POST request", SpecSamples.Mobile.request, as: MobileWire.ProfileRequest.self),
        SpecSample("mobile POST response", SpecSamples.Mobile.updateResponse, as: MobileWire.UpdateResponse.self),
        SpecSample("mobile GET response", SpecSamples.Mobile.getResponse, as: MobileWire.ProfileResponse.self),
        SpecSample("django profile", SpecSamples.Django.profile, as: DjangoWire.User.self),
        SpecSample("django update request", SpecSamples.Django.updateRequest, as: DjangoWire.UpdateRequest.self),
        SpecSample("django phone-only request", SpecSamples.Django.phoneOnlyRequest, as: DjangoWire.UpdateRequest.self),
        SpecSample("django update response", SpecSamples.Django.updateResponse, as: DjangoWire.User.self),
        SpecSample("django delete", SpecSamples.Django.deleted, as: DjangoWire.DeleteResponse.self),
        SpecSample("django 404", SpecSamples.Django.notFound, as: DjangoWire.ErrorBody.self),
        SpecSample("django 403", SpecSamples.Django.notAuthorized, as: DjangoWire.ErrorBody.self),
        SpecSample("django 400", SpecSamples.Django.validationFailed, as: DjangoWire.ErrorBody.self),
    ]

    @Test("a spec sample decodes and re-encodes to the same keys, values and date format", arguments: samples)
    func roundTrips(_ sample: SpecSample) throws {
        let data = Data(sample.json.utf8)
        try JSONComparison.expectSame(try sample.roundTrip(data), data)
    }

    @Test("request samples decode with no rejected field")
    func requestSamplesAreClean() throws {
        let updates = [
            try JSONComparison.decode(CreatorWire.ProfileRequest.self, from: SpecSamples.Creator.request).update,
            try JSONComparison.decode(SocialWire.UpdateRequest.self, from: SpecSamples.Social.updateRequest).update,
            try JSONComparison.decode(MobileWire.ProfileRequest.self, from: SpecSamples.Mobile.request).update,
            try JSONComparison.decode(DjangoWire.UpdateRequest.self, from: SpecSamples.Django.updateRequest).update,
        ]
        for update in updates {
            #expect(update.rejectedFields.isEmpty)
        }
    }

    @Test("the Django integer primary key stays a JSON number")
    func djangoIDIsANumber() throws {
        let user = try JSONComparison.decode(DjangoWire.User.self, from: SpecSamples.Django.profile)
        #expect(user.id == UserID("1"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONComparison.encode(user)) as? [String: Any])
        #expect(object["id"] is NSNumber)
        #expect(!(object["id"] is String))
    }

    @Test("the social 422 sample decodes into a field map, the 404 sample into a message")
    func socialErrorDataShapes() throws {
        let invalid = try JSONComparison.decode(
            SocialWire.Envelope<SocialWire.ErrorData>.self, from: SpecSamples.Social.updateValidationFailed)
        #expect(
            invalid.data
                == .fields([
                    "firstName": "First name must be between 1 and 30 characters",
                    "profilePictureUrls": "Maximum 5 profile pictures allowed",
                ]))
        let missing = try JSONComparison.decode(
            SocialWire.Envelope<SocialWire.ErrorData>.self, from: SpecSamples.Social.notFound)
        #expect(missing.data == .message("User not found"))
        #expect(!missing.success)
    }
}
