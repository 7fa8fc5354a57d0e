import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileEndpoints {
    /// `/api/v1/profile/...`, `POST /api/v1/account/username/change`, and the relationship
    /// endpoints `POST|DELETE /api/v1/profile/id/{userId}/follow` and `.../block`.
    func social(_ route: Route, _ request: EndpointRequest) async throws(ProfileError) -> EndpointResponse {
        let now = service.now()
        if let rest = route.after("/api/v1/profile") {
            switch (route.method, rest.count, rest.first) {
            case ("GET", 1, "me"):
                let view = try await service.ownProfile(for: request.caller)
                return Self.ok(
                    SocialWire.OwnerProfile(view), "Profile retrieved successfully", at: now, version: view.version)
            case ("GET", 2, "id"), ("GET", 2, "u"):
                let key = rest[1].percentDecoded
                let view =
                    if rest[0] == "id" {
                        try await service.publicProfile(userID: key, for: request.caller)
                    } else {
                        try await service.publicProfile(username: key, for: request.caller)
                    }
                return Self.ok(SocialWire.PublicProfile(view), "Profile retrieved successfully", at: now)
            case ("PUT", 1, "update"):
                let update = try decodeUpdate(SocialWire.UpdateRequest.self, request)
                let result = try await service.upsertProfile(update, for: request.caller)
                return Self.ok(
                    SocialWire.OwnerProfile(result.view, includingCounts: false), "Profile updated successfully",
                    at: now, version: result.view.version)
            case (let method, 3, "id") where rest[2] == "follow" || rest[2] == "block":
                return try await relationship(method: method, action: rest[2], target: rest[1], request, at: now)
            case (_, 1, "me"), (_, 1, "update"), (_, 2, "id"), (_, 2, "u"):
                throw unrouted(route, knownPaths: true)
            default:
                break
            }
        }
        if route.is("/api/v1/account/username/change") {
            guard route.method == "POST" else { throw unrouted(route, knownPaths: true) }
            let body = try decode(SocialWire.UsernameChangeRequest.self, request)
            guard body.rejectedFields.isEmpty else { throw .validation(body.rejectedFields) }
            let result = try await service.changeUsername(
                to: body.newUsername, expectedVersion: try expectedVersion(request), for: request.caller)
            return Self.ok(
                SocialWire.OwnerProfile(result.view), "Username changed successfully", at: now,
                version: result.view.version)
        }
        throw unrouted(route, knownPaths: false)
    }

    private func relationship(
        method: String,
        action: Substring,
        target rawTarget: Substring,
        _ request: EndpointRequest,
        at now: Date
    ) async throws(ProfileError) -> EndpointResponse {
        // Authentication comes first, as in every protected use case: an anonymous caller gets 401
        // whatever the id looks like.
        guard request.caller.userID != nil else { throw .unauthenticated }
        guard let target = UserID(rawTarget.percentDecoded) else { throw .userNotFound }
        let relationship: Relationship
        switch (method, action) {
        case ("POST", "follow"): relationship = try await service.follow(target, for: request.caller)
        case ("DELETE", "follow"): relationship = try await service.unfollow(target, for: request.caller)
        case ("POST", "block"): relationship = try await service.block(target, for: request.caller)
        case ("DELETE", "block"): relationship = try await service.unblock(target, for: request.caller)
        default: throw unrouted(Route(method: method, path: request.path), knownPaths: true)
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
