import ProfileDomain

/// Test fixtures: spec sample request bodies as patches, written once for every test target and
/// benchmark that sends them.
///
/// Not for production code: the values are the specs' example data (`john_doe`, `New York`, ...),
/// as the sample sends them, which is already their stored form: the matching preset's validation
/// returns such a patch unchanged.
public enum SpecSamplePatches {
    /// The creator spec's sample request (`PUT /api/v1/profiles/me`): every required field, a
    /// three-part location, two social links and an avatar URL.
    ///
    /// `username` replaces the sample's `john_doe`, so that several profiles can be created from
    /// the same sample; it is used as given (not trimmed or validated).
    public static func creator(username: String = "john_doe") -> ProfilePatch {
        ProfilePatch(
            username: .value(username),
            displayName: .value("John Doe"),
            bio: .value("Content creator and influencer"),
            niches: .value(["fitness", "lifestyle"]),
            location: .value(LocationPatch(city: .value("New York"), state: .value("NY"), country: .value("USA"))),
            socialLinks: .value([
                "instagram": .value("https://instagram.com/johndoe"),
                "tiktok": .value("https://tiktok.com/@johndoe"),
            ]),
            avatar: .value("https://cdn.example.com/avatar.jpg")
        )
    }
}
