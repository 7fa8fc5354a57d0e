import HTTPTypes
import Hummingbird

/// One structured log line per request (method, path, status, duration, and the request id
/// Hummingbird put in the request's logger), and the id sent back as `X-Request-Id`, so a
/// client's report can be matched with the server's log.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    static var requestIDField: HTTPField.Name { HTTPField.Name("X-Request-Id") ?? .accept }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    )
        async throws -> Response
    {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if let id = context.logger[metadataKey: "hb.request.id"]?.description {
            response.headers[Self.requestIDField] = id
        }
        let duration = ContinuousClock.now - started
        let milliseconds = Double(duration.components.attoseconds / 1_000_000_000_000) / 1_000
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "status": .stringConvertible(response.status.code),
                "duration_ms": .stringConvertible(Double(duration.components.seconds) * 1_000 + milliseconds),
            ])
        return response
    }
}
