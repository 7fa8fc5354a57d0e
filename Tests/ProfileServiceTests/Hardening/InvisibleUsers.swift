import Foundation
import ProfileKit
import Testing

/// A store where one caller faces every kind of user it must not be able to tell apart from a
/// missing one, and one it can see.
///
/// Profiles are seeded in the store and hold only a username, so the world fits any spec's policy.
struct InvisibleUsers: Sendable {
    /// How a user named in a request relates to the caller.
    enum Target: String, CaseIterable, Sendable, CustomStringConvertible {
        /// Never registered.
        case missing
        /// A registered account that never created a profile.
        case withoutProfile
        /// A user with a profile who blocks the caller (the caller once followed them).
        case blocksCaller
        /// A user who blocks the caller and whom the caller blocks too.
        case blocksCallerBothWays
        /// A user with a profile and no block: the control, visible to everyone.
        case visible

        var description: String { rawValue }

        /// The targets that must answer exactly as ``missing``.
        static let hidden: [Target] = [.withoutProfile, .blocksCaller, .blocksCallerBothWays]

        /// The user id and the username (claimed or not) of this target.
        var user: (id: UserID, username: String) {
            let name = "\(rawValue.lowercased())_one"
            return (fixtureUserID("user-\(name)"), name)
        }
    }

    /// The targets `caller` must not tell from a missing user: all of ``Target/hidden`` for the
    /// blocked caller; for an anonymous one, whom nobody blocks, the account without a profile.
    static func hidden(from caller: Caller) -> [Target] {
        caller.userID == nil ? [.withoutProfile] : Target.hidden
    }

    /// Who asks: the blocked user (with a profile of its own).
    let caller = fixtureUserID("user-viewer_one")

    /// Registers the caller and every target but ``Target/missing`` in `service`'s store.
    static func populate(_ service: ProfileService, at date: Date) async throws -> InvisibleUsers {
        let world = InvisibleUsers()
        try await register(world.caller, username: "viewer_one", in: service, at: date)
        for target in Target.allCases where target != .missing {
            try await register(
                target.user.id, username: target == .withoutProfile ? nil : target.user.username, in: service, at: date)
        }
        let blocker = Target.blocksCaller.user.id
        let mutual = Target.blocksCallerBothWays.user.id
        _ = try await service.store.follow(world.caller, blocker)
        _ = try await service.store.block(world.caller, mutual)
        _ = try await service.store.block(blocker, world.caller)
        _ = try await service.store.block(mutual, world.caller)
        return world
    }

    private static func register(
        _ user: UserID, username: String?, in service: ProfileService, at date: Date
    ) async throws {
        try await service.registerAccount(
            Account(userID: user, email: "\(user.rawValue)@example.com", isEmailVerified: true, createdAt: date))
        if let username {
            try await seedProfile(ProfilePatch(username: .value(username)), for: user, in: service.store, at: date)
        }
    }

    /// The ways a request can name a user by username: as stored, with `@`, in other cases.
    static func usernameSpellings(_ username: String) -> [String] {
        [username, "@\(username)", username.uppercased(), "@\(username.prefix(1).uppercased())\(username.dropFirst())"]
    }

    /// The ways a request can name a user by id: as stored, and in upper case (another id: ids are
    /// case-sensitive).
    static func idSpellings(_ id: UserID) -> [String] {
        [id.rawValue, id.rawValue.uppercased()]
    }

    /// `text` with `user`'s id and username (in any case) and every ISO timestamp replaced by
    /// placeholders, so that answers about two users compare byte for byte.
    static func normalized(_ text: String, naming user: (id: UserID, username: String)) -> String {
        var text = text
        for value in [user.id.rawValue, user.username] {
            text = text.replacingOccurrences(of: value, with: "<user>", options: [.caseInsensitive])
        }
        return text.replacingOccurrences(
            of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?"#, with: "<time>", options: .regularExpression)
    }
}
