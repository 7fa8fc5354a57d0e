import Foundation
import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

@Suite("Model values encode to exactly the specs' response samples")
struct ModelToWireSampleTests {
    let actionTime: Date

    init() throws {
        actionTime = try date("2026-05-19T10:30:45")
    }

    @Test("creator: the PUT request sample creates the profile of the success sample")
    func creatorUpsertCreates() throws {
        let request = try JSONComparison.decode(CreatorWire.ProfileRequest.self, from: SpecSamples.Creator.request)
        let profile = try Profile.creating(
            from: request.update.profile, id: try #require(ProfileID("profile_id")),
            userID: try #require(UserID("user_id")), at: try date("2024-01-01T00:00:00Z"))
        let record = UserRecord(
            account: Account(userID: profile.userID, createdAt: profile.createdAt), profile: profile)
        let response = try #require(
            CreatorWire.ProfileResponse(OwnerProfileView(record: record, socialCounts: SocialCounts())))
        try JSONComparison.expectSame(JSONComparison.encode(response), Data(SpecSamples.Creator.success.utf8))
    }

    @Test("creator: errors render the spec's error strings")
    func creatorErrors() throws {
        let notFound = ProfileError(
            code: .notFound, message: "An unexpected error occurred while updating the profile.")
        try JSONComparison.expectSame(
            JSONComparison.encode(CreatorWire.ErrorResponse(notFound)), Data(SpecSamples.Creator.notFound.utf8))
        let (status, body) = CreatorWire.ErrorResponse.rendering(.usernameTaken("john_doe"))
        #expect(status == .conflict)
        try JSONComparison.expectSame(JSONComparison.encode(body), Data(SpecSamples.Creator.usernameTaken.utf8))
    }

    @Test("social: the owner record encodes to the GET /me sample")
    func socialMe() throws {
        let view = OwnerProfileView(record: try SampleRecords.socialOwner(), socialCounts: SampleRecords.socialCounts)
        let envelope = SocialWire.Envelope.ok(
            SocialWire.OwnerProfile(view), message: "Profile retrieved successfully", at: actionTime)
        try JSONComparison.expectSame(JSONComparison.encode(envelope), Data(SpecSamples.Social.meSuccess.utf8))
    }

    @Test("social: the update request sample merged into the owner record gives the PUT success sample")
    func socialUpdate() throws {
        var record = try SampleRecords.socialOwner()
        let request = try JSONComparison.decode(SocialWire.UpdateRequest.self, from: SpecSamples.Social.updateRequest)
        let merge = try #require(record.profile).applying(request.update.profile, at: actionTime)
        #expect(merge.changedFields == [.middleName, .bio, .pictureURLs])
        record.profile = merge.profile
        let view = OwnerProfileView(record: record, socialCounts: SampleRecords.socialCounts)
        let envelope = SocialWire.Envelope.ok(
            SocialWire.OwnerProfile(view, includingCounts: false), message: "Profile updated successfully",
            at: actionTime)
        try JSONComparison.expectSame(JSONComparison.encode(envelope), Data(SpecSamples.Social.updateSuccess.utf8))
    }

    @Test(
        "social: an authenticated other caller sees the public samples with the relationship",
        arguments: [
            (Relationship(viewerFollowsSubject: true), SpecSamples.Social.byIDSuccess),
            (Relationship.none, SpecSamples.Social.byUsernameSuccess),
        ])
    func socialPublic(relationship: Relationship, sample: String) throws {
        let caller = Caller.user(try #require(UserID("viewer")))
        let view = PublicProfileView(
            record: try SampleRecords.socialOwner(), socialCounts: SampleRecords.socialCounts, caller: caller,
            relationship: relationship)
        let envelope = SocialWire.Envelope.ok(
            SocialWire.PublicProfile(view), message: "Profile retrieved successfully", at: actionTime)
        try JSONComparison.expectSame(JSONComparison.encode(envelope), Data(sample.utf8))
    }

    @Test("social: errors render the 401, 404 and 422 samples")
    func socialErrors() throws {
        let expired = ProfileError(code: .unauthenticated, message: "Token has expired")
        let unauthorized = SocialWire.rendering(expired, at: actionTime)
        #expect(unauthorized.status == .unauthorized)
        try JSONComparison.expectSame(
            JSONComparison.encode(unauthorized.envelope), Data(SpecSamples.Social.meUnauthorized.utf8))

        let missing = SocialWire.rendering(.userNotFound, at: actionTime)
        #expect(missing.status == .notFound)
        try JSONComparison.expectSame(JSONComparison.encode(missing.envelope), Data(SpecSamples.Social.notFound.utf8))

        let invalid = SocialWire.rendering(
            .validation([
                FieldError(
                    field: "firstName", code: .tooShort, message: "First name must be between 1 and 30 characters"),
                FieldError(field: "profilePictureUrls", code: .tooLong, message: "Maximum 5 profile pictures allowed"),
            ]), at: actionTime)
        #expect(invalid.status == .unprocessableEntity)
        try JSONComparison.expectSame(
            JSONComparison.encode(invalid.envelope), Data(SpecSamples.Social.updateValidationFailed.utf8))
    }

    @Test("mobile: the POST request merged into the user gives the POST response, and GET gives the GET sample")
    func mobile() throws {
        var record = try SampleRecords.mobileUser()
        let request = try JSONComparison.decode(MobileWire.ProfileRequest.self, from: SpecSamples.Mobile.request)
        let update = request.update
        let now = try date("2024-01-15T10:30:00Z")
        record.profile = try #require(record.profile).applying(update.profile, at: now).profile
        let preferences = record.preferences.applying(update.preferences, at: now)
        #expect(!preferences.changed, "the sample sends the defaults again")
        record.preferences = preferences.preferences
        let view = OwnerProfileView(record: record, socialCounts: SocialCounts())
        try JSONComparison.expectSame(
            JSONComparison.encode(MobileWire.UpdateResponse(view)), Data(SpecSamples.Mobile.updateResponse.utf8))
        try JSONComparison.expectSame(
            JSONComparison.encode(MobileWire.ProfileResponse(view)), Data(SpecSamples.Mobile.getResponse.utf8))
    }

    @Test("django: the user encodes to the profile sample, and the update request gives the update response")
    func django() throws {
        var record = try SampleRecords.djangoUser()
        try JSONComparison.expectSame(
            JSONComparison.encode(DjangoWire.User(OwnerProfileView(record: record, socialCounts: SocialCounts()))),
            Data(SpecSamples.Django.profile.utf8))
        let update = try JSONComparison.decode(DjangoWire.UpdateRequest.self, from: SpecSamples.Django.updateRequest)
            .update
        let now = try date("2024-02-01T00:00:00Z")
        record.profile = try #require(record.profile).applying(update.profile, at: now).profile
        record.account = record.account.applying(update.account).account
        try JSONComparison.expectSame(
            JSONComparison.encode(DjangoWire.User(OwnerProfileView(record: record, socialCounts: SocialCounts()))),
            Data(SpecSamples.Django.updateResponse.utf8))
    }

    @Test("django: errors render the 403, 404 and DRF 400 shapes")
    func djangoErrors() throws {
        let forbidden = DjangoWire.ErrorBody.rendering(.forbidden)
        #expect(forbidden.status == .forbidden)
        try JSONComparison.expectSame(
            JSONComparison.encode(forbidden.body), Data(SpecSamples.Django.notAuthorized.utf8))
        let missing = DjangoWire.ErrorBody.rendering(.userNotFound)
        #expect(missing.status == .notFound)
        try JSONComparison.expectSame(JSONComparison.encode(missing.body), Data(SpecSamples.Django.notFound.utf8))
        let invalid = DjangoWire.ErrorBody.rendering(
            .validation([
                FieldError(
                    field: "first_name", code: .tooLong, message: "Ensure this field has no more than 200 characters."),
                FieldError(
                    field: "number_phone", code: .tooLong, message: "Ensure this field has no more than 10 characters."),
            ]))
        #expect(invalid.status == .badRequest)
        try JSONComparison.expectSame(
            JSONComparison.encode(invalid.body), Data(SpecSamples.Django.validationFailed.utf8))
        try JSONComparison.expectSame(
            JSONComparison.encode(DjangoWire.DeleteResponse.deleted), Data(SpecSamples.Django.deleted.utf8))
    }
}
