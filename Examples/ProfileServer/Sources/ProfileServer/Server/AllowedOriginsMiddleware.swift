import HTTPTypes
import Hummingbird

/// CORS for browser frontends, limited to configured origins: a request from a listed origin
/// (or any origin, with `*`) gets Hummingbird's CORS headers and its preflight answer; any
/// other origin gets no CORS headers, so the browser refuses the response.
struct AllowedOriginsMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>
    let cors: CORSMiddleware<Context>

    init(origins: [String]) {
        self.origins = Set(origins)
        self.cors = CORSMiddleware(
            allowOrigin: .originBased,
            allowHeaders: [
                .accept, .authorization, .contentType, .origin, .ifMatch,
                HTTPField.Name("X-App-Type") ?? .accept,
            ],
            allowMethods: [.get, .head, .post, .put, .patch, .delete, .options],
            exposedHeaders: ["ETag", "X-Request-Id"],
            maxAge: .seconds(600))
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    )
        async throws -> Response
    {
        guard let origin = request.headers[.origin], origins.contains("*") || origins.contains(origin) else {
            return try await next(request, context)
        }
        return try await cors.handle(request, context: context, next: next)
    }
}
