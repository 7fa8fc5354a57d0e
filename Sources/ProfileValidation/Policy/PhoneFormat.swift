/// How a phone number must be written.
///
/// Both formats accept spaces, `-`, `.`, `(` and `)` between digits and strip them, so
/// `(555) 123-4567` is stored as `5551234567`.
public enum PhoneFormat: Sendable, Hashable {
    /// National digits only, `minimum` to `maximum` of them, no `+` (the Django model's
    /// `CharField(max_length=10)` holds `0987654321`).
    case digits(minimum: Int, maximum: Int)
    /// E.164: `+`, a country code that does not start with 0, and 8 to 15 digits in all.
    case e164

    /// The most characters a stored number has.
    public var maximumLength: Int {
        switch self {
        case .digits(_, let maximum): maximum
        case .e164: 16
        }
    }
}
