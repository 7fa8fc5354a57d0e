import ProfileDomain

/// What ``ProfileAPI`` answers: a status, headers and a JSON body in the spec's shape.
public struct EndpointResponse: Sendable, Hashable {
    /// The status.
    public let status: HTTPStatus
    /// Response headers: always `Content-Type`; `ETag` when the body shows a versioned profile.
    public let headers: [String: String]
    /// The JSON body.
    public let body: [UInt8]

    /// Creates a response.
    init(status: HTTPStatus, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as a string (JSON is UTF-8).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
