import Foundation
import ProfileKit
import ProfileServer
import Testing

@Suite("Bearer tokens over HTTP")
struct AuthenticationTests {
    /// A token's three parts re-assembled with another header or payload.
    static func token(header: String, payload: String, signature: String) -> String {
        [header, payload].map { Data($0.utf8).base64URL }.joined(separator: ".") + "." + signature
    }

    enum BadToken: String, CaseIterable, Sendable {
        case missing, expired, forgedPayload, algNone, wrongKey, basicScheme, garbage
    }

    func authorization(_ kind: BadToken, _ client: TestClient) async throws -> String? {
        switch kind {
        case .missing: return nil
        case .expired: return "Bearer " + (try await client.token("alice", lifetime: -120))
        case .forgedPayload:
            let parts = try await client.token("alice").split(separator: ".")
            let payload = Data(#"{"sub":"bob","exp":4102444800,"iat":1700000000}"#.utf8).base64URL
            return "Bearer \(parts[0]).\(payload).\(parts[2])"
        case .algNone:
            return "Bearer "
                + Self.token(
                    header: #"{"alg":"none","typ":"JWT"}"#, payload: #"{"sub":"alice","exp":4102444800,"iat":1}"#,
                    signature: "")
        case .wrongKey:
            let other = try await BearerTokens(secret: String(repeating: "k", count: 40))
            return "Bearer " + (try await other.issue(for: try #require(UserID("alice"))))
        case .basicScheme: return "Basic YWxpY2U6cGFzc3dvcmQ="
        case .garbage: return "Bearer not.a.token"
        }
    }

    @Test(
        "Missing, expired, forged, alg:none, wrong-key and non-bearer credentials are 401", arguments: BadToken.allCases
    )
    func refused(_ kind: BadToken) async throws {
        try await TestServer.run { client async throws in
            _ = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile)
            let authorization = try await authorization(kind, client)
            let get = try await client.send(.get, "/api/v1/profiles/me", authorization: authorization)
            #expect(get.status == 401)
            #expect(get.json["success"] as? Bool == false)
            let put = try await client.send(
                .put, "/api/v1/profiles/me", authorization: authorization, json: #"{"bio": "hijacked"}"#)
            #expect(put.status == 401)
            let check = try await client.send(.get, "/api/v1/profiles/me", as: "alice")
            #expect((check.json["profile"] as? [String: Any])?["bio"] as? String != "hijacked")
        }
    }
}

extension Data {
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
