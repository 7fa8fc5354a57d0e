/// A ``ProfileUpdate`` that a validation policy has accepted: the validated profile patch, the
/// normalised account and preferences patches and the version the client read.
///
/// Only `ValidationPolicy.validate(_:against:)` makes one (its initialiser is not public). Its
/// three patches merge without failing: ``Profile/applying(_:at:)``,
/// ``Account/applying(_:)`` and ``Preferences/applying(_:at:)``. The keys the wire format refused
/// are not here: an update with any of them does not validate.
public struct ValidatedProfileUpdate: Sendable, Hashable {
    /// Changes to the profile.
    public let profile: ValidatedProfilePatch
    /// Changes to the account's contact points, normalised (Django's email and phone only).
    public let account: AccountPatch
    /// Changes to preferences, checked (the mobile spec).
    public let preferences: PreferencesPatch
    /// The profile version the client read (`If-Match`), or `nil` to skip the check.
    public let expectedVersion: Int?

    /// Creates a validated update from parts a validation policy has checked.
    package init(
        profile: ValidatedProfilePatch, account: AccountPatch, preferences: PreferencesPatch, expectedVersion: Int?
    ) {
        self.profile = profile
        self.account = account
        self.preferences = preferences
        self.expectedVersion = expectedVersion
    }

    /// The update with its profile's avatar set to `path` (see
    /// ``ValidatedProfilePatch/settingAvatar(_:)``).
    package func settingAvatar(_ path: String) -> ValidatedProfileUpdate {
        ValidatedProfileUpdate(
            profile: profile.settingAvatar(path), account: account, preferences: preferences,
            expectedVersion: expectedVersion)
    }
}
