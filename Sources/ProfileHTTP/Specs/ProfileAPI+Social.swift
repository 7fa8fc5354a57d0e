import ProfileDomain
import ProfileStore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileAPI {
    /// The social spec's endpoints.
    func social(_ action: RouteAction, _ call: RouteCall) async throws(ProfileError) -> EndpointResponse {
        let (request, service) = (call.request, call.service)
        let now = service.now()
        switch action {
        case .socialOwnProfile:
            let view = try await service.ownProfile(for: request.caller)
            return Self.ok(
                SocialWire.OwnerProfile(view), "Profile retrieved successfully", at: now, version: view.version)
        case .socialProfileByID, .socialProfileByUsername:
            let view =
                if let userID = call.parameters["userId"] {
                    try await service.publicProfile(userID: userID, for: request.caller)
                } else {
                    try await service.publicProfile(username: call.parameters["username"] ?? "", for: request.caller)
                }
            return Self.ok(SocialWire.PublicProfile(view), "Profile retrieved successfully", at: now)
        case .socialUpdateProfile:
            let update = try decodeUpdate(SocialWire.UpdateRequest.self, request)
            let result = try await service.upsertProfile(update, for: request.caller)
            return Self.ok(
                SocialWire.OwnerProfile(result.view, includingCounts: false), "Profile updated successfully",
                at: now, version: result.view.version)
        case .socialChangeUsername:
            let body = try decode(SocialWire.UsernameChangeRequest.self, request)
            guard body.rejectedFields.isEmpty else { throw .validation(body.rejectedFields) }
            let result = try await service.changeUsername(
                to: body.newUsername, expectedVersion: try expectedVersion(request), for: request.caller)
            return Self.ok(
                SocialWire.OwnerProfile(result.view), "Username changed successfully", at: now,
                version: result.view.version)
        case .socialExportData:
            let export = try await service.exportData(for: request.caller)
            return Self.ok(export, "Data exported successfully", at: now)
        default:
            return try await relationship(action, call, at: now)
        }
    }

    private func relationship(
        _ action: RouteAction, _ call: RouteCall, at now: Date
    ) async throws(ProfileError) -> EndpointResponse {
        let (request, service) = (call.request, call.service)
        guard let target = call.parameters["userId"].flatMap(UserID.init) else { throw .userNotFound }
        let relationship: Relationship
        switch action {
        case .socialFollow: relationship = try await service.follow(target, for: request.caller)
        case .socialUnfollow: relationship = try await service.unfollow(target, for: request.caller)
        case .socialBlock: relationship = try await service.block(target, for: request.caller)
        default: relationship = try await service.unblock(target, for: request.caller)
        }
        return Self.ok(SocialWire.RelationshipPayload(relationship), "Relationship updated successfully", at: now)
    }

    /// A `200 OK` social envelope around `data`, with an `ETag` when `version` is given.
    private static func ok<Payload: Sendable & Hashable & Codable>(
        _ data: Payload, _ message: String, at now: Date, version: Int? = nil
    ) -> EndpointResponse {
        json(SocialWire.Envelope.ok(data, message: message, at: now), version: version)
    }
}
