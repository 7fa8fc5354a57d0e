/// Everything a store keeps for one user except relationship edges: the unit of one atomic
/// read-modify-write.
///
/// A record exists once a user is known (its ``account``); the ``profile`` exists once created
/// (the creator spec's upsert creates it). Preferences always have a value: the defaults until
/// the user saves their own.
public struct UserRecord: Sendable, Hashable {
    /// Who the user is.
    public var account: Account
    /// How the user appears, or `nil` before the profile is created.
    public var profile: Profile?
    /// App preferences; ``Preferences/defaults`` until saved.
    public var preferences: Preferences
    /// Uploaded files the user owns, deleted with the user.
    public var media: [MediaReference]
    /// Where the account is in its lifecycle; ``AccountState/active`` unless changed.
    public var state: AccountState

    /// Creates a record.
    public init(
        account: Account,
        profile: Profile? = nil,
        preferences: Preferences = .defaults,
        media: [MediaReference] = [],
        state: AccountState = .active
    ) {
        self.account = account
        self.profile = profile
        self.preferences = preferences
        self.media = media
        self.state = state
    }

    /// The user the record belongs to.
    public var userID: UserID { account.userID }

    /// The profile's version, or 0 before a profile exists: the value `If-Match` is compared with.
    public var version: Int { profile?.version ?? 0 }
}
