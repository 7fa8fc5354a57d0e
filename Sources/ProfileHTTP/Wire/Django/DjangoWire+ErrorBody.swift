import ProfileDomain

extension DjangoWire {
    /// Any Django failure body: DRF validation errors or `{"error": ...}`.
    public enum ErrorBody: Sendable, Hashable, Codable {
        /// `400` with `{"field": ["message", ...]}`.
        case validation(ValidationErrors)
        /// `{"error": "..."}` with the error's status.
        case error(ErrorResponse)

        /// The status and body a server sends for `error`.
        ///
        /// A validation failure is `400` with DRF's field map (fields in Django's spelling:
        /// `first_name`, `last_name`, `number_phone`; a failure without fields under
        /// `non_field_errors`). Every other error is `{"error": message}` with its own status, using
        /// the spec's sentences for `403` (`Not authorized`) and `404` (`The user cannot be found in
        /// the database.`).
        public static func rendering(_ error: ProfileError) -> (status: HTTPStatus, body: ErrorBody) {
            switch error.code {
            case .validationFailed:
                var fields =
                    error.fieldErrors.isEmpty
                    ? ["non_field_errors": [error.message]]
                    : FieldErrorMessages.lists(error.fieldErrors)
                if let clash = fields.removeValue(forKey: ValidationErrors.detailsKey) {
                    fields["non_field_errors", default: []].append(contentsOf: clash)
                }
                let details = ErrorDetail.list(error)
                return (.badRequest, .validation(ValidationErrors(fields: fields, details: details)))
            case .forbidden:
                return (error.status, .error(ErrorResponse(error: "Not authorized", details: ErrorDetail.list(error))))
            case .notFound:
                return (
                    error.status,
                    .error(
                        ErrorResponse(
                            error: "The user cannot be found in the database.", details: ErrorDetail.list(error)))
                )
            default:
                return (error.status, .error(ErrorResponse(error: error.message, details: ErrorDetail.list(error))))
            }
        }

        /// Decodes `{"error": ...}` when that is the object's only key, else a validation map.
        public init(from decoder: any Decoder) throws {
            let keys = try decoder.container(keyedBy: DynamicCodingKey.self).allKeys.map(\.stringValue)
            if keys.filter({ $0 != ValidationErrors.detailsKey }) == ["error"] {
                self = .error(try ErrorResponse(from: decoder))
            } else {
                self = .validation(try ValidationErrors(from: decoder))
            }
        }

        /// Encodes the body.
        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .validation(let errors): try errors.encode(to: encoder)
            case .error(let error): try error.encode(to: encoder)
            }
        }
    }
}
