import ProfileDomain
import ProfileStore

extension ProfileAPI {
    /// The mobile spec's endpoints.
    func mobile(_ action: RouteAction, _ call: RouteCall) async throws(ProfileError) -> EndpointResponse {
        let (request, service) = (call.request, call.service)
        if action == .mobileGetProfile {
            let view = try await service.ownProfile(for: request.caller)
            return Self.json(MobileWire.ProfileResponse(view), version: view.version)
        }
        if action == .mobileExportData {
            return Self.json(MobileWire.DataExportResponse(try await service.exportData(for: request.caller)))
        }
        let update = try decodeUpdate(MobileWire.ProfileRequest.self, request)
        let result = try await service.upsertProfile(update, for: request.caller)
        return Self.json(MobileWire.UpdateResponse(result.view), version: result.view.version)
    }
}
