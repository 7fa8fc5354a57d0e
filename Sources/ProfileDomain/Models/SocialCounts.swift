/// How many users follow a user and how many it follows, as a store counts its follow edges.
public struct SocialCounts: Sendable, Hashable, Codable {
    /// Users who follow this user.
    public var followers: Int
    /// Users this user follows.
    public var following: Int

    /// Creates counts; each defaults to zero.
    public init(followers: Int = 0, following: Int = 0) {
        self.followers = followers
        self.following = following
    }
}
