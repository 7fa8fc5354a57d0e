/// One endpoint of one spec, as data a server framework registers: a method, a path template,
/// what the body may be, whether a caller must be authenticated, and which headers matter.
///
/// ```swift
/// for route in api.routes {
///     router.on(route.path.hummingbirdPattern, method: route.method) { request, context in ... }
/// }
/// ```
///
/// Path templates name their parameters in braces (`/api/v1/profile/id/{userId}`); a trailing
/// slash in a template (the Django spec's `/api/users/profile/`) is kept as the spec writes it,
/// and matching ignores it. Within a spec a literal segment wins over a parameter; across specs
/// no two routes match the same method and path (a test walks the table to prove it).
public struct ProfileRoute: Sendable, Hashable, CustomStringConvertible {
    /// The spec that owns the route.
    public let spec: ProfileSpec.Name
    /// The method, upper case: `GET`, `PUT`, `POST`, `PATCH` or `DELETE`.
    public let method: String
    /// The path template, e.g. `/api/v1/profile/id/{userId}`.
    public let path: String
    /// What the body may be; empty when the route reads no body.
    public let bodies: Set<BodyKind>
    /// Whether an anonymous caller is refused (401) before anything else is looked at, the
    /// body included.
    public let requiresAuthentication: Bool
    /// The request headers the route reads (`If-Match`) or the spec sends (`X-App-Type`).
    public let headers: [String]
    /// What the route does, for the library's dispatch.
    let action: RouteAction

    init(
        _ spec: ProfileSpec.Name, _ method: String, _ path: String, _ action: RouteAction,
        bodies: Set<BodyKind> = [], requiresAuthentication: Bool = true, headers: [String] = []
    ) {
        self.spec = spec
        self.method = method
        self.path = path
        self.action = action
        self.bodies = bodies
        self.requiresAuthentication = requiresAuthentication
        self.headers = headers
    }

    /// The names of the path's parameters, in order: `["userId"]`.
    public var parameters: [String] { PathTemplate(path).parameters }

    /// `PUT /api/v1/profiles/me (creator)`.
    public var description: String { "\(method) \(path) (\(spec.rawValue))" }

    /// A kind of request body a route accepts.
    public enum BodyKind: String, Sendable, Hashable, CaseIterable {
        /// `application/json`.
        case json
        /// `multipart/form-data` with the fields as text parts and an `avatar` file part (Django).
        case multipart
        /// The raw bytes of an image (`image/jpeg`, `image/png`, `image/webp`).
        case image
    }
}
