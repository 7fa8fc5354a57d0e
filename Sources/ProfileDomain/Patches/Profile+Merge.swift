#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Profile {
    /// Merges `patch` into the profile as a pure function.
    ///
    /// - Absent fields keep their values; `null` clears; a value replaces (lists whole, location
    ///   and social links key by key).
    /// - When a value actually changes, ``updatedAt`` becomes `date` and ``version`` goes up by
    ///   one (renaming an existing username also stamps ``usernameChangedAt``). A patch that sets every
    ///   field to its stored value is a no-op: the profile comes back identical.
    /// - The patch should have passed `ValidationPolicy.validate(_:against:)`. A username that is
    ///   not a ``Username`` or a social link key that is not a ``SocialPlatform`` is still refused
    ///   here, with a ``FieldError``, because the model cannot hold it.
    public func applying(_ patch: ProfilePatch, at date: Date) throws(FieldError) -> ProfileMerge {
        var merged = self
        merged.username = try Self.username(from: patch.username, over: username)
        merged.displayName = patch.displayName.merged(over: displayName)
        merged.firstName = patch.firstName.merged(over: firstName)
        merged.middleName = patch.middleName.merged(over: middleName)
        merged.lastName = patch.lastName.merged(over: lastName)
        merged.bio = patch.bio.merged(over: bio)
        merged.niches = patch.niches.merged(over: niches) ?? []
        merged.location = Self.location(from: patch.location, over: location)
        merged.socialLinks = try Self.socialLinks(from: patch.socialLinks, over: socialLinks)
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

    /// A new profile for `userID` built from `patch`, created and updated at `date`, version 1.
    public static func creating(
        from patch: ProfilePatch,
        id: ProfileID = .random(),
        userID: UserID,
        at date: Date
    ) throws(FieldError) -> Profile {
        var profile = try Profile(id: id, userID: userID, createdAt: date).applying(patch, at: date).profile
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

    private static func username(
        from field: PatchField<String>, over current: Username?
    ) throws(FieldError)
        -> Username?
    {
        switch field {
        case .absent: return current
        case .null: return nil
        case .value(let string):
            guard let username = Username(string) else {
                throw FieldError(
                    field: ProfileField.username.rawValue, code: .invalidCharacters,
                    message: "username may only hold the letters A-Z and a-z, digits and _")
            }
            return username
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
        from field: PatchField<[String: PatchField<String>]>,
        over current: [SocialPlatform: String]
    ) throws(FieldError) -> [SocialPlatform: String] {
        switch field {
        case .absent: return current
        case .null: return [:]
        case .value(let patches):
            var links = current
            for (key, link) in patches {
                guard let platform = SocialPlatform(rawValue: key) else { throw .unknownPlatform(key) }
                links[platform] = link.merged(over: current[platform])
            }
            return links
        }
    }
}
