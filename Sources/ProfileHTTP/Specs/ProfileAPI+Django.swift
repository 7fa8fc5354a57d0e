import ProfileDomain
import ProfileStore

extension ProfileAPI {
    /// The Django spec's endpoints.
    func django(_ action: RouteAction, _ call: RouteCall) async throws(ProfileError) -> EndpointResponse {
        let (request, service) = (call.request, call.service)
        switch action {
        case .djangoViewProfile:
            let view = try await service.ownProfile(for: request.caller)
            return Self.json(DjangoWire.User(view), version: view.version)
        case .djangoUpdateUser:
            let target = try targetUser(call.parameters["pk"], request.caller)
            // Ownership before the body: someone else's id is 403 whatever the body holds.
            guard target == request.caller.userID else { throw .forbidden }
            let update = try decodeUpdate(DjangoWire.UpdateRequest.self, request, emptyMeansObject: true)
            let result = try await service.updateUser(target, with: update, avatar: request.avatar, for: request.caller)
            return Self.json(DjangoWire.User(result.view), version: result.view.version)
        case .djangoExportData:
            return Self.json(try await service.exportData(for: request.caller))
        default:
            let target = try targetUser(call.parameters["user_id"], request.caller)
            try await service.deleteUser(target, for: request.caller)
            return Self.json(DjangoWire.DeleteResponse())
        }
    }

    /// The user id in a Django path. A malformed id is someone else's by definition: 403 (the
    /// route already refused an anonymous caller with 401), never a hint about which ids exist.
    private func targetUser(_ segment: String?, _ caller: Caller) throws(ProfileError) -> UserID {
        guard let target = segment.flatMap(UserID.init) else {
            throw caller == .anonymous ? .unauthenticated : .forbidden
        }
        return target
    }
}
