#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The identifier of a profile record; never interchangeable with a ``UserID``.
///
/// Opaque like ``UserID``: a UUID by default (``random()``), any well-formed string a store
/// assigned. On the wire it is a JSON string.
public struct ProfileID: OpaqueIdentifier {
    /// The identifier as stored.
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
    public static func random() -> ProfileID {
        ProfileID(uncheckedRawValue: UUID().uuidString.lowercased())
    }
}
