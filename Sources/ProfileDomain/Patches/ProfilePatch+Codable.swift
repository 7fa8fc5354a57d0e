extension ProfilePatch: Codable {
    private enum CodingKeys: String, CodingKey {
        case username, displayName, firstName, middleName, lastName, bio
        case niches = "niche"
        case location, socialLinks, avatar
        case pictureURLs = "profilePictureUrls"
    }

    /// Decodes the canonical camelCase body, telling absent keys from `null`.
    ///
    /// `location` may be an object of parts or a single string (the social spec's form, stored as
    /// ``LocationPatch/text``). Unknown keys are ignored here; the wire formats' request types
    /// report them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.username = try container.decodePatchField(forKey: .username)
        self.displayName = try container.decodePatchField(forKey: .displayName)
        self.firstName = try container.decodePatchField(forKey: .firstName)
        self.middleName = try container.decodePatchField(forKey: .middleName)
        self.lastName = try container.decodePatchField(forKey: .lastName)
        self.bio = try container.decodePatchField(forKey: .bio)
        self.niches = try container.decodePatchField(forKey: .niches)
        self.location = try container.decodePatchField(LocationPatchOrText.self, forKey: .location).map(\.patch)
        self.socialLinks = try container.decodePatchField(SocialLinksPatch.self, forKey: .socialLinks).map(\.links)
        self.avatar = try container.decodePatchField(forKey: .avatar)
        self.pictureURLs = try container.decodePatchField(forKey: .pictureURLs)
    }

    /// Encodes the present fields only: absent fields write no key, `null` fields write `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodePatchField(username, forKey: .username)
        try container.encodePatchField(displayName, forKey: .displayName)
        try container.encodePatchField(firstName, forKey: .firstName)
        try container.encodePatchField(middleName, forKey: .middleName)
        try container.encodePatchField(lastName, forKey: .lastName)
        try container.encodePatchField(bio, forKey: .bio)
        try container.encodePatchField(niches, forKey: .niches)
        try container.encodePatchField(location, forKey: .location)
        try container.encodePatchField(socialLinks.map(SocialLinksPatch.init(links:)), forKey: .socialLinks)
        try container.encodePatchField(avatar, forKey: .avatar)
        try container.encodePatchField(pictureURLs, forKey: .pictureURLs)
    }
}

/// A `location` value in either shape: an object of parts or one free-form string.
private struct LocationPatchOrText: Decodable {
    var patch: LocationPatch

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.patch = LocationPatch(text: .value(text))
        } else {
            self.patch = try LocationPatch(from: decoder)
        }
    }
}

/// The `socialLinks` object: any key, each value absent, `null` or a string.
struct SocialLinksPatch: Codable {
    var links: [String: PatchField<String>]

    init(links: [String: PatchField<String>]) {
        self.links = links
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DynamicCodingKey.self)
        var links: [String: PatchField<String>] = [:]
        for key in container.allKeys {
            links[key.stringValue] = try container.decodePatchField(String.self, forKey: key)
        }
        self.links = links
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicCodingKey.self)
        for (key, link) in links.sorted(by: { $0.key < $1.key }) {
            try container.encodePatchField(link, forKey: DynamicCodingKey(key))
        }
    }
}
