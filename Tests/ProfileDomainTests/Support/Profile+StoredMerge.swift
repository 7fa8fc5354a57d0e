import Foundation
import Testing

@testable import ProfileDomain

extension Profile {
    /// The merge of a plain patch whose values are taken as stored (`ValidatedProfilePatch(storedValues:)`):
    /// for tests of the merge and of the wire samples, where the policy's rules are not the subject.
    func applying(_ patch: ProfilePatch, at date: Date) throws -> ProfileMerge {
        applying(try #require(ValidatedProfilePatch(storedValues: patch)), at: date)
    }

    /// ``Profile/creating(from:id:userID:at:)`` for a plain patch taken as stored values.
    static func creating(
        from patch: ProfilePatch, id: ProfileID = .random(), userID: UserID, at date: Date
    ) throws -> Profile {
        creating(from: try #require(ValidatedProfilePatch(storedValues: patch)), id: id, userID: userID, at: date)
    }
}
