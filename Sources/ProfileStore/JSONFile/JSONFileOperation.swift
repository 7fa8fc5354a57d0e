import ProfileDomain

/// One state change as the journal records it: the unit of replay.
///
/// On disk an operation is a JSON object with a `kind` and the fields that kind needs, e.g.
/// `{"kind":"follow","from":"u1","to":"u2"}` or `{"kind":"put","record":{...}}`. A `put` carries
/// the whole record, so replaying a journal never needs the record's previous value.
enum JSONFileOperation: Sendable, Hashable {
    /// Creates or replaces the record of `record.userID`.
    case put(UserRecord)
    /// `from` follows `to`.
    case follow(from: UserID, to: UserID)
    /// `from` no longer follows `to`.
    case unfollow(from: UserID, to: UserID)
    /// `from` blocks `to`; follows between them are removed both ways.
    case block(from: UserID, to: UserID)
    /// `from` no longer blocks `to`.
    case unblock(from: UserID, to: UserID)
    /// `user`'s record and every edge to or from it are removed.
    case deleteUser(UserID)
}

extension JSONFileOperation: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, record, from, to, user
    }

    private enum Kind: String, Codable {
        case put, follow, unfollow, block, unblock, deleteUser
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Kind.self, forKey: .kind)
        switch kind {
        case .put:
            self = .put(try container.decode(UserRecord.self, forKey: .record))
        case .deleteUser:
            self = .deleteUser(try container.decode(UserID.self, forKey: .user))
        case .follow, .unfollow, .block, .unblock:
            let from = try container.decode(UserID.self, forKey: .from)
            let to = try container.decode(UserID.self, forKey: .to)
            switch kind {
            case .follow: self = .follow(from: from, to: to)
            case .unfollow: self = .unfollow(from: from, to: to)
            case .block: self = .block(from: from, to: to)
            default: self = .unblock(from: from, to: to)
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .put(let record):
            try container.encode(Kind.put, forKey: .kind)
            try container.encode(record, forKey: .record)
        case .follow(let from, let to), .unfollow(let from, let to), .block(let from, let to),
            .unblock(let from, let to):
            try container.encode(kind, forKey: .kind)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case .deleteUser(let user):
            try container.encode(Kind.deleteUser, forKey: .kind)
            try container.encode(user, forKey: .user)
        }
    }

    private var kind: Kind {
        switch self {
        case .put: .put
        case .follow: .follow
        case .unfollow: .unfollow
        case .block: .block
        case .unblock: .unblock
        case .deleteUser: .deleteUser
        }
    }
}

extension JSONFileOperation {
    /// A short description for error messages: the kind and the users, never record content.
    var summary: String {
        switch self {
        case .put(let record): "put \(record.userID)"
        case .follow(let from, let to): "follow \(from) -> \(to)"
        case .unfollow(let from, let to): "unfollow \(from) -> \(to)"
        case .block(let from, let to): "block \(from) -> \(to)"
        case .unblock(let from, let to): "unblock \(from) -> \(to)"
        case .deleteUser(let user): "delete \(user)"
        }
    }
}
