#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A partial update of ``Preferences``, merged key by key.
///
/// `null` for a named preference resets it to the spec's default; `null` for an additional key
/// removes it. Absent keys keep their values.
public struct PreferencesPatch: Sendable, Hashable {
    /// The voice; `null` resets to `alloy`.
    public var voicePreference: PatchField<String>
    /// The default scenario; `null` resets to `default`.
    public var defaultScenario: PatchField<String>
    /// Other keys, each absent, `null` (remove) or a value.
    public var additional: [String: PatchField<JSONValue>]

    /// Creates a patch; everything defaults to absent.
    public init(
        voicePreference: PatchField<String> = .absent,
        defaultScenario: PatchField<String> = .absent,
        additional: [String: PatchField<JSONValue>] = [:]
    ) {
        self.voicePreference = voicePreference
        self.defaultScenario = defaultScenario
        self.additional = additional
    }

    /// A patch that names nothing.
    public static let empty = PreferencesPatch()

    /// Whether the patch names no key.
    public var isEmpty: Bool {
        !voicePreference.isPresent && !defaultScenario.isPresent && !additional.values.contains(where: \.isPresent)
    }
}

extension Preferences {
    /// The preferences with `patch` merged in key by key, stamped with `date` when anything
    /// changed; a no-op patch returns them untouched (``updatedAt`` included).
    public func applying(_ patch: PreferencesPatch, at date: Date) -> (preferences: Preferences, changed: Bool) {
        var merged = self
        merged.voicePreference = patch.voicePreference.merged(over: voicePreference) ?? Self.defaultVoicePreference
        merged.defaultScenario = patch.defaultScenario.merged(over: defaultScenario) ?? Self.defaultScenario
        for (key, field) in patch.additional {
            merged.additional[key] = field.merged(over: additional[key])
        }
        guard merged != self else { return (self, false) }
        merged.updatedAt = date
        return (merged, true)
    }
}
