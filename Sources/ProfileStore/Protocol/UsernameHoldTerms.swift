import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a store needs to keep username holds in one atomic step: the time of the step and how
/// long a name released by it stays held.
///
/// The service builds it from its clock and its policy, so the store never reads a clock of its
/// own and tests drive expiry with a fixed or advancing clock.
public struct UsernameHoldTerms: Sendable, Hashable {
    /// The time of the step: when a released name's hold starts, and the instant against which
    /// a claim is checked for active holds.
    public var now: Date
    /// How long a name released by a rename stays held.
    public var afterRename: UsernameHoldDuration
    /// How long the name of a deleted user stays held.
    public var afterDeletion: UsernameHoldDuration

    /// Terms at `now` with the two durations.
    public init(now: Date, afterRename: UsernameHoldDuration, afterDeletion: UsernameHoldDuration) {
        self.now = now
        self.afterRename = afterRename
        self.afterDeletion = afterDeletion
    }

    /// The hold a release of `username` by `holder` (`nil` for a deletion: nobody may reclaim)
    /// under `duration` creates, or `nil` when the duration holds nothing.
    func hold(of username: Username, by holder: UserID?, for duration: UsernameHoldDuration) -> UsernameHold? {
        guard duration.holds else { return nil }
        return UsernameHold(username: username, holder: holder, since: now, until: duration.end(from: now))
    }
}
