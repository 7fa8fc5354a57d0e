import ProfileDomain

extension ValidationPolicy {
    /// Names no one may claim as a username, by canonical key: routes, roles and words a client
    /// could mistake for a system value. Servers add their own brand names.
    public static let defaultReservedUsernames: Set<String> = [
        "about", "account", "accounts", "admin", "administrator", "all", "anonymous", "api", "app", "assets",
        "auth", "billing", "blog", "cdn", "contact", "dashboard", "delete", "edit", "email", "everyone",
        "false", "guest", "help", "here", "id", "login", "logout", "mail", "me", "media", "moderator",
        "mod", "new", "nil", "nobody", "none", "null", "official", "owner", "profile", "profiles", "register",
        "root", "security", "settings", "signin", "signup", "staff", "static", "status", "superuser",
        "support", "system", "test", "true", "u", "undefined", "update", "user", "users", "www",
    ]

    /// The path extensions the social spec allows for picture URLs.
    public static let defaultImageURLExtensions = ["jpg", "jpeg", "png", "gif", "webp"]

    /// The rules every preset starts from; each preset then states only where its spec differs.
    ///
    /// Nothing required or updatable, no account, preference or username-cooldown rules, and these
    /// limits. From the creator spec: username 3-30, displayName 1-50, bio <= 500, niche 1-5
    /// (``NicheRule``). From the social spec: firstName and lastName 1-30, middleName <= 30 and
    /// nullable, at most 5 picture URLs, image URLs <= 500 characters ending in one of
    /// ``defaultImageURLExtensions``. The library's own, where no spec sets one: location parts
    /// <= 100, location text <= 200, email <= 254 (the longest address SMTP carries), phone in
    /// E.164, and the defaults of ``SocialLinkPolicy`` (https only, no bare handles, <= 500),
    /// ``PreferencesRule``, ``ImageUploadRule`` and ``MediaQuota`` (2 files, 10 MiB per user: an
    /// attached avatar and one pending upload).
    private static let presetBase = ValidationPolicy(
        name: "base",
        requiredOnCreate: [],
        updatableFields: [],
        acceptsAccountChanges: false,
        acceptsPreferencesChanges: false,
        usernameLength: 3...30,
        reservedUsernames: defaultReservedUsernames,
        usernameChangeCooldown: nil,
        displayName: .singleLine(1...50),
        firstName: .singleLine(1...30),
        middleName: .optionalLine(maximum: 30),
        lastName: .singleLine(1...30),
        bio: .multiLine(maximum: 500),
        locationPart: .optionalLine(maximum: 100),
        locationText: .optionalLine(maximum: 200),
        niches: NicheRule(),
        socialLinks: SocialLinkPolicy(),
        imageURLMaximumLength: 500,
        imageURLExtensions: defaultImageURLExtensions,
        maximumPictureURLs: 5,
        emailMaximumLength: 254,
        requiresEmail: false,
        phoneFormat: .e164,
        preferences: PreferencesRule(),
        imageUpload: ImageUploadRule(),
        wireNames: [:]
    )

    /// ``presetBase`` named `name`, with `changes` applied.
    private static func preset(_ name: String, _ changes: (inout ValidationPolicy) -> Void) -> ValidationPolicy {
        var policy = presetBase
        policy.name = name
        changes(&policy)
        return policy
    }

    /// The creator spec (`PUT /api/v1/profiles/me`).
    ///
    /// From the spec: username 3-30 of `[A-Za-z0-9_]`, displayName <= 50, bio <= 500, niche 1-5,
    /// all four required (on create); these limits are the shared base's. The spec leaves location
    /// parts, niche items and links unbounded; the library sets location parts <= 100, niche items
    /// 1-30, links <= 500 and accepts bare handles in `socialLinks` (its own sample sends
    /// `https://tiktok.com/@johndoe`, and creators type `@johndoe`), normalised to the canonical
    /// URL. Avatar is an https image URL or the caller's own upload; `upload-media` keeps the shared
    /// base's quota (2 files, 10 MiB: the avatar in use and one pending replacement).
    public static let creator = preset("creator") { policy in
        policy.requiredOnCreate = [.username, .displayName, .bio, .niches]
        policy.updatableFields = [.username, .displayName, .bio, .niches, .location, .socialLinks, .avatar]
        // Creators are found by handle from links elsewhere: a month to reclaim after a rename,
        // a quarter before a deleted creator's name can be taken by someone else.
        policy.usernameHoldAfterRename = .lasting(.seconds(30 * 24 * 60 * 60))
        policy.usernameHoldAfterDeletion = .lasting(.seconds(90 * 24 * 60 * 60))
        policy.socialLinks.acceptsBareHandles = true
    }

    /// The social spec (`PUT /api/v1/profile/update`, `POST /api/v1/account/username/change`).
    ///
    /// From the spec: firstName and lastName 1-30 when present, middleName <= 30 and nullable,
    /// profilePictureUrls <= 5 https image URLs of <= 500 characters (all the shared base's). The
    /// spec sets no limit on bio and location; the library caps bio at 1,000 characters and
    /// location at 200. Usernames (changed through the account endpoint) are 3-30 with a 30-day
    /// change cooldown. Username, email and phone are not updatable here (`not_updatable_here`).
    public static let social = preset("social") { policy in
        policy.updatableFields = [.firstName, .middleName, .lastName, .bio, .location, .pictureURLs]
        policy.usernameChangeCooldown = .seconds(30 * 24 * 60 * 60)
        // Longer than the cooldown, so the owner can still reclaim once it ends; a deleted
        // account's name is never reused (mentions and replies keep pointing at it).
        policy.usernameHoldAfterRename = .lasting(.seconds(90 * 24 * 60 * 60))
        policy.usernameHoldAfterDeletion = .forever
        policy.bio = .multiLine(maximum: 1000)
    }

    /// The mobile spec (`POST /mobile/user/profile`).
    ///
    /// From the spec's columns: display_name `VARCHAR(100)`, voice_preference `VARCHAR(20)`,
    /// default_scenario `VARCHAR(50)`. Voices default to the OpenAI set (``PreferencesRule``);
    /// up to 32 further preference keys. Paths use the spec's snake case (`display_name`).
    public static let mobile = preset("mobile") { policy in
        policy.updatableFields = [.displayName]
        policy.acceptsPreferencesChanges = true
        policy.displayName = .singleLine(1...100)
        policy.usernameHoldAfterRename = .lasting(.seconds(14 * 24 * 60 * 60))
        policy.usernameHoldAfterDeletion = .lasting(.seconds(30 * 24 * 60 * 60))
        policy.wireNames = ["displayName": "display_name"]
    }

    /// The Django spec (`PUT /api/users/update-profile/<pk>/`).
    ///
    /// From the model: email <= 200 and required (`REQUIRED_FIELDS`), first_name and last_name
    /// <= 200 with blank allowed (an empty value clears them), number_phone <= 10: national digits
    /// only (the spec's samples are `0987654321`; `+` and a country code do not fit ten
    /// characters), 7 to 10 of them. Avatars are uploads (jpg, jpeg, png, gif, webp, bmp) checked by
    /// magic bytes; the avatar path is server-owned. Usernames are Django's, so 1-64 (the most a
    /// ``ProfileDomain/Username`` holds). Paths use the spec's snake case. An avatar upload is
    /// attached in the request that sends it, replacing the previous one, so the quota is 1 file of
    /// 5 MiB.
    public static let django = preset("django") { policy in
        policy.updatableFields = [.firstName, .lastName]
        policy.acceptsAccountChanges = true
        policy.usernameLength = 1...Username.maximumLength
        policy.firstName = .optionalLine(maximum: 200)
        policy.lastName = .optionalLine(maximum: 200)
        policy.emailMaximumLength = 200
        policy.requiresEmail = true
        policy.phoneFormat = .digits(minimum: 7, maximum: 10)
        policy.usernameHoldAfterRename = .lasting(.seconds(7 * 24 * 60 * 60))
        policy.usernameHoldAfterDeletion = .lasting(.seconds(30 * 24 * 60 * 60))
        policy.imageUpload.formats = Set(ImageFormat.allCases)
        policy.mediaQuota = MediaQuota(maximumFiles: 1, maximumBytes: policy.imageUpload.maximumBytes)
        policy.wireNames = ["firstName": "first_name", "lastName": "last_name", "phoneNumber": "number_phone"]
    }

    /// The strictest combination of the four presets, accepting every field.
    ///
    /// The creator's required fields and limits, the social spec's name limits (1-30) and picture
    /// rules, the mobile preference rules, the Django spec's email <= 200, phone in E.164 (the form
    /// that holds any country), https-only links without bare handles, the social spec's 30-day
    /// username cooldown, uploads of jpeg, png, gif and webp only, and the shared base's media quota
    /// (the creator's upload flow needs two files, so Django's one is not the stricter choice here).
    /// Paths are canonical camelCase.
    public static let `default` = preset("default") { policy in
        policy.requiredOnCreate = creator.requiredOnCreate
        policy.updatableFields = Set(ProfileField.allCases)
        policy.acceptsAccountChanges = true
        policy.acceptsPreferencesChanges = true
        policy.usernameChangeCooldown = social.usernameChangeCooldown
        policy.usernameHoldAfterRename = social.usernameHoldAfterRename
        policy.usernameHoldAfterDeletion = social.usernameHoldAfterDeletion
        policy.displayName = creator.displayName.combined(with: mobile.displayName)
        policy.bio = creator.bio.combined(with: social.bio)
        policy.emailMaximumLength = django.emailMaximumLength
    }

    /// Every preset, in the order the docs list them.
    public static let presets: [ValidationPolicy] = [.creator, .social, .mobile, .django, .default]
}
