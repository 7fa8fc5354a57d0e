#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How long a released username stays reserved for the user who released it.
///
/// During a hold nobody else can claim the name; its previous owner can reclaim it. `.none`
/// frees the name at once (the behaviour before holds existed); `.forever` never frees it on its
/// own (Mastodon's rule for deleted accounts), though an operator can still release it.
public enum UsernameHoldDuration: Sendable, Hashable {
    /// No hold: the name is free the moment it is released.
    case none
    /// A hold of this length from the moment of release. A zero or negative length is `.none`.
    case lasting(Duration)
    /// A hold that never ends by itself.
    case forever

    /// When a hold that starts at `start` ends: `nil` for `.forever`, `start` itself for `.none`
    /// (a hold that is over as soon as it begins).
    public func end(from start: Date) -> Date? {
        switch self {
        case .none:
            return start
        case .lasting(let duration):
            let (seconds, attoseconds) = duration.components
            return start.addingTimeInterval(max(0, Double(seconds) + Double(attoseconds) / 1e18))
        case .forever:
            return nil
        }
    }

    /// Whether a name released under this duration is held at all.
    public var holds: Bool {
        switch self {
        case .none: false
        case .lasting(let duration): duration > .zero
        case .forever: true
        }
    }
}
