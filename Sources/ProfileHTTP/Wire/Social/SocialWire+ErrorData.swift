import ProfileDomain

extension SocialWire {
    /// The `data` member of a social error envelope: the message again as a string, or, for
    /// `422 UNPROCESSABLE_ENTITY`, a map from field to message.
    public enum ErrorData: Sendable, Hashable, Codable {
        /// `"data": "User not found"`.
        case message(String)
        /// `"data": {"firstName": "First name must be between 1 and 30 characters"}`.
        case fields([String: String])

        /// Decodes a string or an object of strings.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let message = try? container.decode(String.self) {
                self = .message(message)
            } else {
                self = .fields(try container.decode([String: String].self))
            }
        }

        /// Encodes the string or the object.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .message(let message): try container.encode(message)
            case .fields(let fields): try container.encode(fields)
            }
        }
    }
}
