import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ValidationPolicy {
    /// Validates and normalises a whole update into the ``ProfileDomain/ValidatedProfileUpdate`` the merges
    /// consume without failing: its profile patch against the stored profile
    /// (required-on-create when there is none), its account patch, its preferences patch, and the
    /// fields its wire format already refused (``ProfileDomain/ProfileUpdate/rejectedFields``), reporting all of
    /// them in one ``ValidationReport``.
    ///
    /// Account changes are `not_updatable_here` unless ``acceptsAccountChanges``; preferences
    /// likewise unless ``acceptsPreferencesChanges``. A path the wire format already refused is not
    /// reported twice. Paths and messages name each field by ``wirePath(_:)`` where the error is
    /// worded; ``ProfileDomain/ProfileUpdate/rejectedFields`` are kept as given. ``ProfileDomain/ProfileUpdate/expectedVersion`` passes through untouched.
    public func validate(
        _ update: ProfileUpdate, against record: UserRecord?
    ) throws(ValidationReport)
        -> ValidatedProfileUpdate
    {
        try validate(update, against: record, now: nil)
    }

    /// Validates a whole update as ``validate(_:against:)-(ProfileUpdate,_)`` does, measuring the
    /// username-change cooldown against `now`.
    public func validate(
        _ update: ProfileUpdate, against record: UserRecord?, at now: Date
    ) throws(ValidationReport)
        -> ValidatedProfileUpdate
    {
        try validate(update, against: record, now: now)
    }

    private func validate(
        _ update: ProfileUpdate, against record: UserRecord?, now: Date?
    ) throws(ValidationReport)
        -> ValidatedProfileUpdate
    {
        var errors: [FieldError] = []
        let profile = checkProfile(update.profile, existing: record?.profile, now: now, errors: &errors)
        var account = update.account
        var preferences = update.preferences
        if !update.account.isEmpty {
            if acceptsAccountChanges {
                account = checkAccount(update.account, errors: &errors)
            } else {
                let hint = "change it through the account API (/api/v1/account/link)"
                if update.account.email.isPresent { errors.append(Messages.notUpdatable(wirePath("email"), hint)) }
                if update.account.phoneNumber.isPresent {
                    errors.append(Messages.notUpdatable(wirePath("phoneNumber"), hint))
                }
            }
        }
        if !update.preferences.isEmpty {
            if acceptsPreferencesChanges {
                preferences = checkPreferences(update.preferences, existing: record?.preferences, errors: &errors)
            } else {
                errors.append(Messages.notUpdatable("preferences", "the \(name) request has no preferences"))
            }
        }
        guard !errors.isEmpty || !update.rejectedFields.isEmpty else {
            return ValidatedProfileUpdate(
                profile: profile, account: account, preferences: preferences, expectedVersion: update.expectedVersion)
        }
        // The usual failing request has no refused key: its report is `errors` as they are, not a
        // filtered copy appended to an empty list (three array buffers and a copy of every error).
        guard !update.rejectedFields.isEmpty else { throw ValidationReport(errors: errors) }
        let refused = Set(update.rejectedFields.map(\.field))
        throw ValidationReport(
            errors: update.rejectedFields + errors.filter { !refused.contains($0.field) })
    }
}
