import ProfileDomain
import ProfileStore
import ProfileValidation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileAPI {
    /// `spec`'s error response for `error` (the creator envelope when no spec is served).
    public func render(_ error: ProfileError, in spec: ProfileSpec.Name?) -> EndpointResponse {
        let now = spec.flatMap { services[$0] }?.now() ?? Date()
        switch spec ?? .creator {
        case .creator:
            let (status, body) = CreatorWire.ErrorResponse.rendering(error)
            return Self.json(body, status: status)
        case .social:
            let (status, envelope) = SocialWire.rendering(error, at: now)
            return Self.json(envelope, status: status)
        case .mobile:
            let (status, body) = MobileWire.ErrorResponse.rendering(error)
            return Self.json(body, status: status)
        case .django:
            let (status, body) = DjangoWire.ErrorBody.rendering(error)
            return Self.json(body, status: status)
        }
    }

    /// Decodes a JSON body with the hardened decoder's one-pass reader (every body type of the
    /// four specs reads itself in one pass).
    func decode<Body: Decodable & JSONBodyDecodable>(
        _ type: Body.Type, _ request: EndpointRequest, emptyMeansObject: Bool = false
    )
        throws(ProfileError) -> Body
    {
        let bytes = request.body.isEmpty && emptyMeansObject ? Array("{}".utf8) : request.body
        guard !bytes.isEmpty else { throw .malformed("The request body is empty; send a JSON object") }
        return try decoder.decode(type, from: bytes)
    }

    /// Decodes a spec's update body, with the `If-Match` version as the update's expected version.
    func decodeUpdate(
        _ type: (some ProfileUpdateRequest & JSONBodyDecodable).Type, _ request: EndpointRequest,
        emptyMeansObject: Bool = false
    ) throws(ProfileError) -> ProfileUpdate {
        var update = try decode(type, request, emptyMeansObject: emptyMeansObject).update
        update.expectedVersion = try expectedVersion(request)
        return update
    }

    /// The version an `If-Match` header names (412 when it names none this library issued).
    func expectedVersion(_ request: EndpointRequest) throws(ProfileError) -> Int? {
        switch EntityTag.expectedVersion(fromIfMatch: request.ifMatch) {
        case .success(let version): return version
        case .failure:
            throw ProfileError(
                code: .versionConflict,
                message: "If-Match must name a version this API issued, such as \"v3\"")
        }
    }

    /// A JSON response, with an `ETag` when `version` is given.
    static func json<Body: Encodable>(_ body: Body, status: HTTPStatus = .ok, version: Int? = nil) -> EndpointResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = ["Content-Type": "application/json; charset=utf-8"]
        if let version { headers["ETag"] = EntityTag.header(for: version) }
        do {
            return EndpointResponse(status: status, headers: headers, body: Array(try encoder.encode(body)))
        } catch {
            // The wire types encode plain strings, numbers and arrays; this cannot fail, but an
            // unencodable body must still be an answer.
            return EndpointResponse(
                status: .internalServerError, headers: headers,
                body: Array(#"{"success":false,"message":"An unexpected error occurred"}"#.utf8))
        }
    }
}
