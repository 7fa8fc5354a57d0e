import ProfileDomain
import ProfileValidation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every endpoint of one spec, framework-neutral: a request in, the spec's exact response out.
///
/// This is the whole HTTP contract of a spec in one value, so a Vapor or Hummingbird server is
/// a route that forwards to ``respond(to:)``, and frontend teams can read (and run) the contract
/// without a server. Errors never escape: every ``ProfileDomain/ProfileError`` is rendered in the
/// spec's envelope and status convention.
///
/// ```swift
/// let endpoints = ProfileEndpoints(.creator, service: service)
/// let response = await endpoints.respond(
///     to: EndpointRequest(method: "PUT", path: "/api/v1/profiles/me", caller: .user(id), body: body))
/// ```
public struct ProfileEndpoints: Sendable {
    /// Which spec's endpoints, shapes and envelopes to serve.
    public enum Spec: String, Sendable, Hashable, CaseIterable {
        /// `PUT/GET /api/v1/profiles/me`, `GET /api/v1/users/me`, `POST /api/v1/profiles/upload-media`.
        case creator
        /// `/api/v1/profile/...`, `POST /api/v1/account/username/change`, relationships.
        case social
        /// `GET/POST /mobile/user/profile`.
        case mobile
        /// `/api/users/profile/`, `/api/users/update-profile/<pk>/`, `/api/users/delete/<id>/`.
        case django
    }

    /// The spec served.
    public let spec: Spec
    /// The use cases behind the endpoints.
    public let service: ProfileService
    /// How request bodies are read: size, depth and duplicate-key limits.
    public let decoder: RequestBodyDecoder

    /// Creates the endpoints of `spec` over `service`.
    public init(_ spec: Spec, service: ProfileService, decoder: RequestBodyDecoder = RequestBodyDecoder()) {
        self.spec = spec
        self.service = service
        self.decoder = decoder
    }

    /// Answers `request`; never throws: failures come back in the spec's error envelope.
    public func respond(to request: EndpointRequest) async -> EndpointResponse {
        let route = Route(method: request.method.uppercased(), path: request.path)
        do throws(ProfileError) {
            switch spec {
            case .creator: return try await creator(route, request)
            case .social: return try await social(route, request)
            case .mobile: return try await mobile(route, request)
            case .django: return try await django(route, request)
            }
        } catch {
            return render(error)
        }
    }

    /// The spec's error response for `error`.
    public func render(_ error: ProfileError) -> EndpointResponse {
        switch spec {
        case .creator:
            let (status, body) = CreatorWire.ErrorResponse.rendering(error)
            return Self.json(body, status: status)
        case .social:
            let (status, envelope) = SocialWire.rendering(error, at: service.now())
            return Self.json(envelope, status: status)
        case .mobile:
            let (status, body) = MobileWire.ErrorResponse.rendering(error)
            return Self.json(body, status: status)
        case .django:
            let (status, body) = DjangoWire.ErrorBody.rendering(error)
            return Self.json(body, status: status)
        }
    }

    // MARK: Helpers shared by the routes

    /// Decodes a JSON body with the hardened decoder.
    func decode<Body: Decodable>(
        _ type: Body.Type, _ request: EndpointRequest, emptyMeansObject: Bool = false
    )
        throws(ProfileError) -> Body
    {
        let bytes = request.body.isEmpty && emptyMeansObject ? Array("{}".utf8) : request.body
        guard !bytes.isEmpty else { throw .malformed("The request body is empty; send a JSON object") }
        return try decoder.decode(type, from: bytes)
    }

    /// Decodes a spec's update body, with the `If-Match` version as the update's expected version.
    func decodeUpdate(
        _ type: (some ProfileUpdateRequest).Type, _ request: EndpointRequest, emptyMeansObject: Bool = false
    ) throws(ProfileError) -> ProfileUpdate {
        var update = try decode(type, request, emptyMeansObject: emptyMeansObject).update
        update.expectedVersion = try expectedVersion(request)
        return update
    }

    /// The version an `If-Match` header names (412 when it names none this library issued).
    func expectedVersion(_ request: EndpointRequest) throws(ProfileError) -> Int? {
        switch EntityTag.expectedVersion(fromIfMatch: request.ifMatch) {
        case .success(let version): return version
        case .failure:
            throw ProfileError(
                code: .versionConflict, status: .preconditionFailed,
                message: "If-Match must name a version this API issued, such as \"v3\"")
        }
    }

    /// A JSON response, with an `ETag` when `version` is given.
    static func json<Body: Encodable>(_ body: Body, status: HTTPStatus = .ok, version: Int? = nil) -> EndpointResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = ["Content-Type": "application/json; charset=utf-8"]
        if let version { headers["ETag"] = EntityTag.header(for: version) }
        do {
            return EndpointResponse(status: status, headers: headers, body: Array(try encoder.encode(body)))
        } catch {
            // The wire types encode plain strings, numbers and arrays; this cannot fail, but an
            // unencodable body must still be an answer.
            return EndpointResponse(
                status: .internalServerError, headers: headers,
                body: Array(#"{"success":false,"message":"An unexpected error occurred"}"#.utf8))
        }
    }

    /// 404 for a path the spec does not have, 405 for a known path and another method.
    func unrouted(_ route: Route, knownPaths: Bool) -> ProfileError {
        knownPaths
            ? ProfileError(
                code: "method_not_allowed", status: .methodNotAllowed,
                message: "\(route.method) is not allowed on \(route.path)")
            : ProfileError(code: .notFound, status: .notFound, message: "No endpoint at \(route.path)")
    }
}

/// A request's method and path split into segments, for matching.
struct Route: Sendable {
    let method: String
    let path: String
    let segments: [Substring]

    init(method: String, path: String) {
        self.method = method
        self.path = path
        self.segments = path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// The segments after `prefix` when the path starts with it, else `nil`.
    func after(_ prefix: String) -> [Substring]? {
        let head = prefix.split(separator: "/")
        guard segments.count >= head.count, Array(segments.prefix(head.count)) == head else { return nil }
        return Array(segments.dropFirst(head.count))
    }

    /// Whether the path is exactly `path` (trailing slash ignored).
    func `is`(_ path: String) -> Bool { after(path) == [] }
}
