import ProfileDomain

extension MobileWire {
    /// The mobile failure body (the spec has none; this is the library's design):
    /// `{"success": false, "message": ..., "errors": {field: message}}`.
    ///
    /// `errors` is always an object, empty unless fields failed; fields use the mobile spelling
    /// (`display_name`, `preferences.voice_preference`), several messages for one field joined
    /// with `"; "`. `details` is the library's machine-readable list (``ErrorDetail``), fields in
    /// the same spelling, on every rendered error.
    public struct ErrorResponse: Sendable, Hashable, Codable {
        /// Always `false`.
        public let success: Bool
        /// A sentence for the user.
        public let message: String
        /// Messages by field.
        public let errors: [String: String]
        /// Every reason as `{field, code, limit}`; `nil` (no key) only in a body built by hand.
        public let details: [ErrorDetail]?

        /// Creates a failure body.
        init(message: String, errors: [String: String] = [:], details: [ErrorDetail]? = nil) {
            self.success = false
            self.message = message
            self.errors = errors
            self.details = details
        }

        /// The failure body of `error`.
        public init(_ error: ProfileError) {
            self.init(
                message: error.message, errors: FieldErrorMessages.joined(error.fieldErrors),
                details: ErrorDetail.list(error))
        }

        /// The status and body a server sends for `error`: 422 for a validation failure, the
        /// error's own status otherwise.
        public static func rendering(_ error: ProfileError) -> (status: HTTPStatus, body: ErrorResponse) {
            let status: HTTPStatus = error.code == .validationFailed ? .unprocessableEntity : error.status
            return (status, ErrorResponse(error))
        }
    }
}
