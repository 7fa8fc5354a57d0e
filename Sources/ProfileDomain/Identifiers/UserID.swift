#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The identifier of a user, as the server's identity provider issues it.
///
/// A `UserID` is opaque: a UUID in the social spec, an integer primary key in the Django spec,
/// a `sub` claim of a JWT in a real server. It is never confused with a ``ProfileID``: the two are
/// distinct types. On the wire it is a JSON string.
///
/// A value that exists is valid: 1 to ``maximumLength`` printable ASCII characters, no spaces.
public struct UserID: OpaqueIdentifier {
    /// The identifier as issued.
    public let rawValue: String

    /// Creates an identifier from its raw string, or `nil` when the string is empty, longer than
    /// ``maximumLength``, or holds a space, a control or a non-ASCII character.
    public init?(_ rawValue: String) {
        guard Self.isWellFormed(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    init(uncheckedRawValue: String) {
        self.rawValue = uncheckedRawValue
    }

    /// A new random identifier (a lowercase UUID).
    public static func random() -> UserID {
        UserID(uncheckedRawValue: UUID().uuidString.lowercased())
    }
}
