/// The shared behaviour of ``UserID`` and ``ProfileID``: a validated opaque string that encodes
/// as a JSON string and prints as itself.
///
/// The protocol exists so that the two identifier types share one definition of well-formedness
/// and one `Codable` implementation while remaining distinct types that cannot be mixed up.
public protocol OpaqueIdentifier: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    LosslessStringConvertible
{
    /// The identifier's string.
    var rawValue: String { get }

    /// Creates an identifier from a string, or `nil` when it is not well formed.
    init?(_ rawValue: String)
}

extension OpaqueIdentifier {
    /// The longest identifier accepted: long enough for any UUID, ULID or JWT `sub` claim.
    public static var maximumLength: Int { 128 }

    /// Whether `string` is 1 to ``maximumLength`` visible ASCII characters (`!` to `~`).
    public static func isWellFormed(_ string: String) -> Bool {
        let utf8 = string.utf8
        guard !utf8.isEmpty, utf8.count <= maximumLength else { return false }
        return utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// The raw string.
    public var description: String { rawValue }

    /// Orders identifiers by their raw strings, so that listings are stable.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes a JSON string; a malformed identifier is a `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let identifier = Self(string) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\(Self.self) must be 1 to \(Self.maximumLength) visible ASCII characters"
            )
        }
        self = identifier
    }

    /// Encodes the raw string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
