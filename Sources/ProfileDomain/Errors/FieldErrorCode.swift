/// A stable, machine-readable reason a field was rejected, such as `too_long` or `required`.
///
/// Codes never change once published; frontends switch on them to localise messages. The set is
/// open (a server may add its own) but the library uses only the static members below.
public struct FieldErrorCode: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The code, lower snake case.
    public let rawValue: String

    /// Creates a code from its raw string.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a code from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The raw code.
    public var description: String { rawValue }

    /// Decodes a JSON string.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the raw string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// A required field is absent on create, or `null` or empty on any request.
    public static let required: FieldErrorCode = "required"
    /// Longer than the policy allows (characters, bytes or items).
    public static let tooLong: FieldErrorCode = "too_long"
    /// Shorter than the policy allows (characters or items).
    public static let tooShort: FieldErrorCode = "too_short"
    /// Holds characters the field does not allow.
    public static let invalidCharacters: FieldErrorCode = "invalid_characters"
    /// Holds control, bidi-override, zero-width or other invisible characters.
    public static let forbiddenCharacters: FieldErrorCode = "forbidden_characters"
    /// A JSON value of the wrong type (a number where a string belongs).
    public static let wrongType: FieldErrorCode = "wrong_type"
    /// Not in the expected format (email, phone, UUID, date).
    public static let invalidFormat: FieldErrorCode = "invalid_format"
    /// A value outside the allowed set.
    public static let notAllowed: FieldErrorCode = "not_allowed"
    /// A name reserved by the platform (`admin`, `root`, ...).
    public static let reserved: FieldErrorCode = "reserved"
    /// A value another user already holds (username, email).
    public static let taken: FieldErrorCode = "taken"
    /// The same item appears twice in a list.
    public static let duplicate: FieldErrorCode = "duplicate"
    /// A URL that is not a URL.
    public static let invalidURL: FieldErrorCode = "invalid_url"
    /// A URL whose scheme is not `https`.
    public static let notHTTPS: FieldErrorCode = "not_https"
    /// A URL with a forbidden host (IP literal, localhost, wrong platform).
    public static let forbiddenHost: FieldErrorCode = "forbidden_host"
    /// A URL carrying user information (`https://a@b`).
    public static let userInfoNotAllowed: FieldErrorCode = "userinfo_not_allowed"
    /// An image URL or file of a type the policy does not accept.
    public static let unsupportedType: FieldErrorCode = "unsupported_type"
    /// A key the request type does not know.
    public static let unknownField: FieldErrorCode = "unknown_field"
    /// A server-owned field sent with a value that differs from the stored one.
    public static let readOnly: FieldErrorCode = "read_only"
    /// A field this endpoint does not change; another operation does.
    public static let notUpdatableHere: FieldErrorCode = "not_updatable_here"
    /// An image larger than the policy allows, in bytes or pixels.
    public static let tooLarge: FieldErrorCode = "too_large"
    /// A body nested deeper than the decoder accepts.
    public static let tooDeep: FieldErrorCode = "too_deep"
    /// A key sent twice in one JSON object.
    public static let duplicateKey: FieldErrorCode = "duplicate_key"
    /// A body that is not valid JSON.
    public static let malformed: FieldErrorCode = "malformed"
    /// A change refused because it was made too recently (username cooldown).
    public static let tooSoon: FieldErrorCode = "too_soon"
    /// A JSON number beyond the range of a double-precision number, or so small that it would
    /// round to zero.
    public static let outOfRange: FieldErrorCode = "out_of_range"
    /// A key that differs from another key of the same object only in its Unicode form (`é` as
    /// U+00E9 and as `e` + U+0301): distinct in JSON, one key once decoded into a dictionary.
    public static let equivalentKey: FieldErrorCode = "equivalent_key"
}
