/// A partial update of a ``Profile``: every client-writable field in one of three states
/// (absent, `null`, value), and nothing else.
///
/// Server-owned fields (id, user id, timestamps, version, counters, verification, roles, email,
/// phone) have no property here, so no request can express a change to them. Values are raw as
/// the client sent them; `ValidationPolicy.validate(_:against:)` trims, checks and parses a patch
/// into the ``ValidatedProfilePatch`` that a profile merges.
///
/// Lists (``niches``, ``pictureURLs``) are replaced whole, as RFC 7396 replaces arrays.
/// ``location`` and ``socialLinks`` merge key by key.
public struct ProfilePatch: Sendable, Hashable {
    /// The username as typed (validated into a ``Username`` before it is applied).
    public var username: PatchField<String>
    /// The display name.
    public var displayName: PatchField<String>
    /// The first name.
    public var firstName: PatchField<String>
    /// The middle name.
    public var middleName: PatchField<String>
    /// The last name.
    public var lastName: PatchField<String>
    /// The bio.
    public var bio: PatchField<String>
    /// The niches, replacing the stored list; `null` clears it.
    public var niches: PatchField<[String]>
    /// The location: `null` clears it, an object merges part by part.
    public var location: PatchField<LocationPatch>
    /// Social links by platform key: `null` removes every link, an object merges per key, and a
    /// key mapped to `null` removes that one link. Keys are raw so that validation can name an
    /// unknown platform; validation parses them into ``SocialPlatform``s.
    public var socialLinks: PatchField<[String: PatchField<String>]>
    /// The avatar URL or media path.
    public var avatar: PatchField<String>
    /// The profile picture URLs, replacing the stored list; `null` clears it.
    public var pictureURLs: PatchField<[String]>

    /// Creates a patch; every field defaults to absent.
    public init(
        username: PatchField<String> = .absent,
        displayName: PatchField<String> = .absent,
        firstName: PatchField<String> = .absent,
        middleName: PatchField<String> = .absent,
        lastName: PatchField<String> = .absent,
        bio: PatchField<String> = .absent,
        niches: PatchField<[String]> = .absent,
        location: PatchField<LocationPatch> = .absent,
        socialLinks: PatchField<[String: PatchField<String>]> = .absent,
        avatar: PatchField<String> = .absent,
        pictureURLs: PatchField<[String]> = .absent
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

    /// A patch that names no field.
    public static let empty = ProfilePatch()

    /// The fields this patch names (`null` or a value), in declaration order.
    public var presentFields: [ProfileField] {
        ProfileField.allCases.filter { field in
            switch field {
            case .username: username.isPresent
            case .displayName: displayName.isPresent
            case .firstName: firstName.isPresent
            case .middleName: middleName.isPresent
            case .lastName: lastName.isPresent
            case .bio: bio.isPresent
            case .niches: niches.isPresent
            case .location: location.isPresent
            case .socialLinks: socialLinks.isPresent
            case .avatar: avatar.isPresent
            case .pictureURLs: pictureURLs.isPresent
            }
        }
    }

    /// Whether the patch names no field at all.
    public var isEmpty: Bool { presentFields.isEmpty }
}
