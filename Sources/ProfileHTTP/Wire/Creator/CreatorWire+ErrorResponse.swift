import ProfileDomain

extension CreatorWire {
    /// The creator spec's failure body: `{"success": false, "message": ..., "error": ...}`, plus
    /// `errors` (`{field: message}`) on a validation failure.
    ///
    /// `message` is the ``ProfileDomain/ProfileError/message``. `error` is a short stable technical string:
    /// `Username already exists` for `username_taken` and `Profile not found` for `not_found` (the
    /// spec's own strings), else the error's code (`validation_failed`, `unauthenticated`, ...).
    /// `errors` is an addition to the spec's envelope, present only when fields failed; several
    /// messages for one field are joined with `"; "`. `details` is the library's machine-readable
    /// list (``ErrorDetail``), on every rendered error.
    public struct ErrorResponse: Sendable, Hashable, Codable {
        /// Always `false`.
        public let success: Bool
        /// A sentence for the user.
        public let message: String
        /// The stable technical string.
        public let error: String
        /// Field messages on a validation failure; `nil` (no key) otherwise.
        public let errors: [String: String]?
        /// Every reason as `{field, code, limit}`; `nil` (no key) only in a body built by hand.
        public let details: [ErrorDetail]?

        /// Creates a failure body.
        init(message: String, error: String, errors: [String: String]? = nil, details: [ErrorDetail]? = nil) {
            self.success = false
            self.message = message
            self.error = error
            self.errors = errors
            self.details = details
        }

        /// The failure body of `error`.
        public init(_ error: ProfileError) {
            let technical: String
            switch error.code {
            case .usernameTaken: technical = "Username already exists"
            case .notFound: technical = "Profile not found"
            default: technical = error.code.rawValue
            }
            let fields = FieldErrorMessages.joined(error.fieldErrors)
            self.init(
                message: error.message, error: technical,
                errors: error.code == .validationFailed && !fields.isEmpty ? fields : nil,
                details: ErrorDetail.list(error))
        }

        /// The status and body a server sends for `error`.
        ///
        /// The creator spec answers validation failures with 400 (not 422) and a malformed body with
        /// 400; every other error keeps its own status (401, 403, 404, 409, 412, 500...).
        public static func rendering(_ error: ProfileError) -> (status: HTTPStatus, body: ErrorResponse) {
            let status: HTTPStatus = error.code == .validationFailed ? .badRequest : error.status
            return (status, ErrorResponse(error))
        }
    }
}
