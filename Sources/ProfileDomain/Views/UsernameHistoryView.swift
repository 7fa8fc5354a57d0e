/// What an owner sees of their own handles: the current one, the ones left, and the holds that
/// keep left (or deleted) names reserved for them.
public struct UsernameHistoryView: Sendable, Hashable, Codable {
    /// The current username; `nil` without a profile or a name.
    public let username: Username?
    /// The handles the profile left, oldest first.
    public let history: [UsernameChange]
    /// The holds in the owner's favour, active or expired, sorted by canonical key.
    public let holds: [UsernameHold]

    /// A view of `username`, its `history` and `holds`.
    package init(username: Username?, history: [UsernameChange], holds: [UsernameHold]) {
        self.username = username
        self.history = history
        self.holds = holds
    }
}
