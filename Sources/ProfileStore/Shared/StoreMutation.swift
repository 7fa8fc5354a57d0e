import ProfileDomain

/// One change to a ``StoreState``, small enough to journal: what a store writes before it
/// applies a change, and what it replays at start-up.
///
/// A mutation is planned by one of the `StoreState.plan...` methods (which enforce every promise
/// of ``ProfileStore``) and then applied with ``StoreState/apply(_:)``, which checks the same
/// invariants again so that a replayed journal that contradicts its snapshot is detected rather
/// than silently applied. The JSON encoding is keyed by case name, e.g.
/// `{"follow":{"follower":"u1","followee":"u2"}}`.
enum StoreMutation: Sendable, Hashable, Codable {
    /// Stores `record` under its user id, creating or replacing the user's record.
    case put(record: UserRecord)
    /// Adds the follow edge `follower` -> `followee`.
    case follow(follower: UserID, followee: UserID)
    /// Removes the follow edge `follower` -> `followee`.
    case unfollow(follower: UserID, followee: UserID)
    /// Adds the block edge `blocker` -> `blocked` and removes the follows between them both ways.
    case block(blocker: UserID, blocked: UserID)
    /// Removes the block edge `blocker` -> `blocked`.
    case unblock(blocker: UserID, blocked: UserID)
    /// Removes the record of `user`, its username history and every edge to or from it, and
    /// clears the holder of its username holds.
    case delete(user: UserID)
    /// Stores `record` (a `put`) whose username replaced `left.username`: appends `left` to the
    /// user's history and, when `hold` is not `nil`, holds the left name, in one step.
    case rename(record: UserRecord, left: UsernameChange, hold: UsernameHold?)
    /// Deletes `user` (a `delete`) and holds its username with `hold`, in one step; the hold is
    /// stored without a holder whatever `hold.holder` says (old journals name the user).
    case deleteHolding(user: UserID, hold: UsernameHold)
    /// Sets the hold on the canonical key `usernameKey`; `nil` releases it.
    case setHold(usernameKey: String, hold: UsernameHold?)
    /// Replaces the username history of `user` (how an undo restores it).
    case setHistory(user: UserID, history: [UsernameChange])
}
