import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ProfileKit
import ProfileServer
import Testing

/// The reference server started in-process on an ephemeral 127.0.0.1 port, over real HTTP.
struct TestServer {
    static let secret = "test-secret-of-at-least-thirty-two-bytes"

    /// Starts a server on `dataDirectory` (a new temporary one by default), runs `body` with a
    /// client, then shuts the server down gracefully (the store is closed).
    static func run<Value: Sendable>(
        dataDirectory: String? = nil,
        inMemory: Bool = false,
        corsOrigins: [String] = [],
        limits: ProfileRouteAdapter.BodyLimits = .init(),
        _ body: @Sendable (TestClient) async throws -> Value
    ) async throws -> Value {
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, dataDirectory: dataDirectory ?? temporaryDirectory(), jwtSecret: secret,
            corsOrigins: corsOrigins, inMemory: inMemory, bodyLimits: limits)
        return try await run(configuration: configuration, body)
    }

    /// Starts a server with `configuration`, runs `body` with a client, then shuts it down.
    static func run<Value: Sendable>(
        configuration: ServerConfiguration, _ body: @Sendable (TestClient) async throws -> Value
    ) async throws -> Value {
        var logger = Logger(label: "profile-server-test")
        logger.logLevel = .warning
        let server = try await ReferenceServer(configuration: configuration, logger: logger)
        return try await server.application().test(.live) { client async throws in
            try await body(TestClient(client: client, tokens: server.tokens, storage: server.storage))
        }
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "profile-server-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// A response, its body as bytes and, when it is JSON, as an object.
struct Reply: Sendable {
    let status: Int
    let headers: HTTPFields
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object; empty when it is not one.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
}

/// Sends requests as a user (a token signed by the server's secret) or anonymously.
struct TestClient: Sendable {
    let client: any TestClientProtocol
    let tokens: BearerTokens
    /// The server's store and media store, for what no route can do (moving a deadline).
    let storage: ProfileStorage

    func token(_ user: String, lifetime: TimeInterval = 3600) async throws -> String {
        try await tokens.issue(for: try #require(UserID(user)), lifetime: lifetime)
    }

    /// A token for the operator `name` with `scopes`.
    func operatorToken(_ name: String, scopes: [OperatorScope]) async throws -> String {
        try await tokens.issue(forOperator: name, scopes: scopes)
    }

    /// Sends `body` (JSON text by default) as `user`, or with the raw `authorization` header.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, as user: String? = nil, authorization: String? = nil,
        json: String? = nil, body: [UInt8]? = nil, contentType: String? = nil, headers: [String: String] = [:]
    ) async throws -> Reply {
        var fields = HTTPFields()
        if let user { fields[.authorization] = "Bearer \(try await token(user))" }
        if let authorization { fields[.authorization] = authorization }
        var bytes = body
        if let json {
            bytes = Array(json.utf8)
            fields[.contentType] = "application/json"
        }
        if let contentType { fields[.contentType] = contentType }
        for (name, value) in headers { fields[try #require(HTTPField.Name(name))] = value }
        let response = try await client.execute(
            uri: uri, method: method, headers: fields, body: bytes.map { ByteBuffer(bytes: $0) })
        return Reply(
            status: Int(response.status.code), headers: response.headers, body: Array(response.body.readableBytesView))
    }
}

/// Sample bodies and images shared by the suites.
enum Samples {
    /// The creator spec's sample request.
    static let creatorProfile = """
        {"username": "john_doe", "displayName": "John Doe", "bio": "Content creator and influencer",
         "niche": ["fitness", "lifestyle"], "location": {"city": "New York", "state": "NY", "country": "USA"},
         "socialLinks": {"instagram": "https://instagram.com/johndoe"}}
        """

    static func creatorProfile(username: String) -> String {
        #"{"username": "\#(username)", "displayName": "Someone", "bio": "Hello", "niche": ["art"]}"#
    }

    /// A 1x1 PNG, as Pillow writes it (every chunk's CRC is right: the library checks them).
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x60, 0x60, 0x60,
        0x00, 0x00, 0x00, 0x05, 0x00, 0x01, 0xA5, 0xF6, 0x45, 0x40, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
        0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    /// An HTML page that calls itself a JPEG by its file name and part type.
    static let htmlPage: [UInt8] = Array("<html><script>alert(document.cookie)</script></html>".utf8)

    /// A `multipart/form-data` body of text `fields` and one file part, and its content type.
    static func form(
        fields: [(String, String)] = [], file: (name: String, filename: String, type: String, bytes: [UInt8])?
    ) -> (body: [UInt8], contentType: String) {
        let boundary = "ProfileServerTestBoundary7MA4YWxk"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array(
                """
                --\(boundary)\r\nContent-Disposition: form-data; name="\(file.name)"; filename="\(file.filename)"\r
                Content-Type: \(file.type)\r\n\r\n
                """.utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=\(boundary)")
    }
}
