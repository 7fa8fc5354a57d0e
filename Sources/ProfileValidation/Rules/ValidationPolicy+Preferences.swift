import ProfileDomain

extension ValidationPolicy {
    /// Validates and normalises a preferences patch, reporting every failure at once.
    ///
    /// - `voice_preference` and `default_scenario`: trimmed and lowercased, within their lengths,
    ///   in the allowed list when there is one (`not_allowed` lists the accepted values), else
    ///   identifiers of `[a-z0-9_-]`. `null` resets to the default; empty is `required`.
    /// - Other keys: `[a-z0-9_]`, at most ``PreferencesRule/additionalKeyMaximumLength``; values
    ///   a string (single-line text within ``PreferencesRule/additionalValueMaximumLength``),
    ///   a number, a boolean, or `null` to remove the key; arrays and objects are `wrong_type`.
    ///   More keys than ``PreferencesRule/maximumAdditionalKeys`` is `too_long`.
    public func validate(_ patch: PreferencesPatch) throws(ValidationReport) -> PreferencesPatch {
        var errors: [FieldError] = []
        let result = checkPreferences(patch, existing: nil, errors: &errors)
        guard errors.isEmpty else { throw ValidationReport(errors: errors) }
        return result
    }

    func checkPreferences(
        _ patch: PreferencesPatch, existing: Preferences?, errors: inout [FieldError]
    )
        -> PreferencesPatch
    {
        var result = patch
        result.voicePreference = checkChoice(
            patch.voicePreference, path: "preferences.voice_preference", allowed: preferences.allowedVoices,
            maximumLength: preferences.voiceMaximumLength, errors: &errors)
        result.defaultScenario = checkChoice(
            patch.defaultScenario, path: "preferences.default_scenario", allowed: preferences.allowedScenarios,
            maximumLength: preferences.scenarioMaximumLength, errors: &errors)
        let firstError = errors.count
        var keys = Set(existing?.additional.keys.map { $0 } ?? [])
        for (key, field) in patch.additional {
            let path = "preferences.\(Messages.displayKey(key))"
            guard preferences.maximumAdditionalKeys > 0 else {
                errors.append(
                    FieldError(
                        field: path, code: .unknownField,
                        message: "\(path) is not a preference; use voice_preference or default_scenario"))
                continue
            }
            let isWellFormedKey =
                (1...preferences.additionalKeyMaximumLength).contains(key.utf8.count)
                && key.utf8.allSatisfy {
                    ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
                        || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_")
                }
            guard isWellFormedKey else {
                errors.append(
                    FieldError(
                        field: path, code: .invalidCharacters,
                        message: "\(path) is not a valid preference key: 1 to "
                            + "\(preferences.additionalKeyMaximumLength) of a-z, 0-9 and _",
                        limit: preferences.additionalKeyMaximumLength))
                continue
            }
            switch field {
            case .absent:
                continue
            case .null:
                keys.remove(key)
            case .value(let value):
                keys.insert(key)
                result.additional[key] =
                    checkPreferenceValue(value, path: path, errors: &errors).map(PatchField.value)
                    ?? field
            }
        }
        if keys.count > preferences.maximumAdditionalKeys {
            errors.append(
                Messages.tooLong(
                    "preferences", count: keys.count, limit: preferences.maximumAdditionalKeys, unit: "extra keys"))
        }
        if errors.count - firstError > 1 {
            errors[firstError...].sort { $0.field < $1.field }
        }
        return result
    }

    private func checkChoice(
        _ field: PatchField<String>,
        path: String,
        allowed: Set<String>?,
        maximumLength: Int,
        errors: inout [FieldError]
    ) -> PatchField<String> {
        guard case .value(let raw) = field else { return field }
        let value = Whitespace.trimmed(raw).lowercased()
        guard !value.isEmpty else {
            errors.append(Messages.required(path, "; send null to reset it to the default"))
            return field
        }
        if value.utf8.count > maximumLength {
            errors.append(Messages.tooLong(path, count: value.count, limit: maximumLength, unit: "characters"))
            return field
        }
        if let allowed {
            guard allowed.contains(value) else {
                errors.append(
                    FieldError(
                        field: path, code: .notAllowed,
                        message: "\(path) must be one of \(Messages.list(allowed.sorted())); \(value) is not"))
                return field
            }
        } else if !value.utf8.allSatisfy({ Self.isUsernameByte($0) || $0 == UInt8(ascii: "-") }) {
            errors.append(
                FieldError(field: path, code: .invalidCharacters, message: "\(path) may only hold a-z, 0-9, _ and -"))
            return field
        }
        return .value(value)
    }

    private func checkPreferenceValue(_ value: JSONValue, path: String, errors: inout [FieldError]) -> JSONValue? {
        switch value {
        case .null, .bool, .number:
            return value
        case .string(let string):
            switch TextChecker.check(string, rule: preferences.additionalValueRule, path: path, errors: &errors) {
            case .value(let normalized): return .string(normalized)
            case .empty: return .string("")
            case .invalid: return nil
            }
        case .array, .object:
            errors.append(
                FieldError(
                    field: path, code: .wrongType,
                    message: "\(path) must be a string, a number, a boolean or null, not an array or object"))
            return nil
        }
    }
}
