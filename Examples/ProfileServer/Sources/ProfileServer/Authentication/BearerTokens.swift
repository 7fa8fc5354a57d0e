import Foundation
import HTTPTypes
import Hummingbird
import JWTKit
import ProfileKit

/// Issues and verifies the server's HS256 bearer tokens.
///
/// Verification accepts only `alg: HS256` signed with this server's secret and not expired; a
/// token with `alg: none`, another algorithm, a forged or foreign signature, a `sub` that is no
/// valid user id, or an expiry in the past is refused, whatever its payload says.
public struct BearerTokens: Sendable {
    private let keys: JWTKeyCollection

    /// Tokens signed and verified with `secret` (at least 32 bytes).
    public init(secret: String) async throws(ServerError) {
        guard secret.utf8.count >= 32 else {
            throw .configuration("The JWT secret is \(secret.utf8.count) bytes; use at least 32")
        }
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.keys = keys
    }

    /// A token for `user` that expires after `lifetime` seconds.
    public func issue(for user: UserID, roles: [String] = [], lifetime: TimeInterval = 86_400) async throws -> String {
        let now = Date()
        let claims = TokenClaims(
            sub: SubjectClaim(value: user.rawValue), exp: ExpirationClaim(value: now.addingTimeInterval(lifetime)),
            iat: IssuedAtClaim(value: now), roles: roles.isEmpty ? nil : roles, scopes: nil)
        return try await keys.sign(claims)
    }

    /// A token for the operator `name` granting `scopes`, that expires after `lifetime` seconds.
    public func issue(
        forOperator name: String, scopes: [OperatorScope], lifetime: TimeInterval = 3600
    ) async throws -> String {
        let now = Date()
        let claims = TokenClaims(
            sub: SubjectClaim(value: name), exp: ExpirationClaim(value: now.addingTimeInterval(lifetime)),
            iat: IssuedAtClaim(value: now), roles: nil, scopes: scopes.map(\.rawValue))
        return try await keys.sign(claims)
    }

    /// The caller a request's `Authorization: Bearer` header names: anonymous without the
    /// header, rejected (with the reason) for any other scheme or an invalid token.
    public func authenticate(_ request: Request) async -> ProfileRouteAdapter.Authentication {
        guard let header = request.headers[.authorization] else { return .anonymous }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return .rejected("the Authorization header is not a Bearer token")
        }
        return await authenticate(token: String(parts[1]).trimmingCharacters(in: .whitespaces))
    }

    /// The caller `token` names, or why it is refused.
    public func authenticate(token: String) async -> ProfileRouteAdapter.Authentication {
        guard Self.algorithm(of: token) == "HS256" else {
            return .rejected("the token's alg is not HS256")
        }
        do {
            let claims = try await keys.verify(token, as: TokenClaims.self)
            if let scopes = claims.scopes { return Self.operatorCaller(named: claims.sub.value, scopes: scopes) }
            guard let user = UserID(claims.sub.value) else { return .rejected("the token's sub is not a user id") }
            return .caller(.user(user, roles: Set(claims.roles ?? [])))
        } catch {
            return .rejected("\(error)")
        }
    }

    /// The operator a verified token with a `scopes` claim names: refused with a message naming
    /// the unknown scopes (the client sees it: it names only scope names), or without a name.
    static func operatorCaller(named name: String, scopes: [String]) -> ProfileRouteAdapter.Authentication {
        guard !name.isEmpty else { return .rejected("the operator token's sub (the operator's name) is empty") }
        let unknown = scopes.filter { OperatorScopes.scope(claimed: $0) == nil }
        guard unknown.isEmpty else {
            return .refused(
                "The token's scopes claim names unknown scopes (\(unknown.joined(separator: ", "))); "
                    + "this server grants \(OperatorScopes.known.map(\.scope.rawValue).joined(separator: ", "))")
        }
        return .caller(.operator(name: name, scopes: Set(scopes.compactMap(OperatorScopes.scope(claimed:)))))
    }

    /// The `alg` of a compact JWS's header, read before any key is chosen.
    static func algorithm(of token: String) -> String? {
        guard let header = token.split(separator: ".", omittingEmptySubsequences: false).first else { return nil }
        var base64 = header.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["alg"] as? String
    }
}
