/// A client-writable field of ``Profile``; the set of these is what a ``ProfilePatch`` can touch
/// and what a merge reports as changed.
///
/// The raw value is the field's canonical wire name (the creator spec's camelCase).
public enum ProfileField: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// ``Profile/username``.
    case username
    /// ``Profile/displayName``.
    case displayName
    /// ``Profile/firstName``.
    case firstName
    /// ``Profile/middleName``.
    case middleName
    /// ``Profile/lastName``.
    case lastName
    /// ``Profile/bio``.
    case bio
    /// ``Profile/niches``, `niche` on the wire.
    case niches = "niche"
    /// ``Profile/location``.
    case location
    /// ``Profile/socialLinks``.
    case socialLinks
    /// ``Profile/avatar``.
    case avatar
    /// ``Profile/pictureURLs``, `profilePictureUrls` on the wire.
    case pictureURLs = "profilePictureUrls"

    /// Orders fields as declared.
    public static func < (lhs: ProfileField, rhs: ProfileField) -> Bool {
        guard let left = allCases.firstIndex(of: lhs), let right = allCases.firstIndex(of: rhs) else { return false }
        return left < right
    }
}
