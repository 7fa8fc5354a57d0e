import HTTPTypes
import Hummingbird

/// Answers what the router matched to no route (Hummingbird's bare 404 or 405) the way the
/// specs do: in the envelope of the spec nearest to the path.
struct UnmatchedRouteMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: ProfileRouteAdapter

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    )
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            return await routes.unmatched(request)
        }
    }
}
