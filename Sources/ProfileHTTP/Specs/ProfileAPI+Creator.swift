import ProfileDomain
import ProfileStore

extension ProfileAPI {
    /// The creator spec's endpoints.
    func creator(_ action: RouteAction, _ call: RouteCall) async throws(ProfileError) -> EndpointResponse {
        let (request, service) = (call.request, call.service)
        switch action {
        case .creatorPutProfile:
            let update = try decodeUpdate(CreatorWire.ProfileRequest.self, request)
            let result = try await service.upsertProfile(update, for: request.caller)
            return try profileResponse(result.view)
        case .creatorGetProfile:
            return try profileResponse(try await service.ownProfile(for: request.caller))
        case .creatorGetUser:
            let view = try await service.ownProfile(for: request.caller)
            return Self.json(CreatorWire.UserResponse(view), version: view.version)
        case .creatorExportData:
            return Self.json(try await service.exportData(for: request.caller))
        default:
            let upload = try await service.uploadMedia(request.body, purpose: "avatar", for: request.caller)
            return Self.json(CreatorWire.UploadMediaResponse(url: upload.path, media: upload.reference))
        }
    }

    private func profileResponse(_ view: OwnerProfileView) throws(ProfileError) -> EndpointResponse {
        guard let response = CreatorWire.ProfileResponse(view) else { throw .profileNotFound }
        return Self.json(response, version: view.version)
    }
}
