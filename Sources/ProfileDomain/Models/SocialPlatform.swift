/// A platform a profile can link to, as the creator spec lists them.
///
/// The raw value is the JSON key in `socialLinks`.
public enum SocialPlatform: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CodingKeyRepresentable {
    /// Instagram.
    case instagram
    /// TikTok.
    case tiktok
    /// YouTube.
    case youtube
    /// Twitch.
    case twitch
    /// Twitter, also known as X.
    case twitter
    /// LinkedIn.
    case linkedin

    /// Orders platforms as the spec lists them.
    public static func < (lhs: SocialPlatform, rhs: SocialPlatform) -> Bool {
        lhs.order < rhs.order
    }

    /// The position in the spec's list, also what `==` and `hash(into:)` compare.
    var order: Int {
        switch self {
        case .instagram: 0
        case .tiktok: 1
        case .youtube: 2
        case .twitch: 3
        case .twitter: 4
        case .linkedin: 5
        }
    }
}
