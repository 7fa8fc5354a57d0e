import Foundation
import HTTPTypes
import Hummingbird
import ProfileKit

/// Mounts a ``ProfileKit/ProfileAPI``'s route table on a Hummingbird router: one registration
/// per row of the table, never a route written by hand.
///
/// This file is the only place that speaks the library's HTTP API (`ProfileAPI`, `ProfileRoute`,
/// `EndpointRequest`, `EndpointResponse`); lift it into your own Hummingbird app as it is.
///
/// For every matched request, in this order (the library's order of checks, extended to the
/// transport): a token that is present but invalid is 401; an anonymous caller on a route that
/// requires authentication is 401 before the body is read; a missing `X-App-Type: mobile` where
/// the route lists the header is 400; a body the route takes in no accepted content type is 415;
/// a declared `Content-Length` over the route's limit is 413 before a byte is buffered, and a
/// streamed body is cut at the same limit (413). Every error is rendered in the owning spec's
/// envelope by the library.
public struct ProfileRouteAdapter: Sendable {
    /// What the server's authentication made of a request's credentials.
    public enum Authentication: Sendable {
        /// No credentials: an anonymous caller.
        case anonymous
        /// Valid credentials for this caller.
        case caller(Caller)
        /// Credentials that were present but invalid (expired, forged, wrong key, `alg: none`);
        /// the text says why, for the log only.
        case rejected(String)
        /// Valid credentials the server will not honour as they are (an operator token naming a
        /// scope the server does not know); the text says why and is sent to the client with the 401.
        case refused(String)
    }

    /// The largest bodies a route accepts, by what the route takes.
    public struct BodyLimits: Sendable, Hashable {
        /// JSON bodies, in bytes.
        public var json: Int
        /// Image uploads and multipart forms, in bytes (the image itself plus the form's framing).
        public var upload: Int

        /// Creates limits; the defaults are the library's decoder limit (1 MiB) and 6 MiB, the
        /// image rule's 5 MiB plus room for a multipart form.
        public init(json: Int = 1 << 20, upload: Int = 6 << 20) {
            self.json = json
            self.upload = upload
        }
    }

    /// The API whose routes are mounted.
    public let api: ProfileAPI
    /// The body limits.
    public let limits: BodyLimits
    private let authenticate: @Sendable (Request) async -> Authentication

    /// Mounts all four specs over `store` and `media` with `limits`; `authenticate` turns a
    /// request's credentials into a caller.
    public init(
        store: any ProfileStore, media: any MediaStore, limits: BodyLimits = BodyLimits(),
        authenticate: @escaping @Sendable (Request) async -> Authentication
    ) {
        self.init(
            api: ProfileAPI(store: store, media: media, mediaPathPrefix: MediaRoutes.prefix), limits: limits,
            authenticate: authenticate)
    }

    /// Mounts `api` with `limits`; `authenticate` turns a request's credentials into a caller.
    public init(
        api: ProfileAPI, limits: BodyLimits = BodyLimits(),
        authenticate: @escaping @Sendable (Request) async -> Authentication
    ) {
        self.api = api
        self.limits = limits
        self.authenticate = authenticate
    }

    /// Every route of the table as `(method, path template)`, the way the router registers them.
    public var routeTable: [(method: String, path: String)] { api.routes.map { ($0.method, $0.path) } }

    /// Registers every route of the table on `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        for route in api.routes {
            let adapter = self
            router.on(RouterPath(route.path), method: HTTPRequest.Method(rawValue: route.method) ?? .get) {
                request, context in
                await adapter.respond(to: request, context: context, route: route)
            }
        }
    }

    /// The answer to a request no registered route matched: 404 for an unknown path, 405 for a
    /// known path with another method, each in the envelope of the spec nearest to the path.
    public func unmatched(_ request: Request) async -> Response {
        Self.response(await api.respond(to: EndpointRequest(method: request.method.rawValue, path: request.uri.path)))
    }

    /// The 401 for a token that was presented but is not honoured, logged with `reason`.
    private func refuseToken(
        _ error: ProfileError, reason: String, route: ProfileRoute, context: some RequestContext
    ) -> Response {
        context.logger.notice("token refused", metadata: ["reason": .string(reason)])
        var response = Self.response(api.render(error, in: route.spec))
        response.headers[.wwwAuthenticate] = #"Bearer error="invalid_token""#
        return response
    }

    private func respond(to request: Request, context: some RequestContext, route: ProfileRoute) async -> Response {
        let parameters = Dictionary(
            uniqueKeysWithValues: route.parameters.compactMap { name in
                context.parameters.get(name).map { (name, String($0)) }
            })
        var endpoint = EndpointRequest(
            method: route.method, path: request.uri.path, ifMatch: request.headers[.ifMatch])
        switch await authenticate(request) {
        case .rejected(let reason):
            return refuseToken(.unauthenticated, reason: reason, route: route, context: context)
        case .refused(let reason):
            return refuseToken(
                ProfileError(code: .unauthenticated, message: reason), reason: reason, route: route, context: context)
        case .caller(let caller):
            endpoint.caller = caller
        case .anonymous:
            // The library answers 401 itself, before it looks at a body we have not read.
            if route.requiresAuthentication { return Self.response(await api.respond(to: endpoint, route: route)) }
        }
        do throws(ProfileError) {
            try checkAppType(request, route: route)
            if !route.bodies.isEmpty { try await readBody(request, route: route, into: &endpoint) }
        } catch {
            return Self.response(api.render(error, in: route.spec))
        }
        return Self.response(await api.respond(to: endpoint, route: route, parameters: parameters))
    }

    /// The mobile spec's clients identify themselves; a request without the header is not one.
    private func checkAppType(_ request: Request, route: ProfileRoute) throws(ProfileError) {
        guard route.headers.contains("X-App-Type") else { return }
        let value = request.headers[HTTPField.Name("X-App-Type") ?? .accept]
        guard value?.lowercased() == "mobile" else {
            throw .malformed("This endpoint is for the mobile app: send the header X-App-Type: mobile")
        }
    }

    /// Reads the body the route takes into `endpoint`, by content type.
    private func readBody(
        _ request: Request, route: ProfileRoute, into endpoint: inout EndpointRequest
    ) async throws(ProfileError) {
        let mediaType = request.headers[.contentType].flatMap(MediaType.init(from:))
        let uploads = route.bodies.contains(.image) || route.bodies.contains(.multipart)
        let limit = uploads ? limits.upload : limits.json
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw Self.tooLarge(limit)
        }
        let kind = try Self.bodyKind(of: mediaType, accepted: route.bodies, declaresBody: Self.declaresBody(request))
        let bytes = try await Self.collect(request, upTo: limit)
        switch kind {
        case .json, nil:
            endpoint.body = bytes
        case .image:
            endpoint.body = bytes
        case .multipart:
            let form = try MultipartForm(bytes, boundary: Self.boundary(in: request.headers[.contentType]))
            if route.bodies.contains(.image) {
                // The creator upload: the image is the form's one file part.
                guard let file = form.files.first else {
                    throw .malformed("The form has no file part; send the image as a file part")
                }
                endpoint.body = file.bytes
            } else {
                endpoint.body = try form.fieldsAsJSONObject()
                endpoint.avatar = form.files.first { $0.name == "avatar" }?.bytes
            }
        }
    }

    /// Which of the route's body kinds the content type names; `nil` for no body at all.
    static func bodyKind(
        of mediaType: MediaType?, accepted: Set<ProfileRoute.BodyKind>, declaresBody: Bool
    ) throws(ProfileError) -> ProfileRoute.BodyKind? {
        guard let mediaType else {
            if !declaresBody { return nil }
            throw unsupported("The body has no Content-Type", accepted: accepted)
        }
        let kind: ProfileRoute.BodyKind? =
            if mediaType.isType(.application) && (mediaType.subType == "json" || mediaType.subType.hasSuffix("+json")) {
                .json
            } else if mediaType.isType(.multipartForm) {
                // A multipart form also carries the creator upload's image.
                .multipart
            } else if mediaType.isType(.image)
                || (mediaType.isType(.application) && mediaType.subType == "octet-stream")
            {
                .image
            } else {
                nil
            }
        guard let kind, accepted.contains(kind) || (kind == .multipart && accepted.contains(.image)) else {
            throw unsupported("\(mediaType) is not accepted here", accepted: accepted)
        }
        return kind
    }

    private static func declaresBody(_ request: Request) -> Bool {
        if let length = request.headers[.contentLength].flatMap(Int.init) { return length > 0 }
        return request.headers[.transferEncoding] != nil
    }

    private static func collect(_ request: Request, upTo limit: Int) async throws(ProfileError) -> [UInt8] {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge(limit)
        } catch {
            throw .malformed("The body could not be read: \(error)")
        }
    }

    /// The `boundary` parameter of a `multipart/form-data` content type, unquoted, wherever it
    /// stands among the parameters.
    static func boundary(in contentType: String?) -> String? {
        for parameter in (contentType ?? "").split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            let value = pair[1].trimmingCharacters(in: .whitespaces)
            let unquoted =
                value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
                ? String(value.dropFirst().dropLast()) : value
            return unquoted.isEmpty ? nil : unquoted
        }
        return nil
    }

    private static func tooLarge(_ limit: Int) -> ProfileError {
        ProfileError(
            code: .payloadTooLarge,
            message: "The body is larger than this endpoint's limit of \(limit) bytes")
    }

    private static func unsupported(_ reason: String, accepted: Set<ProfileRoute.BodyKind>) -> ProfileError {
        let names = accepted.map(\.contentTypeName).sorted().joined(separator: " or ")
        return ProfileError(
            code: .unsupportedMediaType, message: "\(reason); send \(names)")
    }

    private static func response(_ endpoint: EndpointResponse) -> Response {
        var headers = HTTPFields()
        for (name, value) in endpoint.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: endpoint.status.code),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: endpoint.body)))
    }
}

extension ProfileRoute.BodyKind {
    fileprivate var contentTypeName: String {
        switch self {
        case .json: "application/json"
        case .multipart: "multipart/form-data"
        case .image: "an image (image/jpeg, image/png, image/webp) or multipart/form-data with a file part"
        }
    }
}
