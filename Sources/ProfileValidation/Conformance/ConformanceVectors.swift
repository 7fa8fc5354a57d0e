import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Generates the language-neutral conformance vectors of a policy: request bodies at and around
/// every limit, hostile values, and the field codes the library reports for each.
///
/// The checked-in files `Conformance/<preset>.json` are this generator's output; a test fails when
/// they differ. Rewrite them with `PROFILEKIT_WRITE_VECTORS=1 swift test --filter ConformanceFiles`.
/// A frontend runs each vector through its own checks and compares codes by path.
public enum ConformanceVectors {
    /// The vectors of `policy`, in a stable order.
    public static func vectors(for policy: ValidationPolicy) -> [ConformanceVector] {
        cases(for: policy).map { item in
            ConformanceVector(
                name: item.name, input: item.input, existing: item.existing,
                expected: expectedCodes(input: item.input, existing: item.existing, policy: policy))
        }
    }

    /// The codes `policy` reports for a body against a stored profile (`nil`: a create), by path.
    static func expectedCodes(
        input: JSONValue, existing: JSONValue?, policy: ValidationPolicy
    ) -> [String: [String]] {
        do {
            let update = try CanonicalBody.update(from: input, policy: policy)
            let record = try existing.map { fields in
                UserRecord(
                    account: Account(
                        userID: try CanonicalBody.profile(from: fields).userID,
                        createdAt: Date(timeIntervalSince1970: 0)),
                    profile: try CanonicalBody.profile(from: fields))
            }
            _ = try policy.validate(update, against: record, at: Date(timeIntervalSince1970: 1_800_000_000))
            return [:]
        } catch let report as ValidationReport {
            return report.codesByField.mapValues { $0.map(\.rawValue) }
        } catch let error as DecodingError {
            let fieldError = RequestBodyDecoder.fieldError(for: error)
            return [policy.wirePath(fieldError.field): [fieldError.code.rawValue]]
        } catch {
            return ["body": [FieldErrorCode.malformed.rawValue]]
        }
    }

    /// The update a conformance body asks for: the canonical body of ``ConformanceVector/input``
    /// read the way ``RequestBodyDecoder`` reports problems (a value of the wrong JSON type is a
    /// 400 with `wrong_type` at its wire path). Keys the canonical body does not know are
    /// `unknown_field` in ``ProfileDomain/ProfileUpdate/rejectedFields``, for validation to report.
    package static func update(from body: JSONValue, policy: ValidationPolicy) throws(ProfileError) -> ProfileUpdate {
        do {
            return try CanonicalBody.update(from: body, policy: policy)
        } catch let error as DecodingError {
            var fieldError = RequestBodyDecoder.fieldError(for: error)
            fieldError.field = policy.wirePath(fieldError.field)
            throw ProfileError.malformed(fieldError.message, fieldErrors: [fieldError])
        } catch {
            throw ProfileError.malformed(
                "body could not be decoded",
                fieldErrors: [FieldError(field: "body", code: .malformed, message: "body could not be decoded")])
        }
    }

    /// The whole conformance document of `policy`: its name, the input shape, its limits and its
    /// vectors.
    public static func document(for policy: ValidationPolicy) -> JSONValue {
        let vectors = vectors(for: policy).map { vector -> JSONValue in
            var object: [String: JSONValue] = [
                "name": .string(vector.name), "input": vector.input, "existing": vector.existing ?? .null,
            ]
            object["expected"] = .object(vector.expected.mapValues { .array($0.map(JSONValue.string)) })
            return .object(object)
        }
        return .object([
            "preset": .string(policy.name),
            "inputShape": .string(
                "canonical camelCase body; top-level keys renamed by wireNames; existing is the stored profile in "
                    + "canonical camelCase, null on create"),
            "wireNames": .object(policy.wireNames.mapValues(JSONValue.string)),
            "limits": limits(of: policy),
            "vectors": .array(vectors),
        ])
    }

    /// The document of `policy` as the checked-in file holds it: pretty-printed JSON with sorted
    /// keys and a final newline.
    public static func fileContents(for policy: ValidationPolicy) throws -> String {
        try encodeForFile(document(for: policy))
    }

    /// Any JSON value as the checked-in files hold it.
    static func encodeForFile(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    private static func limits(of policy: ValidationPolicy) -> JSONValue {
        func rule(_ rule: TextRule) -> JSONValue {
            .object([
                "minimumCharacters": .number(Double(rule.minimumLength)),
                "maximumCharacters": .number(Double(rule.maximumLength)),
                "maximumBytes": .number(Double(rule.maximumBytes)),
                "allowsNewlines": .bool(rule.allowsNewlines), "emptyClears": .bool(rule.allowsEmpty),
            ])
        }
        return .object([
            "requiredOnCreate": .array(policy.requiredOnCreate.sorted().map { .string(policy.wirePath($0.rawValue)) }),
            "updatableFields": .array(policy.updatableFields.sorted().map { .string(policy.wirePath($0.rawValue)) }),
            "username": .object([
                "minimum": .number(Double(policy.usernameLength.lowerBound)),
                "maximum": .number(Double(policy.usernameLength.upperBound)),
                "reserved": .array(policy.reservedUsernames.sorted().map(JSONValue.string)),
            ]),
            "displayName": rule(policy.displayName), "firstName": rule(policy.firstName),
            "middleName": rule(policy.middleName), "lastName": rule(policy.lastName), "bio": rule(policy.bio),
            "locationPart": rule(policy.locationPart), "locationText": rule(policy.locationText),
            "niche": .object([
                "minimumItems": .number(Double(policy.niches.minimumCount)),
                "maximumItems": .number(Double(policy.niches.maximumCount)), "item": rule(policy.niches.item),
            ]),
            "socialLinks": .object([
                "allowsHTTP": .bool(policy.socialLinks.allowsHTTP),
                "acceptsBareHandles": .bool(policy.socialLinks.acceptsBareHandles),
                "maximumLength": .number(Double(policy.socialLinks.maximumLength)),
            ]),
            "imageURL": .object([
                "maximumLength": .number(Double(policy.imageURLMaximumLength)),
                "extensions": .array(policy.imageURLExtensions.map(JSONValue.string)),
                "maximumPictures": .number(Double(policy.maximumPictureURLs)),
            ]),
            "email": .object([
                "maximumLength": .number(Double(policy.emailMaximumLength)), "required": .bool(policy.requiresEmail),
            ]),
            "phone": .string(phoneDescription(policy.phoneFormat)),
            "preferences": .object([
                "voices": policy.preferences.allowedVoices.map { .array($0.sorted().map(JSONValue.string)) } ?? .null,
                "voiceMaximumLength": .number(Double(policy.preferences.voiceMaximumLength)),
                "scenarios": policy.preferences.allowedScenarios.map { .array($0.sorted().map(JSONValue.string)) }
                    ?? .null,
                "scenarioMaximumLength": .number(Double(policy.preferences.scenarioMaximumLength)),
                "maximumAdditionalKeys": .number(Double(policy.preferences.maximumAdditionalKeys)),
            ]),
        ])
    }

    static func phoneDescription(_ format: PhoneFormat) -> String {
        switch format {
        case .digits(let minimum, let maximum): "\(minimum) to \(maximum) national digits"
        case .e164: "E.164"
        }
    }
}
