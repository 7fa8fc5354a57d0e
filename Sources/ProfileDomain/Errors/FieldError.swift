/// One rejected field: where, why (a stable code), the limit involved and a sentence for humans.
///
/// The path names the field as the request's wire format spells it: `bio`,
/// `socialLinks.instagram`, `profilePictureUrls[2]`, `preferences.voice_preference`.
/// The message says what was wrong and what would be right: "bio is 512 characters; the limit
/// is 500".
public struct FieldError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The field's path in the request body.
    public var field: String
    /// Why it was rejected.
    public var code: FieldErrorCode
    /// A sentence naming the problem and, where there is one, what would be accepted.
    public var message: String
    /// The limit the value broke (characters, bytes, items, pixels), when there is one.
    public var limit: Int?

    /// Creates a field error.
    public init(field: String, code: FieldErrorCode, message: String, limit: Int? = nil) {
        self.field = field
        self.code = code
        self.message = message
        self.limit = limit
    }

    /// `field: message (code)`.
    public var description: String { "\(field): \(message) (\(code))" }
}
