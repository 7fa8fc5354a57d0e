/// A public handle such as `john_doe`: ASCII letters, digits and underscores, compared
/// case-insensitively through its ``canonicalKey``.
///
/// A `Username` that exists is well formed: 1 to ``maximumLength`` characters of `[A-Za-z0-9_]`.
/// Which lengths a server accepts (the creator spec's 3 to 30) and which names are reserved is the
/// business of `ValidationPolicy`, not of this type.
///
/// Non-ASCII input is rejected, never mapped: a full-width `ｊｏｈｎ` or a Cyrillic `јohn` is not
/// a spelling of `john`, it is an invalid username. That keeps the canonical key a plain ASCII
/// lowercase, which is idempotent by construction (the 2013 Spotify take-over came from a
/// canonicalisation that was not).
///
/// ```swift
/// let name = Username("John_Doe")          // display form "John_Doe", key "john_doe"
/// let found = Username(lookup: "@john_doe") // "@" is accepted on look-up only
/// ```
public struct Username: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The handle as its owner typed it, case preserved, without `@`.
    public let rawValue: String

    /// The longest handle the type holds; policies set their own, lower, limits.
    public static let maximumLength = 64

    /// Creates a username from a handle, or `nil` unless it is 1 to ``maximumLength`` characters
    /// of `[A-Za-z0-9_]`. A leading `@` is not accepted here (see ``init(lookup:)``).
    public init?(_ rawValue: String) {
        let utf8 = rawValue.utf8
        guard !utf8.isEmpty, utf8.count <= Self.maximumLength, utf8.allSatisfy(Self.isAllowed) else {
            return nil
        }
        self.rawValue = rawValue
    }

    /// A username from a handle that validation has already checked (`ValidationPolicy`'s username
    /// rule accepts only well-formed handles), so that the check is not run a second time.
    package init(checked rawValue: String) {
        self.rawValue = rawValue
    }

    /// Parses a handle typed in a look-up (a URL path, a mention): one leading `@` is dropped,
    /// then the rest must be a valid username.
    ///
    /// `@@john` and `@` are `nil`: only one `@` is part of the look-up syntax.
    public init?(lookup: String) {
        let handle = lookup.utf8.first == UInt8(ascii: "@") ? String(lookup.dropFirst()) : lookup
        self.init(handle)
    }

    /// The key that decides uniqueness and look-up: the handle with ASCII letters lowercased.
    public var canonicalKey: String { Self.canonicalKey(for: rawValue) }

    /// The canonical key of any string: ASCII `A`-`Z` become `a`-`z`, every other scalar is kept.
    ///
    /// The function is idempotent for every input, ASCII or not: `canonicalKey(for:
    /// canonicalKey(for: s)) == canonicalKey(for: s)`. It performs no Unicode case folding or
    /// normalisation on purpose; non-ASCII handles never become ``Username`` values.
    public static func canonicalKey(for string: String) -> String {
        var bytes = Array(string.utf8)
        var changed = false
        for index in bytes.indices where bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z") {
            bytes[index] += 0x20
            changed = true
        }
        guard changed else { return string }
        // Only ASCII bytes changed, each to another ASCII byte, so the bytes remain valid UTF-8.
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether two usernames name the same account (same canonical key).
    public func isSameHandle(as other: Username) -> Bool { canonicalKey == other.canonicalKey }

    /// The handle as typed.
    public var description: String { rawValue }

    /// Orders usernames by canonical key, then by display form.
    public static func < (lhs: Username, rhs: Username) -> Bool {
        (lhs.canonicalKey, lhs.rawValue) < (rhs.canonicalKey, rhs.rawValue)
    }

    /// Decodes a JSON string that must be a valid username (no `@`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let username = Username(string) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "a username is 1 to \(Self.maximumLength) characters of A-Z, a-z, 0-9 and _"
            )
        }
        self = username
    }

    /// Encodes the handle as typed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
