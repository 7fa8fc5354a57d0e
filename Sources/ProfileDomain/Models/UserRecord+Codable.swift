extension UserRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case account, profile, preferences, media, state
    }

    /// Decodes a record; a record written before account states existed has no `state` and is
    /// ``AccountState/active``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            account: try container.decode(Account.self, forKey: .account),
            profile: try container.decodeIfPresent(Profile.self, forKey: .profile),
            preferences: try container.decode(Preferences.self, forKey: .preferences),
            media: try container.decode([MediaReference].self, forKey: .media),
            state: try container.decodeIfPresent(AccountState.self, forKey: .state) ?? .active)
    }

    /// Encodes a record; an active account writes no `state`, so its bytes are those of a record
    /// from before account states (old readers, snapshots and byte-level tests are unaffected).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(account, forKey: .account)
        try container.encodeIfPresent(profile, forKey: .profile)
        try container.encode(preferences, forKey: .preferences)
        try container.encode(media, forKey: .media)
        if state != .active { try container.encode(state, forKey: .state) }
    }
}
