import Foundation
import ProfileDomain

/// The merge as the library did it before validation returned a ``ValidatedProfilePatch``: over a
/// raw ``ProfilePatch``, parsing the username and the platform keys again and failing on a value
/// the model cannot hold. Kept in the tests only, as the reference of
/// `ValidatedMergeDifferentialTests`.
enum ReferenceMerge {
    struct Unholdable: Error {
        var field: String
    }

    static func applying(_ patch: ProfilePatch, to profile: Profile, at date: Date) throws -> ProfileMerge {
        var merged = profile
        switch patch.username {
        case .absent: break
        case .null: merged.username = nil
        case .value(let raw):
            guard let username = Username(raw) else { throw Unholdable(field: "username") }
            merged.username = username
        }
        merged.displayName = patch.displayName.merged(over: profile.displayName)
        merged.firstName = patch.firstName.merged(over: profile.firstName)
        merged.middleName = patch.middleName.merged(over: profile.middleName)
        merged.lastName = patch.lastName.merged(over: profile.lastName)
        merged.bio = patch.bio.merged(over: profile.bio)
        merged.niches = patch.niches.merged(over: profile.niches) ?? []
        switch patch.location {
        case .absent: break
        case .null: merged.location = nil
        case .value(let location): merged.location = location.merged(over: profile.location)
        }
        switch patch.socialLinks {
        case .absent: break
        case .null: merged.socialLinks = [:]
        case .value(let links):
            for (key, link) in links {
                guard let platform = SocialPlatform(rawValue: key) else { throw Unholdable(field: key) }
                merged.socialLinks[platform] = link.merged(over: profile.socialLinks[platform])
            }
        }
        merged.avatar = patch.avatar.merged(over: profile.avatar)
        merged.pictureURLs = patch.pictureURLs.merged(over: profile.pictureURLs) ?? []
        let changed = ProfileField.allCases.filter { !merged.hasSameValue(as: profile, for: $0) }
        guard !changed.isEmpty else { return ProfileMerge(profile: profile, changedFields: []) }
        merged.updatedAt = date
        merged.version = profile.version + 1
        if changed.contains(.username), profile.username != nil { merged.usernameChangedAt = date }
        return ProfileMerge(profile: merged, changedFields: changed)
    }

    static func creating(from patch: ProfilePatch, id: ProfileID, userID: UserID, at date: Date) throws -> Profile {
        var profile = try applying(patch, to: Profile(id: id, userID: userID, createdAt: date), at: date).profile
        profile.version = 1
        profile.usernameChangedAt = nil
        return profile
    }
}
