import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SocialWire {
    /// The status and envelope a server sends for `error`, made at `date`.
    ///
    /// A validation failure with field errors is `422 UNPROCESSABLE_ENTITY`, message
    /// `Validation failed`, and `data` maps each field to its message (several messages for one
    /// field joined with `"; "`). Every other error keeps its own status, and `data` repeats its
    /// message as a string. Both carry `details` (``ErrorDetail``).
    public static func rendering(
        _ error: ProfileError, at date: Date
    ) -> (
        status: HTTPStatus, envelope: Envelope<ErrorData>
    ) {
        if error.code == .validationFailed, !error.fieldErrors.isEmpty {
            let status = HTTPStatus.unprocessableEntity
            let data = ErrorData.fields(FieldErrorMessages.joined(error.fieldErrors))
            return (
                status,
                Envelope(
                    status: status, message: "Validation failed", data: data, at: date,
                    details: ErrorDetail.list(error))
            )
        }
        return (
            error.status,
            Envelope(
                status: error.status, message: error.message, data: .message(error.message), at: date,
                details: ErrorDetail.list(error))
        )
    }
}
