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

    /// The creator spec (`PUT /api/v1/profiles/me`).
    ///
    /// From the spec: username 3-30 of `[A-Za-z0-9_]`, displayName <= 50, bio <= 500, niche 1-5,
    /// all four required (on create). The spec leaves location parts, niche items and links
    /// unbounded; the library sets location parts <= 100, niche items 1-30, links <= 500 and
    /// accepts bare handles in `socialLinks` (its own sample sends `https://tiktok.com/@johndoe`, and
    /// creators type `@johndoe`), normalised to the canonical URL. Avatar is an https image URL.
    public static let creator = ValidationPolicy(
        name: "creator",
        requiredOnCreate: [.username, .displayName, .bio, .niches],
        updatableFields: [.username, .displayName, .bio, .niches, .location, .socialLinks, .avatar],
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
        socialLinks: SocialLinkPolicy(allowsHTTP: false, acceptsBareHandles: true, maximumLength: 500),
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

    /// The social spec (`PUT /api/v1/profile/update`, `POST /api/v1/account/username/change`).
    ///
    /// From the spec: firstName and lastName 1-30 when present, middleName <= 30 and nullable,
    /// profilePictureUrls <= 5 https image URLs of <= 500 characters. The spec sets no limit on
    /// bio and location; the library caps bio at 1,000 characters and location at 200. Usernames
    /// (changed through the account endpoint) are 3-30 with a 30-day change cooldown. Username,
    /// email and phone are not updatable here (`not_updatable_here`).
    public static let social = ValidationPolicy(
        name: "social",
        requiredOnCreate: [],
        updatableFields: [.firstName, .middleName, .lastName, .bio, .location, .pictureURLs],
        acceptsAccountChanges: false,
        acceptsPreferencesChanges: false,
        usernameLength: 3...30,
        reservedUsernames: defaultReservedUsernames,
        usernameChangeCooldown: .seconds(30 * 24 * 60 * 60),
        displayName: .singleLine(1...50),
        firstName: .singleLine(1...30),
        middleName: .optionalLine(maximum: 30),
        lastName: .singleLine(1...30),
        bio: .multiLine(maximum: 1000),
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

    /// The mobile spec (`POST /mobile/user/profile`).
    ///
    /// From the spec's columns: display_name `VARCHAR(100)`, voice_preference `VARCHAR(20)`,
    /// default_scenario `VARCHAR(50)`. Voices default to the OpenAI set (``PreferencesRule``);
    /// up to 32 further preference keys. Paths use the spec's snake case (`display_name`).
    public static let mobile = ValidationPolicy(
        name: "mobile",
        requiredOnCreate: [],
        updatableFields: [.displayName],
        acceptsAccountChanges: false,
        acceptsPreferencesChanges: true,
        usernameLength: 3...30,
        reservedUsernames: defaultReservedUsernames,
        usernameChangeCooldown: nil,
        displayName: .singleLine(1...100),
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
        wireNames: ["displayName": "display_name"]
    )

    /// The Django spec (`PUT /api/users/update-profile/<pk>/`).
    ///
    /// From the model: email <= 200 and required (`REQUIRED_FIELDS`), first_name and last_name
    /// <= 200 with blank allowed (an empty value clears them), number_phone <= 10: national digits
    /// only (the spec's samples are `0987654321`; `+` and a country code do not fit ten
    /// characters), 7 to 10 of them. Avatars are uploads (jpg, jpeg, png, gif, webp, bmp) checked by
    /// magic bytes; the avatar path is server-owned. Usernames are Django's, so 1-64 (the most a
    /// ``Username`` holds). Paths use the spec's snake case.
    public static let django = ValidationPolicy(
        name: "django",
        requiredOnCreate: [],
        updatableFields: [.firstName, .lastName],
        acceptsAccountChanges: true,
        acceptsPreferencesChanges: false,
        usernameLength: 1...Username.maximumLength,
        reservedUsernames: defaultReservedUsernames,
        usernameChangeCooldown: nil,
        displayName: .singleLine(1...50),
        firstName: .optionalLine(maximum: 200),
        middleName: .optionalLine(maximum: 30),
        lastName: .optionalLine(maximum: 200),
        bio: .multiLine(maximum: 500),
        locationPart: .optionalLine(maximum: 100),
        locationText: .optionalLine(maximum: 200),
        niches: NicheRule(),
        socialLinks: SocialLinkPolicy(),
        imageURLMaximumLength: 500,
        imageURLExtensions: defaultImageURLExtensions,
        maximumPictureURLs: 5,
        emailMaximumLength: 200,
        requiresEmail: true,
        phoneFormat: .digits(minimum: 7, maximum: 10),
        preferences: PreferencesRule(),
        imageUpload: ImageUploadRule(formats: Set(ImageFormat.allCases)),
        wireNames: ["firstName": "first_name", "lastName": "last_name", "phoneNumber": "number_phone"]
    )

    /// The strictest combination of the four presets, accepting every field.
    ///
    /// The creator's required fields and limits, the social spec's name limits (1-30) and picture
    /// rules, the mobile preference rules, email <= 200, phone in E.164 (the form that holds any
    /// country), https-only links without bare handles, the social spec's 30-day username cooldown,
    /// uploads of jpeg, png, gif and webp only. Paths are canonical camelCase.
    public static let `default` = ValidationPolicy(
        name: "default",
        requiredOnCreate: creator.requiredOnCreate,
        updatableFields: Set(ProfileField.allCases),
        acceptsAccountChanges: true,
        acceptsPreferencesChanges: true,
        usernameLength: 3...30,
        reservedUsernames: defaultReservedUsernames,
        usernameChangeCooldown: social.usernameChangeCooldown,
        displayName: creator.displayName.combined(with: mobile.displayName),
        firstName: social.firstName,
        middleName: social.middleName,
        lastName: social.lastName,
        bio: creator.bio.combined(with: social.bio),
        locationPart: creator.locationPart,
        locationText: social.locationText,
        niches: NicheRule(),
        socialLinks: SocialLinkPolicy(allowsHTTP: false, acceptsBareHandles: false, maximumLength: 500),
        imageURLMaximumLength: 500,
        imageURLExtensions: defaultImageURLExtensions,
        maximumPictureURLs: 5,
        emailMaximumLength: 200,
        requiresEmail: false,
        phoneFormat: .e164,
        preferences: PreferencesRule(),
        imageUpload: ImageUploadRule(),
        wireNames: [:]
    )

    /// Every preset, in the order the docs list them.
    public static let presets: [ValidationPolicy] = [.creator, .social, .mobile, .django, .default]
}
