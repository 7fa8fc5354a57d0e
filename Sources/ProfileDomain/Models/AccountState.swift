#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where an account is in its lifecycle: active, deactivated by its owner, suspended by an
/// operator, or waiting out the grace period of a deletion its owner requested.
///
/// The state is stored as written; what it means *now* is ``effective(at:)``: a suspension whose
/// end has passed reads as ``active`` without any write, so expiry needs no timer and tests need no
/// sleep. `Docs/Lifecycle.md` gives the transitions and who may make them.
public enum AccountState: Sendable, Hashable, Codable {
    /// Visible and writable as usual.
    case active
    /// Hidden by the owner since `since`: strangers get the answer for a missing user; the owner
    /// can reactivate at any time.
    case deactivated(since: Date)
    /// Suspended by an operator since `since`, until `until` or, when `nil`, indefinitely. Public
    /// views and the owner's writes are refused with `account_suspended`; the owner still reads
    /// their own profile.
    case suspended(since: Date, until: Date?)
    /// The owner asked for deletion at `requestedAt`; hidden like a deactivated account, the owner
    /// can cancel before `purgeAfter`, and from `purgeAfter` on the purge deletes the account.
    case pendingDeletion(requestedAt: Date, purgeAfter: Date)

    /// The state in force at `now`: a suspension that ended at or before `now` is ``active``.
    public func effective(at now: Date) -> AccountState {
        if case .suspended(_, let until?) = self, until <= now { return .active }
        return self
    }

    /// Whether strangers get the missing-user answer: deactivated or pending deletion.
    public var isHidden: Bool {
        switch self {
        case .deactivated, .pendingDeletion: true
        case .active, .suspended: false
        }
    }

    /// Whether this is a suspension (in force or not: see ``effective(at:)``).
    public var isSuspended: Bool {
        if case .suspended = self { return true }
        return false
    }

    /// The stable name of the state: `active`, `deactivated`, `suspended`, `pending_deletion`.
    public var name: String {
        switch self {
        case .active: "active"
        case .deactivated: "deactivated"
        case .suspended: "suspended"
        case .pendingDeletion: "pending_deletion"
        }
    }
}
