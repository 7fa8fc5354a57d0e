#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A released username reserved for the user who released it, until ``until`` (or forever).
///
/// A hold blocks everyone but ``holder`` from claiming ``username``'s canonical key while it is
/// active; the holder's own claim (a reclaim) ends it, as does an operator's release. A hold
/// outlives its holder: the name of a deleted user stays held for the deletion's duration, but
/// without the user's id (``holder`` is `nil`).
public struct UsernameHold: Sendable, Hashable, Codable {
    /// The released name, as it was spelled.
    public var username: Username
    /// The user who released it and may reclaim it; `nil` once that user is deleted.
    ///
    /// A deleted user can never reclaim, so a hold made by a deletion has no holder, and the
    /// rename holds of a user become holder-less in the step that deletes the user: a purged
    /// account leaves the held name behind (the point of the hold) but not its user id. A
    /// holder-less hold blocks every claim while it is active. An optional rather than a
    /// separate "kind": the only thing a deletion changes is that nobody may reclaim, and
    /// `nil` says exactly that wherever a holder is compared.
    public var holder: UserID?
    /// When the name was released.
    public var since: Date
    /// When the hold ends; `nil` for a hold that never ends by itself.
    public var until: Date?

    /// A hold of `username` for `holder` (`nil`: nobody may reclaim) from `since` until `until`
    /// (`nil`: forever).
    public init(username: Username, holder: UserID?, since: Date, until: Date?) {
        self.username = username
        self.holder = holder
        self.since = since
        self.until = until
    }

    /// Whether the hold still blocks others at `date`: it ends at ``until`` exactly.
    public func isActive(at date: Date) -> Bool {
        guard let until else { return true }
        return date < until
    }
}
