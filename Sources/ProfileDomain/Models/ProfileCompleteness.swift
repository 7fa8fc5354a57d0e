/// How complete a profile is, for the creator spec's dashboard (`GET /api/v1/users/me`).
///
/// Required fields are those the creator spec requires on create: `username`, `displayName`,
/// `bio`, `niche`. Optional fields are `location`, `socialLinks`, `avatar`. The percentage counts
/// every field alike: filled fields / 7, rounded down, so 100 means every field is filled.
public struct ProfileCompleteness: Sendable, Hashable, Codable {
    /// A field the completeness check looks at, named as the creator spec names it on the wire.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        /// The username.
        case username
        /// The display name.
        case displayName
        /// The bio.
        case bio
        /// At least one niche.
        case niche
        /// A location.
        case location
        /// At least one social link.
        case socialLinks
        /// An avatar.
        case avatar

        /// Whether the creator spec requires the field.
        public var isRequired: Bool {
            switch self {
            case .username, .displayName, .bio, .niche: true
            case .location, .socialLinks, .avatar: false
            }
        }
    }

    /// Whether every required field is filled.
    public var isComplete: Bool
    /// Filled fields as a share of all seven, 0 to 100, rounded down.
    public var percentage: Int
    /// Required fields still empty, in table order.
    public var missingRequired: [Field]
    /// Optional fields still empty, in table order.
    public var missingOptional: [Field]

    /// Measures `profile`; no profile at all is 0 percent with everything missing.
    public init(of profile: Profile?) {
        let missing = Field.allCases.filter { field in
            guard let profile else { return true }
            return !Self.isFilled(field, in: profile)
        }
        self.missingRequired = missing.filter(\.isRequired)
        self.missingOptional = missing.filter { !$0.isRequired }
        self.isComplete = missingRequired.isEmpty
        self.percentage = (Field.allCases.count - missing.count) * 100 / Field.allCases.count
    }

    private static func isFilled(_ field: Field, in profile: Profile) -> Bool {
        switch field {
        case .username: profile.username != nil
        case .displayName: profile.displayName != nil
        case .bio: profile.bio != nil
        case .niche: !profile.niches.isEmpty
        case .location: profile.location.map { !$0.isEmpty } ?? false
        case .socialLinks: !profile.socialLinks.isEmpty
        case .avatar: profile.avatar != nil
        }
    }
}
