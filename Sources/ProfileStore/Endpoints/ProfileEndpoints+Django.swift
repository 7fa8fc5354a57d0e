import ProfileDomain

extension ProfileEndpoints {
    /// `POST /api/users/profile/`, `PUT /api/users/update-profile/<pk>/`,
    /// `DELETE /api/users/delete/<user_id>/`.
    func django(_ route: Route, _ request: EndpointRequest) async throws(ProfileError) -> EndpointResponse {
        if route.is("/api/users/profile") {
            guard route.method == "POST" || route.method == "GET" else { throw unrouted(route, knownPaths: true) }
            let view = try await service.ownProfile(for: request.caller)
            return Self.json(DjangoWire.User(view), version: view.version)
        }
        if let rest = route.after("/api/users/update-profile"), rest.count == 1 {
            guard route.method == "PUT" || route.method == "PATCH" else { throw unrouted(route, knownPaths: true) }
            let target = try targetUser(rest[0], request.caller)
            let update = try decodeUpdate(DjangoWire.UpdateRequest.self, request, emptyMeansObject: true)
            let result = try await service.updateUser(target, with: update, avatar: request.avatar, for: request.caller)
            return Self.json(DjangoWire.User(result.view), version: result.view.version)
        }
        if let rest = route.after("/api/users/delete"), rest.count == 1 {
            guard route.method == "DELETE" else { throw unrouted(route, knownPaths: true) }
            let target = try targetUser(rest[0], request.caller)
            try await service.deleteUser(target, for: request.caller)
            return Self.json(DjangoWire.DeleteResponse())
        }
        throw unrouted(route, knownPaths: false)
    }

    /// The user id in a Django path. A malformed id is someone else's by definition: 401 for an
    /// anonymous caller, 403 otherwise, never a hint about which ids exist.
    private func targetUser(_ segment: Substring, _ caller: Caller) throws(ProfileError) -> UserID {
        guard let target = UserID(segment.percentDecoded) else {
            throw caller.userID == nil ? .unauthenticated : .forbidden
        }
        return target
    }
}
