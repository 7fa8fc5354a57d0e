import ProfileDomain

extension DjangoWire {
    /// The JSON body of `PUT /api/users/update-profile/<pk>/` (a partial update):
    /// `{first_name, last_name, number_phone, email}`, every key optional.
    ///
    /// - `first_name`, `last_name`: into the profile. `""` (Django's blank) and `null` both clear
    ///   the name: the model stores "no name" as `nil`, and Django shows it as `""`.
    /// - `number_phone`: into the account; `""` and `null` both remove the number.
    /// - `email`: into the account as sent; `null` and `""` reach validation, which refuses an
    ///   empty email where the policy requires one.
    /// - `avatar` is uploaded as a file (`multipart/form-data`), so in a JSON body it is
    ///   `not_updatable_here`; `id`, `username` (the spec has no way to change it), `password`,
    ///   `date_joined` and other `AbstractUser` columns are `read_only`; anything else is
    ///   `unknown_field`. A value of the wrong JSON type throws `DecodingError`.
    public struct UpdateRequest: ProfileUpdateRequest, Hashable {
        /// The first name change.
        public var firstName: PatchField<String>
        /// The last name change.
        public var lastName: PatchField<String>
        /// The phone number change.
        public var numberPhone: PatchField<String>
        /// The email change.
        public var email: PatchField<String>
        /// Keys the body carried but may not, as field errors.
        public var rejectedFields: [FieldError]

        /// Creates a request; `""` for a name or phone means the same as `null`.
        public init(
            firstName: PatchField<String> = .absent,
            lastName: PatchField<String> = .absent,
            numberPhone: PatchField<String> = .absent,
            email: PatchField<String> = .absent,
            rejectedFields: [FieldError] = []
        ) {
            self.firstName = Self.blankAsNull(firstName)
            self.lastName = Self.blankAsNull(lastName)
            self.numberPhone = Self.blankAsNull(numberPhone)
            self.email = email
            self.rejectedFields = rejectedFields
        }

        /// The update this request asks for: names into the profile, phone and email into the
        /// account.
        public var update: ProfileUpdate {
            ProfileUpdate(
                profile: ProfilePatch(firstName: firstName, lastName: lastName),
                account: AccountPatch(email: email, phoneNumber: numberPhone),
                rejectedFields: rejectedFields)
        }

        static let screen = RequestKeyScreen(
            accepted: ["first_name", "last_name", "number_phone", "email"],
            serverOwned: [
                "id", "pk", "username", "password", "date_joined", "last_login", "is_active", "is_staff",
                "is_superuser", "groups", "user_permissions",
            ],
            elsewhere: ["avatar": "avatar is uploaded as a file: send multipart/form-data with an avatar part"]
        )

        private enum CodingKeys: String, CodingKey {
            case firstName = "first_name"
            case lastName = "last_name"
            case numberPhone = "number_phone"
            case email
        }

        /// Decodes the body; see the type's documentation for what is accepted and rejected.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                firstName: try container.decodePatchField(forKey: .firstName),
                lastName: try container.decodePatchField(forKey: .lastName),
                numberPhone: try container.decodePatchField(forKey: .numberPhone),
                email: try container.decodePatchField(forKey: .email),
                rejectedFields: Self.screen.rejections(in: try decoder.container(keyedBy: DynamicCodingKey.self))
            )
        }

        /// Encodes the named fields; a cleared name or phone is written as Django's `""`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodePatchField(Self.nullAsBlank(firstName), forKey: .firstName)
            try container.encodePatchField(Self.nullAsBlank(lastName), forKey: .lastName)
            try container.encodePatchField(Self.nullAsBlank(numberPhone), forKey: .numberPhone)
            try container.encodePatchField(email, forKey: .email)
        }

        private static func blankAsNull(_ field: PatchField<String>) -> PatchField<String> {
            field.value == "" ? .null : field
        }

        private static func nullAsBlank(_ field: PatchField<String>) -> PatchField<String> {
            field == .null ? .value("") : field
        }
    }
}
