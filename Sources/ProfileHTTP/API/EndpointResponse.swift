import ProfileDomain

/// What ``ProfileAPI`` answers: a status, headers and a JSON body in the spec's shape.
public struct EndpointResponse: Sendable, Hashable {
    /// The status.
    public var status: HTTPStatus
    /// Response headers: always `Content-Type`; `ETag` when the body shows a versioned profile.
    public var headers: [String: String]
    /// The JSON body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: HTTPStatus, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as a string (JSON is UTF-8).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
