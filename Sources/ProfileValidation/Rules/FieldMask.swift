import ProfileDomain

/// A set of ``ProfileField``s as bits: membership tests in the hot path without hashing.
struct FieldMask: Sendable, Hashable {
    private var bits: UInt16 = 0

    init(_ fields: Set<ProfileField>) {
        for field in fields { bits |= Self.bit(field) }
    }

    func contains(_ field: ProfileField) -> Bool { bits & Self.bit(field) != 0 }

    private static func bit(_ field: ProfileField) -> UInt16 {
        switch field {
        case .username: 1 << 0
        case .displayName: 1 << 1
        case .firstName: 1 << 2
        case .middleName: 1 << 3
        case .lastName: 1 << 4
        case .bio: 1 << 5
        case .niches: 1 << 6
        case .location: 1 << 7
        case .socialLinks: 1 << 8
        case .avatar: 1 << 9
        case .pictureURLs: 1 << 10
        }
    }
}
