import ProfileDomain

extension ProfileEndpoints {
    /// `PUT/GET /api/v1/profiles/me`, `GET /api/v1/users/me`, `POST /api/v1/profiles/upload-media`.
    func creator(_ route: Route, _ request: EndpointRequest) async throws(ProfileError) -> EndpointResponse {
        switch (route.method, route) {
        case ("PUT", let route) where route.is("/api/v1/profiles/me"):
            let update = try decodeUpdate(CreatorWire.ProfileRequest.self, request)
            let result = try await service.upsertProfile(update, for: request.caller)
            return try profileResponse(result.view)
        case ("GET", let route) where route.is("/api/v1/profiles/me"):
            return try profileResponse(try await service.ownProfile(for: request.caller))
        case ("GET", let route) where route.is("/api/v1/users/me"):
            let view = try await service.ownProfile(for: request.caller)
            return Self.json(CreatorWire.UserResponse(view), version: view.version)
        case ("POST", let route) where route.is("/api/v1/profiles/upload-media"):
            let upload = try await service.uploadMedia(request.body, purpose: "avatar", for: request.caller)
            return Self.json(CreatorWire.UploadMediaResponse(url: upload.path, media: upload.reference))
        default:
            let known = ["/api/v1/profiles/me", "/api/v1/users/me", "/api/v1/profiles/upload-media"]
            throw unrouted(route, knownPaths: known.contains { route.is($0) })
        }
    }

    private func profileResponse(_ view: OwnerProfileView) throws(ProfileError) -> EndpointResponse {
        guard let response = CreatorWire.ProfileResponse(view) else { throw .profileNotFound }
        return Self.json(response, version: view.version)
    }
}
