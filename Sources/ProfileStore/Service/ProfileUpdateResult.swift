import ProfileDomain

/// What an update or upsert did: the owner's view after it, whether it created the profile,
/// and which profile fields changed.
public struct ProfileUpdateResult: Sendable, Hashable {
    /// The owner's view after the update; its version is the new ETag.
    public let view: OwnerProfileView
    /// Whether the profile did not exist before and was created by this call.
    public let created: Bool
    /// The profile fields whose values changed; empty for a no-op.
    public let changedFields: [ProfileField]
    /// Whether the account's contact points changed (Django's email and phone).
    public let accountChanged: Bool
    /// Whether the preferences changed (the mobile spec).
    public let preferencesChanged: Bool

    /// Creates a result.
    package init(
        view: OwnerProfileView,
        created: Bool,
        changedFields: [ProfileField],
        accountChanged: Bool = false,
        preferencesChanged: Bool = false
    ) {
        self.view = view
        self.created = created
        self.changedFields = changedFields
        self.accountChanged = accountChanged
        self.preferencesChanged = preferencesChanged
    }

    /// Whether the call changed nothing at all.
    public var isNoOp: Bool { !created && changedFields.isEmpty && !accountChanged && !preferencesChanged }
}
