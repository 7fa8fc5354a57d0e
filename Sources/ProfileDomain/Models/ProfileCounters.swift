/// Counts that other services own and the social spec shows: posts, shops, events.
///
/// Followers and following are not here: they are derived from follow edges by the store
/// (``SocialCounts``).
public struct ProfileCounters: Sendable, Hashable, Codable {
    /// Published posts.
    public var posts: Int
    /// Active shops.
    public var shops: Int
    /// Published events.
    public var events: Int

    /// Creates counters; each defaults to zero.
    public init(posts: Int = 0, shops: Int = 0, events: Int = 0) {
        self.posts = posts
        self.shops = shops
        self.events = events
    }
}
