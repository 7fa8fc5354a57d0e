/// The limits of the mobile spec's preferences.
///
/// The default voice set is the OpenAI text-to-speech voices the mobile spec's `alloy` comes from:
/// alloy, ash, ballad, coral, echo, fable, nova, onyx, sage, shimmer, verse. Scenarios default to
/// any identifier of `[A-Za-z0-9_-]`; a server that knows its scenarios sets ``allowedScenarios``.
public struct PreferencesRule: Sendable, Hashable {
    /// The voices accepted, or `nil` for any identifier within ``voiceMaximumLength``.
    public var allowedVoices: Set<String>?
    /// The longest voice (`VARCHAR(20)` in the spec).
    public var voiceMaximumLength: Int
    /// The scenarios accepted, or `nil` for any identifier within ``scenarioMaximumLength``.
    public var allowedScenarios: Set<String>?
    /// The longest scenario (`VARCHAR(50)` in the spec).
    public var scenarioMaximumLength: Int
    /// How many keys beyond the two named ones a user may store (0 refuses every other key).
    public var maximumAdditionalKeys: Int
    /// The longest additional key; keys are `[a-z0-9_]`.
    public var additionalKeyMaximumLength: Int
    /// The longest additional string value, in characters; other values must be a number, a
    /// boolean or `null` (arrays and objects are refused, so stored preferences stay bounded).
    public var additionalValueMaximumLength: Int

    /// The OpenAI text-to-speech voices.
    public static let defaultVoices: Set<String> = [
        "alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse",
    ]

    /// Creates a rule with the mobile spec's column widths.
    public init(
        allowedVoices: Set<String>? = PreferencesRule.defaultVoices,
        voiceMaximumLength: Int = 20,
        allowedScenarios: Set<String>? = nil,
        scenarioMaximumLength: Int = 50,
        maximumAdditionalKeys: Int = 32,
        additionalKeyMaximumLength: Int = 64,
        additionalValueMaximumLength: Int = 200
    ) {
        self.allowedVoices = allowedVoices
        self.voiceMaximumLength = voiceMaximumLength
        self.allowedScenarios = allowedScenarios
        self.scenarioMaximumLength = scenarioMaximumLength
        self.maximumAdditionalKeys = maximumAdditionalKeys
        self.additionalKeyMaximumLength = additionalKeyMaximumLength
        self.additionalValueMaximumLength = additionalValueMaximumLength
    }

    /// The text rule of an extra key's string value: up to ``additionalValueMaximumLength``
    /// characters, empty allowed. Validation and the JSON Schema export both read it.
    var additionalValueRule: TextRule {
        TextRule(minimumLength: 0, maximumLength: additionalValueMaximumLength, allowsEmpty: true)
    }
}
