#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Profile {
    /// Merges a validated `patch` into the profile as a pure function; it cannot fail, because
    /// the patch's values are already parsed (see ``ValidatedProfilePatch``).
    ///
    /// - Absent fields keep their values; `null` clears; a value replaces (lists whole, location
    ///   and social links key by key).
    /// - When a value actually changes, ``updatedAt`` becomes `date` and ``version`` goes up by
    ///   one (renaming an existing username also stamps ``usernameChangedAt``). A patch that sets every
    ///   field to its stored value is a no-op: the profile comes back identical.
    public func applying(_ patch: ValidatedProfilePatch, at date: Date) -> ProfileMerge {
        var merged = self
        merged.username = patch.username.merged(over: username)
        merged.displayName = patch.displayName.merged(over: displayName)
        merged.firstName = patch.firstName.merged(over: firstName)
        merged.middleName = patch.middleName.merged(over: middleName)
        merged.lastName = patch.lastName.merged(over: lastName)
        merged.bio = patch.bio.merged(over: bio)
        merged.niches = patch.niches.merged(over: niches) ?? []
        merged.location = Self.location(from: patch.location, over: location)
        merged.socialLinks = Self.socialLinks(from: patch.socialLinks, over: socialLinks)
        merged.avatar = patch.avatar.merged(over: avatar)
        merged.pictureURLs = patch.pictureURLs.merged(over: pictureURLs) ?? []

        let changed = ProfileField.allCases.filter { !merged.hasSameValue(as: self, for: $0) }
        guard !changed.isEmpty else { return ProfileMerge(profile: self, changedFields: []) }
        merged.updatedAt = date
        merged.version = version + 1
        // Only a rename starts the username-change cooldown; claiming a first name does not.
        if changed.contains(.username), username != nil { merged.usernameChangedAt = date }
        return ProfileMerge(profile: merged, changedFields: changed)
    }

    /// A new profile for `userID` built from a validated `patch`, created and updated at `date`,
    /// version 1.
    public static func creating(
        from patch: ValidatedProfilePatch,
        id: ProfileID = .random(),
        userID: UserID,
        at date: Date
    ) -> Profile {
        var profile = Profile(id: id, userID: userID, createdAt: date).applying(patch, at: date).profile
        profile.version = 1
        profile.usernameChangedAt = nil
        return profile
    }

    /// Whether `field` holds the same value in both profiles.
    public func hasSameValue(as other: Profile, for field: ProfileField) -> Bool {
        switch field {
        case .username: username?.rawValue == other.username?.rawValue
        case .displayName: displayName == other.displayName
        case .firstName: firstName == other.firstName
        case .middleName: middleName == other.middleName
        case .lastName: lastName == other.lastName
        case .bio: bio == other.bio
        case .niches: niches == other.niches
        case .location: location == other.location
        case .socialLinks: socialLinks == other.socialLinks
        case .avatar: avatar == other.avatar
        case .pictureURLs: pictureURLs == other.pictureURLs
        }
    }

    private static func location(from field: PatchField<LocationPatch>, over current: Location?) -> Location? {
        switch field {
        case .absent: current
        case .null: nil
        case .value(let patch): patch.merged(over: current)
        }
    }

    private static func socialLinks(
        from field: PatchField<[SocialPlatform: PatchField<String>]>,
        over current: [SocialPlatform: String]
    ) -> [SocialPlatform: String] {
        switch field {
        case .absent: return current
        case .null: return [:]
        case .value(let patches):
            var links = current
            for (platform, link) in patches {
                links[platform] = link.merged(over: current[platform])
            }
            return links
        }
    }
}
