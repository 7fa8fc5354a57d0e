import Foundation
import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

@Suite("Owner and public views expose exactly their field sets")
struct ProfileViewTests {
    static let privateKeys: Set<String> = [
        "email", "phoneNumber", "roles", "securityStrength", "isEmailVerified", "isPhoneVerified",
        "isTwoFactorEnabled", "isAccountLocked", "profilePictureUrls", "editedAt", "middleName", "id",
    ]

    static func publicJSON(caller: Caller, relationship: Relationship?) throws -> (Data, SocialWire.PublicProfile) {
        let view = PublicProfileView(
            record: try SampleRecords.socialOwner(), socialCounts: SampleRecords.socialCounts, caller: caller,
            relationship: relationship)
        let wire = SocialWire.PublicProfile(view)
        return (try JSONComparison.encode(wire), wire)
    }

    @Test(
        "the public view never carries a private key, whoever asks",
        arguments: [
            Caller.anonymous, .user(UserID("viewer") ?? .random()), .user(SampleRecords.socialUserID ?? .random()),
        ])
    func publicHasNoPrivateKeys(caller: Caller) throws {
        let (json, _) = try Self.publicJSON(caller: caller, relationship: Relationship(viewerFollowsSubject: true))
        let keys = try JSONComparison.keys(of: json)
        #expect(keys.isDisjoint(with: Self.privateKeys))
        #expect(!String(decoding: json, as: UTF8.self).contains("john@example.com"))
        #expect(!String(decoding: json, as: UTF8.self).contains("+254712345678"))
    }

    @Test("relationship appears only for an authenticated caller looking at someone else")
    func relationshipPresence() throws {
        let anonymous = try Self.publicJSON(caller: .anonymous, relationship: Relationship(viewerFollowsSubject: true))
        #expect(!(try JSONComparison.keys(of: anonymous.0)).contains("relationship"))
        #expect(!anonymous.1.isOwnProfile)

        let owner = try Self.publicJSON(caller: .user(try #require(SampleRecords.socialUserID)), relationship: nil)
        #expect(!(try JSONComparison.keys(of: owner.0)).contains("relationship"))
        #expect(owner.1.isOwnProfile)

        let other = try Self.publicJSON(caller: .user(try #require(UserID("viewer"))), relationship: nil)
        #expect(try JSONComparison.keys(of: other.0).contains("relationship"))
        #expect(other.1.relationship == SocialWire.RelationshipPayload(.none))
        #expect(!other.1.isOwnProfile)
    }

    @Test("the relationship flags derive from the four directed edges")
    func relationshipFlags() {
        let edges = Relationship(
            viewerFollowsSubject: true, subjectFollowsViewer: false, viewerBlocksSubject: false,
            subjectBlocksViewer: true)
        let payload = SocialWire.RelationshipPayload(edges)
        #expect(payload.isFollowing && !payload.isFollowedBy && !payload.isBlocked && payload.isBlockedBy)
        let reversed = SocialWire.RelationshipPayload(edges.reversed)
        #expect(!reversed.isFollowing && reversed.isFollowedBy && reversed.isBlocked && !reversed.isBlockedBy)
    }

    @Test("the owner view carries every private key")
    func ownerHasPrivateKeys() throws {
        let view = OwnerProfileView(record: try SampleRecords.socialOwner(), socialCounts: SampleRecords.socialCounts)
        let keys = try JSONComparison.keys(of: JSONComparison.encode(SocialWire.OwnerProfile(view)))
        #expect(Self.privateKeys.isSubset(of: keys))
    }

    @Test("profilePictureUrl is the first picture, or null without pictures (the avatar is not substituted)")
    func primaryPicture() throws {
        var record = try SampleRecords.socialOwner()
        record.profile?.pictureURLs = ["https://a/1.jpg", "https://a/2.jpg"]
        record.profile?.avatar = "https://a/avatar.jpg"
        let view = PublicProfileView(
            record: record, socialCounts: SocialCounts(), caller: .anonymous, relationship: nil)
        #expect(SocialWire.PublicProfile(view).profilePictureUrl == "https://a/1.jpg")
        record.profile?.pictureURLs = []
        let bare = PublicProfileView(
            record: record, socialCounts: SocialCounts(), caller: .anonymous, relationship: nil)
        let json = try JSONComparison.encode(SocialWire.PublicProfile(bare))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["profilePictureUrl"] is NSNull)
    }

    @Test("before a profile exists the owner view still encodes for every spec, with nulls")
    func ownerWithoutProfile() throws {
        let account = Account(userID: try #require(UserID("42")), createdAt: try date("2024-01-01T00:00:00Z"))
        let view = OwnerProfileView(record: UserRecord(account: account), socialCounts: SocialCounts())
        #expect(CreatorWire.ProfileResponse(view) == nil)
        let user = CreatorWire.UserResponse(view)
        #expect(user.profile == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONComparison.encode(user)) as? [String: Any])
        #expect(object["profile"] is NSNull)
        #expect(user.completeness.percentage == 0)
        let social = SocialWire.OwnerProfile(view)
        #expect(social.userName == nil)
        #expect(social.editedAt.date == account.createdAt)
        #expect(DjangoWire.User(view).firstName == "")
        #expect(MobileWire.ProfileResponse(view).userProfile.displayName == nil)
    }
}
