import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How one spec spells the lifecycle payloads: key casing, timestamps and ids.
struct LifecycleWireStyle: Sendable, Hashable {
    /// Keys in snake_case (`purge_after`) rather than camelCase (`purgeAfter`).
    let snakeCase: Bool
    /// How dates are written.
    let timestamps: WireTimestamp.Style
    /// Whether an all-digit user id is a JSON number (Django's integer primary key).
    let integerIDs: Bool

    /// Creator: camelCase, RFC 3339 dates.
    static let creator = LifecycleWireStyle(snakeCase: false, timestamps: .rfc3339, integerIDs: false)
    /// Social: camelCase, the spec's zone-less UTC dates.
    static let social = LifecycleWireStyle(snakeCase: false, timestamps: .zoneless, integerIDs: false)
    /// Mobile: snake_case, RFC 3339 dates.
    static let mobile = LifecycleWireStyle(snakeCase: true, timestamps: .rfc3339, integerIDs: false)
    /// Django: snake_case, RFC 3339 dates, integer ids.
    static let django = LifecycleWireStyle(snakeCase: true, timestamps: .rfc3339, integerIDs: true)

    /// An object whose camelCase `members` are renamed to this style.
    func object(_ members: [String: JSONValue]) -> JSONValue {
        guard snakeCase else { return .object(members) }
        return .object(Dictionary(uniqueKeysWithValues: members.map { (Self.snakeCased($0.key), $0.value) }))
    }

    /// `date` as this style writes it.
    func date(_ date: Date) -> JSONValue { .string(WireTimestamp(date, style: timestamps).description) }

    /// `id` as a string, or as Django's integer when this style uses them and it is one.
    func id(_ id: UserID) -> JSONValue {
        if integerIDs, let key = DjangoWire.User.integerKey(id) { return .number(Double(key)) }
        return .string(id.rawValue)
    }

    /// `purgeAfter` -> `purge_after`; the keys are ASCII identifiers.
    static func snakeCased(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
