#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One entry of a profile's username history: a handle the user left, and when.
///
/// The history is the owner's to see; it outlives the holds it created (an expired or released
/// hold stays in the history) and is deleted with the user.
public struct UsernameChange: Sendable, Hashable, Codable {
    /// The handle the user had before the change.
    public var username: Username
    /// When the user left it.
    public var leftAt: Date

    /// An entry for `username`, left at `leftAt`.
    public init(username: Username, leftAt: Date) {
        self.username = username
        self.leftAt = leftAt
    }
}
