import ProfileDomain

/// Mutations as their synthesized `Codable` writes them: `{"case":{"label":value,...}}` with the
/// labels sorted and a `nil` hold left out.
extension JSONFileRecordEncoder {
    /// Writes `mutation`, every case by hand.
    mutating func mutation(_ mutation: StoreMutation) throws(Unsupported) {
        switch mutation {
        case .put(let record):
            openCase("put")
            key("record")
            try self.record(record)
        case .follow(let follower, let followee):
            edge("follow", ("followee", followee), ("follower", follower))
        case .unfollow(let follower, let followee):
            edge("unfollow", ("followee", followee), ("follower", follower))
        case .block(let blocker, let blocked):
            edge("block", ("blocked", blocked), ("blocker", blocker))
        case .unblock(let blocker, let blocked):
            edge("unblock", ("blocked", blocked), ("blocker", blocker))
        case .delete(let user):
            openCase("delete")
            self.user(user)
        case .rename(let record, let left, let hold):
            openCase("rename")
            try optionalHold(hold)
            key("left")
            try usernameChange(left)
            key("record")
            try self.record(record)
        case .deleteHolding(let user, let hold):
            openCase("deleteHolding")
            try optionalHold(hold)
            self.user(user)
        case .setHold(let usernameKey, let hold):
            openCase("setHold")
            try optionalHold(hold)
            key("usernameKey")
            string(usernameKey)
        case .setHistory(let user, let history):
            openCase("setHistory")
            key("history")
            try array(history) { (encoder, change) throws(Unsupported) in try encoder.usernameChange(change) }
            self.user(user)
        }
        close()
        close()
    }

    /// The two users of an edge mutation, under their labels in sorted order.
    private mutating func edge(
        _ name: StaticString, _ first: (StaticString, UserID), _ second: (StaticString, UserID)
    ) {
        openCase(name)
        key(first.0)
        string(first.1.rawValue)
        key(second.0)
        string(second.1.rawValue)
    }

    private mutating func user(_ user: UserID) {
        key("user")
        string(user.rawValue)
    }

    private mutating func optionalHold(_ hold: UsernameHold?) throws(Unsupported) {
        guard let hold else { return }
        key("hold")
        try usernameHold(hold)
    }
}
