import ProfileDomain

extension MobileWire {
    /// The body of `POST /mobile/user/profile`:
    /// `{display_name, preferences: {voice_preference, default_scenario, ...}}`.
    ///
    /// `display_name` is absent (keep), `null` (clear) or a string, into the profile's display
    /// name. `preferences` merges key by key: `voice_preference` and `default_scenario` are
    /// strings (`null` resets to `alloy` / `default`); any other key is kept as sent in
    /// ``ProfileDomain/PreferencesPatch/additional`` (`null` removes it). `"preferences": null` is refused
    /// (`not_allowed`): reset a preference by sending its key with `null`. Server-owned keys
    /// (`email`, `created_at`, `updated_at`, `id`, `user_id`) are `read_only`; any other top-level
    /// key is `unknown_field`. A value of the wrong JSON type throws `DecodingError`.
    public struct ProfileRequest: ProfileUpdateRequest, Hashable {
        /// The display name change.
        public var displayName: PatchField<String>
        /// The preference changes.
        public var preferences: PreferencesPatch
        /// Keys the body carried but may not, as field errors.
        public var rejectedFields: [FieldError]

        /// Creates a request.
        public init(
            displayName: PatchField<String> = .absent,
            preferences: PreferencesPatch = .empty,
            rejectedFields: [FieldError] = []
        ) {
            self.displayName = displayName
            self.preferences = preferences
            self.rejectedFields = rejectedFields
        }

        /// The update this request asks for.
        public var update: ProfileUpdate {
            ProfileUpdate(
                profile: ProfilePatch(displayName: displayName), preferences: preferences,
                rejectedFields: rejectedFields)
        }

        static let screen = RequestKeyScreen(
            accepted: ["display_name", "preferences"],
            serverOwned: ["id", "user_id", "email", "created_at", "updated_at", "version"]
        )

        /// Decodes the body; see the type's documentation for what is accepted and rejected.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: DynamicCodingKey.self)
            let rejected = Self.screen.rejections(in: container)
            let displayName: PatchField<String> = try container.decodePatchField(forKey: "display_name")
            let sent = try container.decodePatchObject(forKey: "preferences") { nested in
                var preferences = PreferencesPatch()
                for key in nested.allKeys {
                    switch key.stringValue {
                    case "voice_preference":
                        preferences.voicePreference = try nested.decodePatchField(forKey: key)
                    case "default_scenario":
                        preferences.defaultScenario = try nested.decodePatchField(forKey: key)
                    default:
                        preferences.additional[key.stringValue] = try nested.decodePatchField(forKey: key)
                    }
                }
                return preferences
            }
            self.init(displayName: displayName, sent: sent, rejected: rejected)
        }

        /// The request once its body is read: `"preferences": null` is refused, and rejections
        /// come sorted by path.
        init(displayName: PatchField<String>, sent: PatchField<PreferencesPatch>, rejected: [FieldError]) {
            var rejected = rejected
            if sent == .null {
                rejected.append(
                    FieldError(
                        field: "preferences", code: .notAllowed,
                        message: "preferences cannot be null; send a preference key with null to reset it"))
            }
            self.init(
                displayName: displayName, preferences: sent.value ?? PreferencesPatch(),
                rejectedFields: rejected.sorted { $0.field < $1.field })
        }

        /// Encodes the named fields: absent fields write no key, `null` writes `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicCodingKey.self)
            try container.encodePatchField(displayName, forKey: "display_name")
            guard !preferences.isEmpty else { return }
            var nested = container.nestedContainer(
                keyedBy: DynamicCodingKey.self, forKey: DynamicCodingKey("preferences"))
            try nested.encodePatchField(preferences.voicePreference, forKey: "voice_preference")
            try nested.encodePatchField(preferences.defaultScenario, forKey: "default_scenario")
            for (key, value) in preferences.additional.sorted(by: { $0.key < $1.key }) {
                try nested.encodePatchField(value, forKey: key)
            }
        }
    }
}
