import ProfileDomain

extension ProfileEndpoints {
    /// `GET` and `POST /mobile/user/profile`.
    func mobile(_ route: Route, _ request: EndpointRequest) async throws(ProfileError) -> EndpointResponse {
        guard route.is("/mobile/user/profile") else { throw unrouted(route, knownPaths: false) }
        switch route.method {
        case "GET":
            let view = try await service.ownProfile(for: request.caller)
            return Self.json(MobileWire.ProfileResponse(view), version: view.version)
        case "POST":
            let update = try decodeUpdate(MobileWire.ProfileRequest.self, request)
            let result = try await service.upsertProfile(update, for: request.caller)
            return Self.json(MobileWire.UpdateResponse(result.view), version: result.view.version)
        default:
            throw unrouted(route, knownPaths: true)
        }
    }
}
