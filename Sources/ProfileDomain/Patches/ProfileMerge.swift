/// The result of merging a ``ValidatedProfilePatch`` into a ``Profile``: the new profile and which
/// fields changed.
public struct ProfileMerge: Sendable, Hashable {
    /// The merged profile; the input profile itself when nothing changed.
    public var profile: Profile
    /// The fields whose values differ from before, in declaration order.
    public var changedFields: [ProfileField]

    /// Creates a merge result.
    public init(profile: Profile, changedFields: [ProfileField]) {
        self.profile = profile
        self.changedFields = changedFields
    }

    /// Whether the patch changed nothing: same values, same ``Profile/updatedAt``, same version.
    public var isNoOp: Bool { changedFields.isEmpty }
}
