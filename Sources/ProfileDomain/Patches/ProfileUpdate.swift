/// One decoded update request, whatever spec it came from: the three patches it carries, the
/// fields its wire format refused while decoding, and the version the client read.
///
/// A wire format's request type builds this value. Keys a body must not carry (a server-owned
/// field such as `id` or `createdAt`, a field another endpoint owns such as `userName` in the
/// social update, an unknown key) are not dropped silently: the request type turns each into a
/// ``FieldError`` in ``rejectedFields`` and the use case reports them with every other
/// validation failure, so one response lists everything wrong.
public struct ProfileUpdate: Sendable, Hashable {
    /// Changes to the profile.
    public var profile: ProfilePatch
    /// Changes to the account's contact points (Django's email and phone only).
    public var account: AccountPatch
    /// Changes to preferences (the mobile spec).
    public var preferences: PreferencesPatch
    /// Keys the wire format refused while decoding, as field errors.
    public var rejectedFields: [FieldError]
    /// The profile version the client read (`If-Match`), or `nil` to skip the check.
    public var expectedVersion: Int?

    /// Creates an update; everything defaults to empty.
    public init(
        profile: ProfilePatch = .empty,
        account: AccountPatch = .empty,
        preferences: PreferencesPatch = .empty,
        rejectedFields: [FieldError] = [],
        expectedVersion: Int? = nil
    ) {
        self.profile = profile
        self.account = account
        self.preferences = preferences
        self.rejectedFields = rejectedFields
        self.expectedVersion = expectedVersion
    }
}
