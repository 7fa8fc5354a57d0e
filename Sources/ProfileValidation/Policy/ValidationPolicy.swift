import ProfileDomain

/// Every limit and rule switch of profile validation in one value: the one source of truth that
/// validation, error messages, ``JSONSchemaExporter`` and ``ConformanceVectors`` all read.
///
/// Start from a preset (``creator``, ``social``, ``mobile``, ``django`` or the strict
/// ``default``) and change what your server needs:
///
/// ```swift
/// var policy = ValidationPolicy.creator
/// policy.reservedUsernames.insert("acme")
/// let clean = try policy.validate(update, against: record)
/// ```
///
/// Lengths are grapheme clusters with a UTF-8 byte cap (see ``TextRule``); every string field has
/// a maximum, including those a spec leaves unbounded.
public struct ValidationPolicy: Sendable, Hashable {
    /// The preset's name (`creator`, `social`, `mobile`, `django`, `default`), used in reports,
    /// schemas and conformance files.
    public var name: String
    /// Fields that must hold a value when a profile is created (`existing == nil`). On update they
    /// may be absent (kept), but `null` or empty is a `required` error.
    public var requiredOnCreate: Set<ProfileField> {
        didSet { requiredMask = FieldMask(requiredOnCreate) }
    }
    /// Fields a profile update may name; any other present field is `not_updatable_here`.
    public var updatableFields: Set<ProfileField> {
        didSet { updatableMask = FieldMask(updatableFields) }
    }
    // Derived from the two sets above and kept in step by their observers, so that the hot path
    // tests membership with a bit operation instead of hashing.
    var requiredMask: FieldMask
    var updatableMask: FieldMask
    /// Whether an update may change the account's email and phone (the Django spec's profile update).
    public var acceptsAccountChanges: Bool
    /// Whether an update may carry preferences (the mobile spec).
    public var acceptsPreferencesChanges: Bool

    /// The allowed username lengths, in ASCII characters.
    public var usernameLength: ClosedRange<Int>
    /// Canonical keys (lowercase) of names nobody may claim; compared by canonical key, so
    /// `Admin` and `ADMIN` are reserved when `admin` is.
    public var reservedUsernames: Set<String> {
        didSet { reservedFilter = ReservedNameFilter(reservedUsernames) }
    }
    // Derived from `reservedUsernames` and kept in step by its observer: most usernames are ruled
    // out by a bit test, without hashing.
    var reservedFilter: ReservedNameFilter
    /// How long after a username change the next one is refused (`too_soon`), or `nil` for no
    /// cooldown.
    public var usernameChangeCooldown: Duration?
    /// How long a username left by a rename stays held for its previous owner (nobody else may
    /// claim it; the owner may reclaim it). `.none` frees it at once. See `Docs/Lifecycle.md`.
    public var usernameHoldAfterRename: UsernameHoldDuration = .none
    /// How long the username of a deleted user stays held (nobody may claim it). `.none` frees
    /// it at once; `.forever` keeps it until an operator releases it.
    public var usernameHoldAfterDeletion: UsernameHoldDuration = .none

    /// The display name (creator `displayName`, mobile `display_name`).
    public var displayName: TextRule
    /// The first name.
    public var firstName: TextRule
    /// The middle name.
    public var middleName: TextRule
    /// The last name.
    public var lastName: TextRule
    /// The bio; the only multi-line field.
    public var bio: TextRule
    /// Each of the location's `city`, `state` and `country`.
    public var locationPart: TextRule
    /// The free-form location string (the social spec's `location`).
    public var locationText: TextRule
    /// The niche list.
    public var niches: NicheRule
    /// Social links.
    public var socialLinks: SocialLinkPolicy
    /// The longest image URL (avatar, profile pictures), in characters.
    public var imageURLMaximumLength: Int
    /// The path extensions an image URL may end in, lowercase, compared case-insensitively.
    public var imageURLExtensions: [String]
    /// The most profile picture URLs.
    public var maximumPictureURLs: Int
    /// The longest email address.
    public var emailMaximumLength: Int
    /// Whether an account must keep an email (`null` or empty is `required`).
    public var requiresEmail: Bool
    /// How a phone number must be written.
    public var phoneFormat: PhoneFormat
    /// Preferences limits.
    public var preferences: PreferencesRule
    /// Uploaded image limits.
    public var imageUpload: ImageUploadRule
    /// How many uploaded files, and how many bytes of them, one user may hold at once.
    public var mediaQuota: MediaQuota
    /// How long an account waits in pending deletion, during which its owner can cancel, before
    /// the purge deletes it: 30 days unless a server sets its own (`Docs/Lifecycle.md`).
    public var deletionGracePeriod: Duration = .seconds(30 * 24 * 60 * 60)
    /// Renames of the first segment of every field path this policy reports, so that paths read as
    /// the preset's wire format spells them (`firstName` -> `first_name` for Django). Canonical
    /// names (``ProfileDomain/ProfileField`` raw values, `email`, `phoneNumber`, `preferences`) otherwise.
    public var wireNames: [String: String]

    /// Creates a policy from every limit; the presets are the usual starting point.
    public init(
        name: String,
        requiredOnCreate: Set<ProfileField>,
        updatableFields: Set<ProfileField>,
        acceptsAccountChanges: Bool,
        acceptsPreferencesChanges: Bool,
        usernameLength: ClosedRange<Int>,
        reservedUsernames: Set<String>,
        usernameChangeCooldown: Duration?,
        displayName: TextRule,
        firstName: TextRule,
        middleName: TextRule,
        lastName: TextRule,
        bio: TextRule,
        locationPart: TextRule,
        locationText: TextRule,
        niches: NicheRule,
        socialLinks: SocialLinkPolicy,
        imageURLMaximumLength: Int,
        imageURLExtensions: [String],
        maximumPictureURLs: Int,
        emailMaximumLength: Int,
        requiresEmail: Bool,
        phoneFormat: PhoneFormat,
        preferences: PreferencesRule,
        imageUpload: ImageUploadRule,
        wireNames: [String: String],
        mediaQuota: MediaQuota = MediaQuota()
    ) {
        self.name = name
        self.requiredOnCreate = requiredOnCreate
        self.updatableFields = updatableFields
        self.requiredMask = FieldMask(requiredOnCreate)
        self.updatableMask = FieldMask(updatableFields)
        self.acceptsAccountChanges = acceptsAccountChanges
        self.acceptsPreferencesChanges = acceptsPreferencesChanges
        self.usernameLength = usernameLength
        self.reservedUsernames = reservedUsernames
        self.reservedFilter = ReservedNameFilter(reservedUsernames)
        self.usernameChangeCooldown = usernameChangeCooldown
        self.displayName = displayName
        self.firstName = firstName
        self.middleName = middleName
        self.lastName = lastName
        self.bio = bio
        self.locationPart = locationPart
        self.locationText = locationText
        self.niches = niches
        self.socialLinks = socialLinks
        self.imageURLMaximumLength = imageURLMaximumLength
        self.imageURLExtensions = imageURLExtensions
        self.maximumPictureURLs = maximumPictureURLs
        self.emailMaximumLength = emailMaximumLength
        self.requiresEmail = requiresEmail
        self.phoneFormat = phoneFormat
        self.preferences = preferences
        self.imageUpload = imageUpload
        self.wireNames = wireNames
        self.mediaQuota = mediaQuota
    }

    /// The path a report shows for a canonical path: its first segment renamed by ``wireNames``.
    public func wirePath(_ canonicalPath: String) -> String {
        guard !wireNames.isEmpty else { return canonicalPath }
        let end = canonicalPath.firstIndex(where: { $0 == "." || $0 == "[" }) ?? canonicalPath.endIndex
        guard let renamed = wireNames[String(canonicalPath[..<end])] else { return canonicalPath }
        return renamed + canonicalPath[end...]
    }
}
