import ProfileDomain

extension SocialWire {
    /// The body of `POST /api/v1/account/username/change`, which the social spec names but does not
    /// describe; this is the library's design: `{"newUsername": "john_doe"}`.
    ///
    /// `newUsername` is required and must be a string (otherwise `DecodingError`); it is the handle
    /// without `@` (the `@` form is for look-ups only; validation reports it). Any other key is
    /// reported in ``rejectedFields`` (`read_only` for server-owned keys, else `unknown_field`).
    public struct UsernameChangeRequest: ProfileUpdateRequest, Hashable {
        /// The handle asked for, as typed.
        public var newUsername: String
        /// Keys the body carried but may not, as field errors.
        public var rejectedFields: [FieldError]

        /// Creates a request.
        public init(newUsername: String, rejectedFields: [FieldError] = []) {
            self.newUsername = newUsername
            self.rejectedFields = rejectedFields
        }

        /// The update this request asks for: the profile's username, nothing else.
        public var update: ProfileUpdate {
            ProfileUpdate(profile: ProfilePatch(username: .value(newUsername)), rejectedFields: rejectedFields)
        }

        static let screen = RequestKeyScreen(
            accepted: ["newUsername"],
            serverOwned: ["id", "userId", "createdAt", "editedAt", "updatedAt", "version", "roles", "isVerified"]
        )

        /// Decodes the body; see the type's documentation.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: DynamicCodingKey.self)
            self.newUsername = try container.decode(String.self, forKey: DynamicCodingKey("newUsername"))
            self.rejectedFields = Self.screen.rejections(in: container)
        }

        /// Encodes `{"newUsername": ...}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicCodingKey.self)
            try container.encode(newUsername, forKey: DynamicCodingKey("newUsername"))
        }
    }
}
