/// How social links are checked and normalised.
public struct SocialLinkPolicy: Sendable, Hashable {
    /// Whether `http://` links are accepted (and upgraded to `https://`); `https` only otherwise.
    public var allowsHTTP: Bool
    /// Whether a bare handle (`johndoe`, `@johndoe`) is accepted and normalised to the platform's
    /// canonical profile URL (`SocialPlatform/canonicalURL(forHandle:)`).
    public var acceptsBareHandles: Bool
    /// The longest link, in characters (links are ASCII).
    public var maximumLength: Int

    /// Creates a link policy.
    public init(allowsHTTP: Bool = false, acceptsBareHandles: Bool = false, maximumLength: Int = 500) {
        self.allowsHTTP = allowsHTTP
        self.acceptsBareHandles = acceptsBareHandles
        self.maximumLength = maximumLength
    }
}
