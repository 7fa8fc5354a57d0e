import ProfileDomain

extension StoreMutation {
    /// A short description for error messages and logs: the kind and the users, never the content
    /// of a record (which holds personal data).
    var summary: String {
        switch self {
        case .put(let record): "put \(record.userID)"
        case .follow(let follower, let followee): "follow \(follower) -> \(followee)"
        case .unfollow(let follower, let followee): "unfollow \(follower) -> \(followee)"
        case .block(let blocker, let blocked): "block \(blocker) -> \(blocked)"
        case .unblock(let blocker, let blocked): "unblock \(blocker) -> \(blocked)"
        case .delete(let user): "delete \(user)"
        case .rename(let record, _, _): "rename \(record.userID)"
        case .deleteHolding(let user, _): "delete \(user) holding its username"
        case .setHold(_, let hold?): hold.holder.map { "hold for \($0)" } ?? "hold for nobody"
        case .setHold(_, nil): "release a hold"
        case .setHistory(let user, _): "set the username history of \(user)"
        }
    }
}
