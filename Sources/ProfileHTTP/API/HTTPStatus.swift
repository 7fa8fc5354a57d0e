/// An HTTP status as the library's errors and the specs' envelopes use it: the code, the
/// reason phrase and the social spec's constant name (`UNPROCESSABLE_ENTITY`).
public struct HTTPStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The numeric code, e.g. 422.
    public let code: Int
    /// The name the social spec puts in `httpStatus`, e.g. `UNPROCESSABLE_ENTITY`.
    public let name: String

    /// Creates a status.
    public init(code: Int, name: String) {
        self.code = code
        self.name = name
    }

    /// `422 UNPROCESSABLE_ENTITY`.
    public var description: String { "\(code) \(name)" }

    /// Whether the code is 2xx.
    public var isSuccess: Bool { (200..<300).contains(code) }

    /// 200.
    public static let ok = HTTPStatus(code: 200, name: "OK")
    /// 201.
    public static let created = HTTPStatus(code: 201, name: "CREATED")
    /// 204.
    public static let noContent = HTTPStatus(code: 204, name: "NO_CONTENT")
    /// 400.
    public static let badRequest = HTTPStatus(code: 400, name: "BAD_REQUEST")
    /// 401.
    public static let unauthorized = HTTPStatus(code: 401, name: "UNAUTHORIZED")
    /// 403.
    public static let forbidden = HTTPStatus(code: 403, name: "FORBIDDEN")
    /// 404.
    public static let notFound = HTTPStatus(code: 404, name: "NOT_FOUND")
    /// 409.
    public static let conflict = HTTPStatus(code: 409, name: "CONFLICT")
    /// 412.
    public static let preconditionFailed = HTTPStatus(code: 412, name: "PRECONDITION_FAILED")
    /// 413.
    public static let payloadTooLarge = HTTPStatus(code: 413, name: "PAYLOAD_TOO_LARGE")
    /// 415.
    public static let unsupportedMediaType = HTTPStatus(code: 415, name: "UNSUPPORTED_MEDIA_TYPE")
    /// 422.
    public static let unprocessableEntity = HTTPStatus(code: 422, name: "UNPROCESSABLE_ENTITY")
    /// 423, for a store another process holds.
    public static let locked = HTTPStatus(code: 423, name: "LOCKED")
    /// 405, for a known path and a method it does not serve.
    public static let methodNotAllowed = HTTPStatus(code: 405, name: "METHOD_NOT_ALLOWED")
    /// 500.
    public static let internalServerError = HTTPStatus(code: 500, name: "INTERNAL_SERVER_ERROR")
    /// 503.
    public static let serviceUnavailable = HTTPStatus(code: 503, name: "SERVICE_UNAVAILABLE")
}
