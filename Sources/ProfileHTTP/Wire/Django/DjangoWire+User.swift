import ProfileDomain

extension DjangoWire {
    /// The `UsersSerializer` object, the body of `POST /api/users/profile/` and of a successful
    /// `PUT /api/users/update-profile/<pk>/`:
    /// `{id, username, email, first_name, last_name, number_phone, avatar}`.
    ///
    /// - `id`: Django's primary key is an integer, so a ``ProfileDomain/UserID`` whose raw value looks like one
    ///   (ASCII digits, no leading zero, at most 15 digits so that JavaScript reads it exactly) is
    ///   written as a JSON number; any other id as a string. Both decode.
    /// - `first_name`, `last_name` and `email` follow Django's `CharField` convention: an unset
    ///   value is `""`, never `null`.
    /// - `username`, `number_phone` and `avatar` are `null` when unset. `avatar` is the stored
    ///   media path (`/media/avatars/profile_123.jpg`) or URL, as the profile holds it.
    public struct User: Sendable, Hashable, Codable {
        /// The user id.
        public let id: UserID
        /// The handle.
        public let username: String?
        /// The email, `""` when unset.
        public let email: String
        /// The first name, `""` when unset.
        public let firstName: String
        /// The last name, `""` when unset.
        public let lastName: String
        /// The phone number.
        public let numberPhone: String?
        /// The avatar's path or URL.
        public let avatar: String?

        /// Creates a user object from its fields.
        init(
            id: UserID, username: String?, email: String, firstName: String, lastName: String,
            numberPhone: String?, avatar: String?
        ) {
            self.id = id
            self.username = username
            self.email = email
            self.firstName = firstName
            self.lastName = lastName
            self.numberPhone = numberPhone
            self.avatar = avatar
        }

        /// The object for the owner's view.
        public init(_ view: OwnerProfileView) {
            self.init(
                id: view.userID, username: view.profile?.username?.rawValue, email: view.account.email ?? "",
                firstName: view.profile?.firstName ?? "", lastName: view.profile?.lastName ?? "",
                numberPhone: view.account.phoneNumber, avatar: view.profile?.avatar)
        }

        private enum CodingKeys: String, CodingKey {
            case id, username, email
            case firstName = "first_name"
            case lastName = "last_name"
            case numberPhone = "number_phone"
            case avatar
        }

        /// Decodes the object; `id` may be a number or a string.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.id = try Self.decodeID(from: container)
            self.username = try container.decodeIfPresent(String.self, forKey: .username)
            self.email = try container.decodeIfPresent(String.self, forKey: .email) ?? ""
            self.firstName = try container.decodeIfPresent(String.self, forKey: .firstName) ?? ""
            self.lastName = try container.decodeIfPresent(String.self, forKey: .lastName) ?? ""
            self.numberPhone = try container.decodeIfPresent(String.self, forKey: .numberPhone)
            self.avatar = try container.decodeIfPresent(String.self, forKey: .avatar)
        }

        /// Encodes every key; see the type's documentation for `id` and unset values.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if let number = Self.integerKey(id) {
                try container.encode(number, forKey: .id)
            } else {
                try container.encode(id, forKey: .id)
            }
            try container.encode(username, forKey: .username)
            try container.encode(email, forKey: .email)
            try container.encode(firstName, forKey: .firstName)
            try container.encode(lastName, forKey: .lastName)
            try container.encode(numberPhone, forKey: .numberPhone)
            try container.encode(avatar, forKey: .avatar)
        }

        /// The id as an integer when it is one Django would have issued, else `nil`.
        static func integerKey(_ id: UserID) -> Int64? {
            let digits = id.rawValue.utf8
            guard digits.count <= 15, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                digits.first != UInt8(ascii: "0") || digits.count == 1
            else { return nil }
            return Int64(id.rawValue)
        }

        private static func decodeID(from container: KeyedDecodingContainer<CodingKeys>) throws -> UserID {
            if let number = try? container.decode(Int64.self, forKey: .id) {
                guard let id = UserID(String(number)) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .id, in: container, debugDescription: "id \(number) is not a valid user id")
                }
                return id
            }
            return try container.decode(UserID.self, forKey: .id)
        }
    }
}
