import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns a conformance body (canonical camelCase, top-level keys possibly renamed by a policy's
/// wire names) into the ``ProfileUpdate`` the library validates.
enum CanonicalBody {
    static let profileKeys = Set(ProfileField.allCases.map(\.rawValue))

    /// The update a body describes; keys the canonical body does not know become `unknown_field`
    /// in ``ProfileUpdate/rejectedFields``.
    static func update(from body: JSONValue, policy: ValidationPolicy) throws -> ProfileUpdate {
        guard case .object(let wireObject) = body else {
            throw DecodingError.typeMismatch(
                [String: JSONValue].self, .init(codingPath: [], debugDescription: "a body is a JSON object"))
        }
        let canonicalNames = Dictionary(uniqueKeysWithValues: policy.wireNames.map { ($0.value, $0.key) })
        var profile: [String: JSONValue] = [:]
        var update = ProfileUpdate()
        for (wireKey, value) in wireObject.sorted(by: { $0.key < $1.key }) {
            let key = canonicalNames[wireKey] ?? wireKey
            switch key {
            case _ where profileKeys.contains(key): profile[key] = value
            case "email": update.account.email = try field(value, wireKey)
            case "phoneNumber": update.account.phoneNumber = try field(value, wireKey)
            case "preferences": update.preferences = try preferences(value)
            default:
                update.rejectedFields.append(
                    FieldError(
                        field: wireKey, code: .unknownField, message: "\(wireKey) is not a field of this request"))
            }
        }
        let data = try JSONEncoder().encode(JSONValue.object(profile))
        update.profile = try JSONDecoder().decode(ProfilePatch.self, from: data)
        return update
    }

    /// The stored profile a conformance `existing` describes.
    static func profile(from fields: JSONValue) throws -> Profile {
        let data = try JSONEncoder().encode(fields)
        let patch = try JSONDecoder().decode(ProfilePatch.self, from: data)
        guard let userID = UserID("conformance-user") else { throw FixtureError.invalidFixture }
        // A stored profile may hold what today's policy refuses (a limit tightened since), so the
        // fixture is taken as stored, not validated.
        guard let stored = ValidatedProfilePatch(storedValues: patch) else { throw FixtureError.invalidFixture }
        return Profile.creating(from: stored, userID: userID, at: Date(timeIntervalSince1970: 1_700_000_000))
    }

    private enum FixtureError: Error {
        case invalidFixture
    }

    private static func field(_ value: JSONValue, _ key: String) throws -> PatchField<String> {
        switch value {
        case .null: return .null
        case .string(let string): return .value(string)
        default:
            throw DecodingError.typeMismatch(
                String.self, .init(codingPath: [DynamicCodingKey(key)], debugDescription: "\(key) is a string"))
        }
    }

    private static func preferences(_ value: JSONValue) throws -> PreferencesPatch {
        guard case .object(let object) = value else {
            throw DecodingError.typeMismatch(
                [String: JSONValue].self, .init(codingPath: [], debugDescription: "preferences is an object"))
        }
        var patch = PreferencesPatch()
        for (key, value) in object {
            switch key {
            case "voice_preference": patch.voicePreference = try field(value, key)
            case "default_scenario": patch.defaultScenario = try field(value, key)
            default: patch.additional[key] = value == .null ? .null : .value(value)
            }
        }
        return patch
    }
}
