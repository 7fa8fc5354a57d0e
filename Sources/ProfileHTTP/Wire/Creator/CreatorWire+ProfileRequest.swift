import ProfileDomain

extension CreatorWire {
    /// The body of `PUT /api/v1/profiles/me` (upsert):
    /// `{username, displayName, bio, niche, location{city,state,country}, socialLinks{...}, avatar}`.
    ///
    /// Every key is absent (keep), `null` (clear) or a value; `location` and `socialLinks` merge
    /// key by key. `location` may also carry `text`, the free-form form other specs send, so that
    /// a location round-trips. Keys the body must not carry are reported in ``rejectedFields``:
    /// server-owned keys (`id`, `userId`, `createdAt`, `email`, the counts, ...) as `read_only`, anything else
    /// (including a social platform the model does not know) as `unknown_field`. A value of the
    /// wrong JSON type throws `DecodingError`.
    public struct ProfileRequest: ProfileUpdateRequest, Hashable {
        /// The profile fields the body names.
        public var profile: ProfilePatch
        /// Keys the body carried but may not, as field errors.
        public var rejectedFields: [FieldError]

        /// Creates a request from a patch; only the creator spec's fields are encoded.
        public init(profile: ProfilePatch, rejectedFields: [FieldError] = []) {
            self.profile = profile
            self.rejectedFields = rejectedFields
        }

        /// The update this request asks for.
        public var update: ProfileUpdate {
            ProfileUpdate(profile: profile, rejectedFields: rejectedFields)
        }

        static let screen = RequestKeyScreen(
            accepted: ["username", "displayName", "bio", "niche", "location", "socialLinks", "avatar"],
            serverOwned: [
                "id", "userId", "createdAt", "updatedAt", "version", "email", "phoneNumber", "roles",
                "isVerified", "isEmailVerified", "isPhoneVerified", "isTwoFactorEnabled", "isAccountLocked",
                "completeness", "counters", "editedAt", "followersCount", "followingCount", "postsCount",
                "shopsCount", "eventsCount", "securityStrength",
            ]
        )
        static let locationScreen = RequestKeyScreen(
            accepted: ["city", "state", "country", "text"], serverOwned: [])

        /// Decodes the body; see the type's documentation for what is accepted and rejected.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: DynamicCodingKey.self)
            var rejected = Self.screen.rejections(in: container)
            var patch = ProfilePatch()
            patch.username = try container.decodePatchField(forKey: "username")
            patch.displayName = try container.decodePatchField(forKey: "displayName")
            patch.bio = try container.decodePatchField(forKey: "bio")
            patch.niches = try container.decodePatchField(forKey: "niche")
            patch.avatar = try container.decodePatchField(forKey: "avatar")
            patch.location = try container.decodePatchObject(forKey: "location") { location in
                rejected += Self.locationScreen.rejections(in: location, under: "location")
                return LocationPatch(
                    city: try location.decodePatchField(forKey: "city"),
                    state: try location.decodePatchField(forKey: "state"),
                    country: try location.decodePatchField(forKey: "country"),
                    text: try location.decodePatchField(forKey: "text")
                )
            }
            patch.socialLinks = try container.decodePatchObject(forKey: "socialLinks") { links in
                var fields: [String: PatchField<String>] = [:]
                for key in links.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                    guard SocialPlatform(rawValue: key.stringValue) != nil else {
                        rejected.append(Self.unknownPlatform(key.stringValue))
                        continue
                    }
                    fields[key.stringValue] = try links.decodePatchField(String.self, forKey: key)
                }
                return fields
            }
            self.profile = patch
            self.rejectedFields = rejected
        }

        /// Encodes the patch's creator fields: absent fields write no key, `null` writes `null`.
        ///
        /// ``rejectedFields`` are not encoded: they describe a body, they are not part of one.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicCodingKey.self)
            try container.encodePatchField(profile.username, forKey: "username")
            try container.encodePatchField(profile.displayName, forKey: "displayName")
            try container.encodePatchField(profile.bio, forKey: "bio")
            try container.encodePatchField(profile.niches, forKey: "niche")
            try container.encodePatchField(profile.location, forKey: "location")
            if case .value(let links) = profile.socialLinks {
                var nested = container.nestedContainer(
                    keyedBy: DynamicCodingKey.self, forKey: DynamicCodingKey("socialLinks"))
                for (key, link) in links.sorted(by: { $0.key < $1.key }) {
                    try nested.encodePatchField(link, forKey: key)
                }
            } else {
                try container.encodePatchField(
                    profile.socialLinks.map { _ in [String: String]() }, forKey: "socialLinks")
            }
            try container.encodePatchField(profile.avatar, forKey: "avatar")
        }

        /// The domain's one wording of an unknown platform, so that decoding and validation agree.
        static func unknownPlatform(_ key: String) -> FieldError {
            .unknownPlatform(key)
        }
    }
}
