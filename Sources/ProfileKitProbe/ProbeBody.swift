import ProfileKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `ProfileKitProbe body <preset>`: reads one JSON request body per line of standard input and
/// writes one verdict line per body, `{"create":{...},"update":{...}}`, each mapping a field path
/// to its codes (`{}`: accepted).
///
/// A body goes the way the preset's endpoint takes it: ``RequestBodyDecoder`` into the spec's
/// request type (`default`, which has no endpoint, into the canonical body of the conformance
/// vectors), then the policy's validation of the update as a create (no stored record) and as an
/// update of the stored profile the conformance vectors start from.
enum ProbeBody {
    /// The wall-clock time validation measures cooldowns against, as the conformance vectors do.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count == 1, let policy = ValidationPolicy.presets.first(where: { $0.name == arguments[0] })
        else {
            let names = ValidationPolicy.presets.map(\.name).joined(separator: ", ")
            complain("usage: ProfileKitProbe body <preset>; presets: \(names)")
            return 64
        }
        let stored: UserRecord
        do {
            stored = try storedRecord()
        } catch {
            complain("the stored profile of the probe is invalid: \(error)")
            return 70
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        while let line = readLine(strippingNewline: true) {
            let bytes = Array(line.utf8)
            let verdict: [String: [String: [String]]] = [
                "create": codes(bytes, policy: policy, record: nil),
                "update": codes(bytes, policy: policy, record: stored),
            ]
            guard let encoded = try? encoder.encode(verdict) else { return 70 }
            print(String(decoding: encoded, as: UTF8.self))
        }
        return 0
    }

    /// The codes the endpoint path reports for `bytes`, by field path; empty when accepted.
    static func codes(_ bytes: [UInt8], policy: ValidationPolicy, record: UserRecord?) -> [String: [String]] {
        do throws(ProfileError) {
            let update = try decodeUpdate(bytes, policy: policy)
            do throws(ValidationReport) {
                _ = try policy.validate(update, against: record, at: now)
                return [:]
            } catch {
                return error.codesByField.mapValues { $0.map(\.rawValue) }
            }
        } catch {
            return Dictionary(grouping: error.fieldErrors, by: \.field).mapValues { $0.map(\.code.rawValue) }
        }
    }

    /// The update a body asks for, decoded by the hardened decoder into the preset's request type.
    static func decodeUpdate(_ bytes: [UInt8], policy: ValidationPolicy) throws(ProfileError) -> ProfileUpdate {
        let decoder = RequestBodyDecoder()
        switch policy.name {
        case "creator": return try decoder.decode(CreatorWire.ProfileRequest.self, from: bytes).update
        case "social": return try decoder.decode(SocialWire.UpdateRequest.self, from: bytes).update
        case "mobile": return try decoder.decode(MobileWire.ProfileRequest.self, from: bytes).update
        case "django": return try decoder.decode(DjangoWire.UpdateRequest.self, from: bytes).update
        default: return try ConformanceVectors.update(from: decoder.decode(JSONValue.self, from: bytes), policy: policy)
        }
    }

    /// Writes `message` and a newline to standard error.
    static func complain(_ message: String) {
        let bytes = Array((message + "\n").utf8)
        _ = write(2, bytes, bytes.count)
    }

    /// The stored profile the conformance vectors' updates start from (their `baseline`).
    static let storedBody = #"{"username":"existing_user","displayName":"Existing User","bio":"Bio","niche":["music"]}"#

    static func storedRecord() throws -> UserRecord {
        guard let userID = UserID("probe-user") else { throw ProfileError.userNotFound }
        let patch = try RequestBodyDecoder().decode(ProfilePatch.self, from: Array(storedBody.utf8))
        guard let stored = ValidatedProfilePatch(storedValues: patch) else { throw ProfileError.userNotFound }
        let profile = Profile.creating(from: stored, userID: userID, at: now)
        return UserRecord(account: Account(userID: userID, createdAt: now), profile: profile)
    }
}
