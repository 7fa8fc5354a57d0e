import ProfileDomain

extension SocialWire {
    /// The body of `PUT /api/v1/profile/update`:
    /// `{firstName, lastName, middleName, bio, location, profilePictureUrls}`, every key optional.
    ///
    /// Each key is absent (keep), `null` (clear) or a value. `location` is one string, stored as
    /// the location's free-form ``ProfileDomain/Location/text`` (components another spec set are kept);
    /// `"location": null` clears the whole location. Keys that belong elsewhere are reported in
    /// ``rejectedFields`` as `not_updatable_here`: `userName`/`username` (use
    /// `POST /api/v1/account/username/change`), `email` and `phoneNumber` (use the Account Linking
    /// API). Server-owned keys (`id`, `createdAt`, `editedAt`, `roles`, `isVerified`, the counts,
    /// `securityStrength`, ...) are `read_only`; anything else is `unknown_field`. A value of the
    /// wrong JSON type throws `DecodingError`.
    public struct UpdateRequest: ProfileUpdateRequest, Hashable {
        /// The profile fields the body names.
        public var profile: ProfilePatch
        /// Keys the body carried but may not, as field errors.
        public var rejectedFields: [FieldError]

        /// Creates a request from a patch; only the fields this endpoint accepts are encoded.
        public init(profile: ProfilePatch, rejectedFields: [FieldError] = []) {
            self.profile = profile
            self.rejectedFields = rejectedFields
        }

        /// The update this request asks for.
        public var update: ProfileUpdate {
            ProfileUpdate(profile: profile, rejectedFields: rejectedFields)
        }

        static let usernamePointer = "to change your username use POST /api/v1/account/username/change"
        static let contactPointer =
            "to change your email or phone number use the Account Linking API (/api/v1/account/link)"

        static let screen = RequestKeyScreen(
            accepted: ["firstName", "lastName", "middleName", "bio", "location", "profilePictureUrls"],
            serverOwned: [
                "id", "userId", "createdAt", "editedAt", "updatedAt", "version", "roles", "isVerified",
                "isEmailVerified", "isPhoneVerified", "isTwoFactorEnabled", "isAccountLocked", "followersCount",
                "followingCount", "postsCount", "shopsCount", "eventsCount", "securityStrength", "isOwnProfile",
                "relationship",
            ],
            elsewhere: [
                "userName": usernamePointer, "username": usernamePointer,
                "email": contactPointer, "phoneNumber": contactPointer,
            ]
        )

        /// Decodes the body; see the type's documentation for what is accepted and rejected.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: DynamicCodingKey.self)
            var patch = ProfilePatch()
            patch.firstName = try container.decodePatchField(forKey: "firstName")
            patch.lastName = try container.decodePatchField(forKey: "lastName")
            patch.middleName = try container.decodePatchField(forKey: "middleName")
            patch.bio = try container.decodePatchField(forKey: "bio")
            patch.location = try container.decodePatchField(String.self, forKey: "location").map { text in
                LocationPatch(text: .value(text))
            }
            patch.pictureURLs = try container.decodePatchField(forKey: "profilePictureUrls")
            self.profile = patch
            self.rejectedFields = Self.screen.rejections(in: container)
        }

        /// Encodes the accepted fields: absent fields write no key, `null` writes `null`.
        ///
        /// A location patch is written as its text; one that only changes components (which this
        /// endpoint cannot express) writes no key.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicCodingKey.self)
            try container.encodePatchField(profile.firstName, forKey: "firstName")
            try container.encodePatchField(profile.lastName, forKey: "lastName")
            try container.encodePatchField(profile.middleName, forKey: "middleName")
            try container.encodePatchField(profile.bio, forKey: "bio")
            switch profile.location {
            case .absent: break
            case .null: try container.encodeNil(forKey: DynamicCodingKey("location"))
            case .value(let location): try container.encodePatchField(location.text, forKey: "location")
            }
            try container.encodePatchField(profile.pictureURLs, forKey: "profilePictureUrls")
        }
    }
}
