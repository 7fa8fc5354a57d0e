import ProfileDomain
import ProfileStore
import ProfileValidation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every endpoint of the specs it serves, over one store and one media store, framework-neutral:
/// a request in, the owning spec's exact response out.
///
/// One value mounts all four specs (their paths do not collide); each route is answered under
/// its own spec's validation preset and rendered in its own spec's envelope. A server registers
/// ``routes`` with its router and forwards each matched request to
/// ``respond(to:route:parameters:)``, or sends everything to ``respond(to:)``, which matches the
/// route itself. Errors never escape: every ``ProfileDomain/ProfileError`` comes back in the
/// spec's envelope and status convention, with machine-readable `details` beside the spec's
/// own fields.
///
/// ```swift
/// let api = ProfileAPI(store: store, media: media)
/// let response = await api.respond(
///     to: EndpointRequest(method: "PUT", path: "/api/v1/profiles/me", caller: .user(id), body: body))
/// ```
///
/// The order of checks is fixed: an anonymous caller on a route that
/// ``ProfileRoute/requiresAuthentication`` gets 401 before the body is read; then 403 (acting
/// on another user), 400 (an unreadable body), 412 (an `If-Match` that names no version, or a
/// stale one), 404, 413/415 (an image), 422 (every field error at once), 409 (a username or
/// email another user holds). See `Docs/Service.md`.
public struct ProfileAPI: Sendable {
    /// The specs served, in the order given.
    public let specs: [ProfileSpec]
    /// Every route of every spec served: what a server registers.
    public let routes: [ProfileRoute]
    /// How request bodies are read: size, depth and duplicate-key limits.
    public let decoder: RequestBodyDecoder
    /// One service per spec, each validating under its spec's policy, all over the same store.
    let services: [ProfileSpec.Name: ProfileService]
    /// The routes' templates, parsed once.
    let templates: [PathTemplate]

    /// Serves `specs` (all four by default) over `store` and `media`.
    ///
    /// - Parameters:
    ///   - store: where records live; shared by every spec.
    ///   - media: where uploaded avatars go; `nil` disables uploads (500 on the upload routes).
    ///   - specs: the specs to serve, each under its own ``ProfileSpec/policy``. Two specs of the
    ///     same name: the first wins.
    ///   - decoder: the limits on request bodies.
    ///   - mediaPathPrefix: prepended to a media key to form the stored avatar path.
    ///   - now: the clock; tests pass a fixed one.
    public init(
        store: any ProfileStore,
        media: (any MediaStore)? = nil,
        specs: [ProfileSpec] = ProfileSpec.all,
        decoder: RequestBodyDecoder = RequestBodyDecoder(),
        mediaPathPrefix: String = "/media/avatars/",
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.init(
            service: ProfileService(store: store, media: media, mediaPathPrefix: mediaPathPrefix, now: now),
            specs: specs, decoder: decoder)
    }

    /// Serves `specs` (all four by default) through `service`'s store, media store and clock, each
    /// spec under its own ``ProfileSpec/policy`` (`service`'s own policy is not used).
    ///
    /// Every spec's service is derived from `service` with ``ProfileStore/ProfileService/with(policy:)``,
    /// so one user's media changes are serialized across all the specs and with direct calls to
    /// `service`.
    public init(
        service: ProfileService,
        specs: [ProfileSpec] = ProfileSpec.all,
        decoder: RequestBodyDecoder = RequestBodyDecoder()
    ) {
        var unique: [ProfileSpec] = []
        for spec in specs where !unique.contains(where: { $0.name == spec.name }) { unique.append(spec) }
        self.specs = unique
        self.routes = unique.flatMap(\.routes)
        self.templates = routes.map { PathTemplate($0.path) }
        self.decoder = decoder
        self.services = Dictionary(
            uniqueKeysWithValues: unique.map { spec in (spec.name, service.with(policy: spec.policy)) })
    }

    /// The use cases behind `spec`'s routes (its policy, the shared store), for a server that
    /// calls them directly; `nil` when the spec is not served.
    public func service(for spec: ProfileSpec.Name) -> ProfileService? { services[spec] }

    /// Matches `request` against ``routes`` and answers it; never throws.
    ///
    /// A path no route has is 404 and a known path with another method is 405, each in the
    /// envelope of the spec whose routes share the most leading segments with the path.
    public func respond(to request: EndpointRequest) async -> EndpointResponse {
        let method = request.method.uppercased()
        let path = request.path.split(separator: "/")
        var best: (route: ProfileRoute, parameters: [String: String], literals: Int)?
        var pathKnown: ProfileRoute?
        for (route, template) in zip(routes, templates) {
            guard let parameters = template.match(path) else { continue }
            pathKnown = pathKnown ?? route
            guard route.method == method, template.literalCount > best?.literals ?? -1 else { continue }
            best = (route, parameters, template.literalCount)
        }
        if let best { return await respond(to: request, route: best.route, parameters: best.parameters) }
        if let pathKnown {
            return render(
                ProfileError(
                    code: .methodNotAllowed,
                    message: "\(method) is not allowed on \(request.path)"),
                in: pathKnown.spec)
        }
        return render(
            ProfileError(code: .notFound, message: "No endpoint at \(request.path)"),
            in: nearestSpec(to: path))
    }

    /// Answers `request`, which the server's router matched to `route` with the path
    /// `parameters` (percent-decoded, by the names in ``ProfileRoute/parameters``); never throws.
    ///
    /// An anonymous caller on a route that requires authentication gets 401 here, before the
    /// body or any header is read.
    public func respond(
        to request: EndpointRequest, route: ProfileRoute, parameters: [String: String] = [:]
    ) async -> EndpointResponse {
        guard let service = services[route.spec] else {
            return render(.internalError(underlying: "\(route) belongs to a spec this API does not serve"), in: nil)
        }
        do throws(ProfileError) {
            // An operator is authenticated: owner routes answer it 403 (it owns no profile), operator
            // routes check its scope.
            if route.requiresAuthentication, request.caller == .anonymous { throw .unauthenticated }
            let call = RouteCall(request: request, parameters: parameters, service: service)
            if case .lifecycle(let operation) = route.action {
                return try await lifecycle(operation, call, in: route.spec)
            }
            switch route.spec {
            case .creator: return try await creator(route.action, call)
            case .social: return try await social(route.action, call)
            case .mobile: return try await mobile(route.action, call)
            case .django: return try await django(route.action, call)
            }
        } catch {
            return render(error, in: route.spec)
        }
    }

    /// The spec whose routes share the most leading segments with `path`; the first served spec
    /// on a tie.
    private func nearestSpec(to path: [Substring]) -> ProfileSpec.Name? {
        var best: (spec: ProfileSpec.Name, shared: Int)?
        for (route, template) in zip(routes, templates) {
            let shared = template.sharedPrefixLength(with: path)
            if shared > best?.shared ?? -1 { best = (route.spec, shared) }
        }
        return best?.spec
    }
}

/// One matched request on its way to a handler.
struct RouteCall: Sendable {
    let request: EndpointRequest
    let parameters: [String: String]
    let service: ProfileService
}
