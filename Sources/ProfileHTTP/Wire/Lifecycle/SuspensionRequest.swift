import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The body of an operator's suspension in every spec: `{"until": "2026-06-01T00:00:00Z"}`, or
/// `{"until": null}`, `{}` or no body at all for an indefinite suspension.
///
/// `until` is an RFC 3339 timestamp (a zone-less one is read as UTC). A key other than `until`
/// is an `unknown_field` error and an unreadable date an `invalid_format` one, both on the
/// request's 422 with every error at once; a date not after now is the service's `out_of_range`.
struct SuspensionRequest: Decodable, Sendable, Hashable {
    /// The end of the suspension as sent; `nil` for indefinitely.
    let until: String?
    /// Keys the body carried but may not, as field errors.
    let rejectedFields: [FieldError]

    static let screen = RequestKeyScreen(accepted: ["until"], serverOwned: ["since", "state", "userId", "user_id"])

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DynamicCodingKey.self)
        until = try container.decodeIfPresent(String.self, forKey: DynamicCodingKey("until"))
        rejectedFields = Self.screen.rejections(in: container)
    }

    /// The end of the suspension, or every field error of the body at once.
    func end() throws(ProfileError) -> Date? {
        var errors = rejectedFields
        var date: Date?
        if let until {
            date = WireTimestamp.parse(until)
            if date == nil {
                errors.append(
                    FieldError(
                        field: "until", code: .invalidFormat,
                        message: "until must be an RFC 3339 timestamp such as 2026-06-01T00:00:00Z, or null"))
            }
        }
        guard errors.isEmpty else { throw .validation(errors.sorted { $0.field < $1.field }) }
        return date
    }
}
