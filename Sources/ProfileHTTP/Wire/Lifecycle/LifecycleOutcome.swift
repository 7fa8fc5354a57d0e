import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a lifecycle route answers, before a spec wraps it: an account's state, a user's
/// username history, a released hold or a purged account.
///
/// The content is the same in every spec; ``body(_:)`` writes it in one spec's spelling
/// (``LifecycleWireStyle``): camelCase or snake_case keys, the spec's timestamps, Django's integer
/// ids.
enum LifecycleOutcome: Sendable, Hashable {
    case state(UserID, AccountState)
    case history(UsernameHistoryView)
    case released(UsernameHold)
    case purged(UserID)

    /// The payload in `style`'s spelling.
    func body(_ style: LifecycleWireStyle) -> JSONValue {
        switch self {
        case .state(let user, let state):
            return style.object(
                ["userId": style.id(user), "state": .string(state.name)].merging(Self.dates(of: state, style)) { $1 })
        case .history(let view):
            let history = view.history.map { change in
                style.object(["username": .string(change.username.rawValue), "leftAt": style.date(change.leftAt)])
            }
            return style.object([
                "username": view.username.map { .string($0.rawValue) } ?? .null,
                "history": .array(history),
                "holds": .array(view.holds.map { Self.hold($0, style, withHolder: false) }),
            ])
        case .released(let hold):
            return Self.hold(hold, style, withHolder: true)
        case .purged(let user):
            return style.object(["userId": style.id(user), "state": .string("purged")])
        }
    }

    /// The dates a state carries, by their camelCase names; a suspension always has `until`
    /// (`null`: indefinitely).
    private static func dates(of state: AccountState, _ style: LifecycleWireStyle) -> [String: JSONValue] {
        switch state {
        case .active: [:]
        case .deactivated(let since): ["since": style.date(since)]
        case .suspended(let since, let until): ["since": style.date(since), "until": until.map(style.date) ?? .null]
        case .pendingDeletion(let requestedAt, let purgeAfter):
            ["requestedAt": style.date(requestedAt), "purgeAfter": style.date(purgeAfter)]
        }
    }

    private static func hold(_ hold: UsernameHold, _ style: LifecycleWireStyle, withHolder: Bool) -> JSONValue {
        var members: [String: JSONValue] = [
            "username": .string(hold.username.rawValue), "since": style.date(hold.since),
            "until": hold.until.map(style.date) ?? .null,
        ]
        // A deleted user's holds have no holder: `null`, never the erased id.
        if withHolder { members["heldFor"] = hold.holder.map(style.id) ?? .null }
        return style.object(members)
    }
}
