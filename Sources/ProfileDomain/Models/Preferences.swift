#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A user's app preferences (the mobile spec), with the spec's defaults.
///
/// ``voicePreference`` defaults to `alloy` and `defaultScenario` to `default`. Keys the model
/// does not name live in ``additional`` so that an app can add a preference without a model change.
public struct Preferences: Sendable, Hashable, Codable {
    /// The default voice, `alloy`.
    public static let defaultVoicePreference = "alloy"
    /// The default scenario, `default`.
    public static let defaultScenario = "default"

    /// The text-to-speech voice, e.g. `alloy`.
    public var voicePreference: String
    /// The scenario an app opens with.
    public var defaultScenario: String
    /// Preferences without a field of their own, by key.
    public var additional: [String: JSONValue]
    /// When the preferences last changed, or `nil` while they are the defaults never saved.
    public var updatedAt: Date?

    /// Creates preferences; every argument has the spec's default.
    public init(
        voicePreference: String = Preferences.defaultVoicePreference,
        defaultScenario: String = Preferences.defaultScenario,
        additional: [String: JSONValue] = [:],
        updatedAt: Date? = nil
    ) {
        self.voicePreference = voicePreference
        self.defaultScenario = defaultScenario
        self.additional = additional
        self.updatedAt = updatedAt
    }

    /// The defaults: `alloy`, `default`, nothing else.
    public static let defaults = Preferences()
}
