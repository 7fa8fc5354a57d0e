import ProfileDomain

extension ProfileError {
    /// The HTTP status this error maps to before any spec's own convention overrides it (the
    /// creator spec answers `validation_failed` with 400, the others with 422).
    ///
    /// The choice is made here, in the HTTP module, from the error's ``ProfileDomain/ProfileError/code``:
    /// `validation_failed` 422, `malformed_request` 400, `unauthenticated` 401, `forbidden` 403,
    /// `not_found` and `profile_moved` 404, `method_not_allowed` 405, `username_taken`, `username_held` and `email_taken` 409,
    /// `version_conflict` 412, `payload_too_large` 413, `unsupported_media_type` 415,
    /// `invalid_relationship` 400, `account_suspended` 403, `account_state_conflict` 409,
    /// `store_unavailable` 503, `internal_error` and any code this
    /// library does not define 500.
    public var status: HTTPStatus { HTTPStatus.defaultStatus(for: code) }
}

extension ProfileError.Code {
    /// A known path asked with a method it does not serve; only the HTTP layer raises it.
    public static let methodNotAllowed: Self = "method_not_allowed"
}

extension HTTPStatus {
    /// Every code the library defines, with its status; read by ``ProfileDomain/ProfileError/status``.
    static let byCode: [ProfileError.Code: HTTPStatus] = [
        .validationFailed: .unprocessableEntity,
        .malformedRequest: .badRequest,
        .unauthenticated: .unauthorized,
        .forbidden: .forbidden,
        .notFound: .notFound,
        .methodNotAllowed: .methodNotAllowed,
        .usernameTaken: .conflict,
        .emailTaken: .conflict,
        .usernameHeld: .conflict,
        .profileMoved: .notFound,
        .versionConflict: .preconditionFailed,
        .payloadTooLarge: .payloadTooLarge,
        .unsupportedMediaType: .unsupportedMediaType,
        .invalidRelationship: .badRequest,
        .accountSuspended: .forbidden,
        .accountStateConflict: .conflict,
        .storeUnavailable: .serviceUnavailable,
        .internalError: .internalServerError,
    ]

    /// The status for `code`: 500 for a code the library does not define, since nothing says the
    /// client could fix it.
    static func defaultStatus(for code: ProfileError.Code) -> HTTPStatus {
        byCode[code] ?? .internalServerError
    }
}
