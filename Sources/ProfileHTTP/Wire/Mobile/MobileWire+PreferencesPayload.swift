import ProfileDomain

extension MobileWire {
    /// The `preferences` object of the mobile responses: `voice_preference`, `default_scenario`,
    /// and every additional preference under its own key.
    public struct PreferencesPayload: Sendable, Hashable, Codable {
        /// The voice.
        public let voicePreference: String
        /// The default scenario.
        public let defaultScenario: String
        /// Other preferences by key.
        public let additional: [String: JSONValue]

        /// Creates a payload.
        init(voicePreference: String, defaultScenario: String, additional: [String: JSONValue] = [:]) {
            self.voicePreference = voicePreference
            self.defaultScenario = defaultScenario
            self.additional = additional
        }

        /// The payload of the model's preferences.
        public init(_ preferences: Preferences) {
            self.init(
                voicePreference: preferences.voicePreference, defaultScenario: preferences.defaultScenario,
                additional: preferences.additional)
        }

        /// Decodes the object; a missing `voice_preference` or `default_scenario` takes its default.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: DynamicCodingKey.self)
            var additional: [String: JSONValue] = [:]
            for key in container.allKeys where key.stringValue != "voice_preference" {
                guard key.stringValue != "default_scenario" else { continue }
                additional[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
            self.voicePreference =
                try container.decodeIfPresent(String.self, forKey: DynamicCodingKey("voice_preference"))
                ?? Preferences.defaultVoicePreference
            self.defaultScenario =
                try container.decodeIfPresent(String.self, forKey: DynamicCodingKey("default_scenario"))
                ?? Preferences.defaultScenario
            self.additional = additional
        }

        /// Encodes the two named preferences and every additional one.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicCodingKey.self)
            try container.encode(voicePreference, forKey: DynamicCodingKey("voice_preference"))
            try container.encode(defaultScenario, forKey: DynamicCodingKey("default_scenario"))
            for (key, value) in additional.sorted(by: { $0.key < $1.key }) {
                try container.encode(value, forKey: DynamicCodingKey(key))
            }
        }
    }
}
