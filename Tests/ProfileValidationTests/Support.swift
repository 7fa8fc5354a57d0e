import Foundation
import ProfileDomain
import ProfileValidation
import Testing

/// The codes a profile patch gets under `policy` against `existing`, by path; empty when valid.
func codes(_ patch: ProfilePatch, _ policy: ValidationPolicy, existing: Profile? = nil) -> [String: [FieldErrorCode]] {
    do {
        _ = try policy.validate(patch, against: existing)
        return [:]
    } catch {
        return error.codesByField
    }
}

/// The validated patch, or `nil` when it fails.
func cleaned(_ patch: ProfilePatch, _ policy: ValidationPolicy, existing: Profile? = nil) -> ProfilePatch? {
    (try? policy.validate(patch, against: existing))?.normalized
}

/// A stored profile valid under every preset, built field by field so that no fixture can throw.
let storedProfile: Profile = {
    guard let userID = UserID("user-1") else { preconditionFailure("user-1 is a well-formed user id") }
    var profile = Profile(userID: userID, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    profile.username = Username("existing_user")
    profile.displayName = "Existing User"
    profile.bio = "Bio"
    profile.niches = ["music"]
    return profile
}()

/// Every preset with its name, for parameterized tests.
let allPresets: [ValidationPolicy] = ValidationPolicy.presets

/// A string of `count` copies of `unit`.
func repeated(_ unit: String, _ count: Int) -> String { String(repeating: unit, count: count) }

extension ValidationPolicy: CustomTestStringConvertible {
    /// The preset's name, so that parameterized test names stay readable.
    public var testDescription: String { name }
}
