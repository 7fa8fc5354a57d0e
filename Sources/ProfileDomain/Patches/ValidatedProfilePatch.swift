/// A ``ProfilePatch`` that a validation policy has checked and normalised: the only patch a
/// ``Profile`` merges (``Profile/applying(_:at:)``), so a merge can no longer fail.
///
/// Only `ValidationPolicy.validate(_:against:)` makes one (its initialiser is not public), so a
/// value of this type proves that every rule of that policy held for it. Its values are parsed:
/// the username is a ``Username``, social link keys are ``SocialPlatform``s, text is trimmed, links
/// and image URLs are canonical, niches lowercased; an empty optional value is already `null`.
/// The three states keep their meaning: absent keeps the stored value, `null` clears it, a value
/// replaces it (lists whole; location and social links part by part).
public struct ValidatedProfilePatch: Sendable, Hashable {
    /// The username.
    public let username: PatchField<Username>
    /// The display name, trimmed.
    public let displayName: PatchField<String>
    /// The first name, trimmed.
    public let firstName: PatchField<String>
    /// The middle name, trimmed.
    public let middleName: PatchField<String>
    /// The last name, trimmed.
    public let lastName: PatchField<String>
    /// The bio, trimmed.
    public let bio: PatchField<String>
    /// The niches, lowercased; the list replaces the stored one.
    public let niches: PatchField<[String]>
    /// The location, each part trimmed; an object merges part by part.
    public let location: PatchField<LocationPatch>
    /// Social links by platform: `null` removes every link, an object merges per platform, and a
    /// platform mapped to `null` removes that one link.
    public let socialLinks: PatchField<[SocialPlatform: PatchField<String>]>
    /// The avatar URL or media path.
    public let avatar: PatchField<String>
    /// The profile picture URLs; the list replaces the stored one.
    public let pictureURLs: PatchField<[String]>

    /// Creates a validated patch from values a validation policy has checked; nothing outside
    /// the package can vouch for that.
    package init(
        username: PatchField<Username>,
        displayName: PatchField<String>,
        firstName: PatchField<String>,
        middleName: PatchField<String>,
        lastName: PatchField<String>,
        bio: PatchField<String>,
        niches: PatchField<[String]>,
        location: PatchField<LocationPatch>,
        socialLinks: PatchField<[SocialPlatform: PatchField<String>]>,
        avatar: PatchField<String>,
        pictureURLs: PatchField<[String]>
    ) {
        self.username = username
        self.displayName = displayName
        self.firstName = firstName
        self.middleName = middleName
        self.lastName = lastName
        self.bio = bio
        self.niches = niches
        self.location = location
        self.socialLinks = socialLinks
        self.avatar = avatar
        self.pictureURLs = pictureURLs
    }

    /// The values of `patch` taken as already stored, without a policy's rules, or `nil` when the
    /// model cannot hold them (a username that is no ``Username``, a key that is no
    /// ``SocialPlatform``). For fixtures that describe a stored profile, which may hold what today's
    /// policy refuses; requests always go through a validation policy.
    package init?(storedValues patch: ProfilePatch) {
        var username: PatchField<Username> = .absent
        switch patch.username {
        case .absent: break
        case .null: username = .null
        case .value(let raw):
            guard let parsed = Username(raw) else { return nil }
            username = .value(parsed)
        }
        var socialLinks: PatchField<[SocialPlatform: PatchField<String>]> = .absent
        switch patch.socialLinks {
        case .absent: break
        case .null: socialLinks = .null
        case .value(let links):
            var parsed: [SocialPlatform: PatchField<String>] = [:]
            for (key, link) in links {
                guard let platform = SocialPlatform(rawValue: key) else { return nil }
                parsed[platform] = link
            }
            socialLinks = .value(parsed)
        }
        self.init(
            username: username, displayName: patch.displayName, firstName: patch.firstName,
            middleName: patch.middleName, lastName: patch.lastName, bio: patch.bio, niches: patch.niches,
            location: patch.location, socialLinks: socialLinks, avatar: patch.avatar, pictureURLs: patch.pictureURLs)
    }

    /// The fields this patch names (`null` or a value), in declaration order.
    public var presentFields: [ProfileField] {
        // In `ProfileField.allCases` order.
        let presence = [
            username.isPresent, displayName.isPresent, firstName.isPresent, middleName.isPresent,
            lastName.isPresent, bio.isPresent, niches.isPresent, location.isPresent, socialLinks.isPresent,
            avatar.isPresent, pictureURLs.isPresent,
        ]
        return zip(ProfileField.allCases, presence).compactMap { field, isPresent in isPresent ? field : nil }
    }

    /// Whether the patch names no field at all.
    public var isEmpty: Bool { presentFields.isEmpty }

    /// The same values as a plain ``ProfilePatch`` (usernames and platform keys as strings), to
    /// echo or encode what was accepted. Validating it again with the same policy accepts it
    /// unchanged.
    public var normalized: ProfilePatch {
        ProfilePatch(
            username: username.map(\.rawValue), displayName: displayName, firstName: firstName,
            middleName: middleName, lastName: lastName, bio: bio, niches: niches, location: location,
            socialLinks: socialLinks.map { links in
                Dictionary(uniqueKeysWithValues: links.map { platform, link in (platform.rawValue, link) })
            },
            avatar: avatar, pictureURLs: pictureURLs)
    }

    /// The patch with its avatar set to `path`, a media path the caller's own upload proves (the
    /// service attaches uploads after validation, because an upload's path is not an https URL).
    package func settingAvatar(_ path: String) -> ValidatedProfilePatch {
        ValidatedProfilePatch(
            username: username, displayName: displayName, firstName: firstName, middleName: middleName,
            lastName: lastName, bio: bio, niches: niches, location: location, socialLinks: socialLinks,
            avatar: .value(path), pictureURLs: pictureURLs)
    }
}
