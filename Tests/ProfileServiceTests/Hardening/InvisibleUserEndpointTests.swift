import Foundation
import ProfileKit
import Testing

/// Every endpoint of every spec that names another user answers a hidden user (no profile, or a
/// block of the caller) byte for byte as a missing one: status, headers and body, once ids and
/// times are normalised. The creator and mobile specs name no other user, so their rows are the
/// social and Django routes.
@Suite("Invisible users through every spec's endpoints")
struct InvisibleUserEndpointTests {
    /// An endpoint that names a user in its path, as `{ref}`.
    struct Route: Sendable, CustomStringConvertible {
        let spec: ProfileEndpoints.Spec
        let method: String
        let template: String
        let body: String?

        var namesByUsername: Bool { template.contains("/u/") }
        var description: String { "\(spec) \(method) \(template)" }

        func path(_ reference: String) -> String { template.replacingOccurrences(of: "{ref}", with: reference) }
    }

    static let routes: [Route] = [
        Route(spec: .social, method: "GET", template: "/api/v1/profile/id/{ref}", body: nil),
        Route(spec: .social, method: "GET", template: "/api/v1/profile/u/{ref}", body: nil),
        Route(spec: .social, method: "POST", template: "/api/v1/profile/id/{ref}/follow", body: nil),
        Route(spec: .social, method: "DELETE", template: "/api/v1/profile/id/{ref}/follow", body: nil),
        Route(spec: .social, method: "POST", template: "/api/v1/profile/id/{ref}/block", body: nil),
        Route(spec: .social, method: "DELETE", template: "/api/v1/profile/id/{ref}/block", body: nil),
        Route(spec: .social, method: "PUT", template: "/api/v1/profile/id/{ref}", body: "{}"),
        Route(
            spec: .django, method: "PUT", template: "/api/users/update-profile/{ref}/", body: #"{"first_name": "M"}"#),
        Route(spec: .django, method: "PATCH", template: "/api/users/update-profile/{ref}/", body: "{}"),
        Route(spec: .django, method: "DELETE", template: "/api/users/delete/{ref}/", body: nil),
        Route(spec: .django, method: "GET", template: "/api/users/delete/{ref}/", body: nil),
    ]

    /// The spellings of a path reference: each of the user's spellings as is, and with every
    /// character outside `[A-Za-z0-9]` percent-encoded.
    static func references(_ route: Route, _ target: InvisibleUsers.Target) -> [String] {
        let plain =
            route.namesByUsername
            ? InvisibleUsers.usernameSpellings(target.user.username) : InvisibleUsers.idSpellings(target.user.id)
        return plain + plain.map(Self.percentEncoded)
    }

    static func percentEncoded(_ text: String) -> String {
        text.utf8.map { byte in
            let scalar = Unicode.Scalar(byte)
            return scalar.properties.isASCIIHexDigit || ("g"..."z").contains(scalar) || ("G"..."Z").contains(scalar)
                ? String(scalar) : String(format: "%%%02X", byte)
        }.joined()
    }

    /// Status, headers (sorted) and body, normalised for `user`.
    static func transcript(
        _ response: SpecResponse, naming user: (id: UserID, username: String), sent: String
    ) -> String {
        let headers = response.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        let raw = (["\(response.status)"] + headers + [response.text]).joined(separator: "\n")
        return InvisibleUsers.normalized(raw.replacingOccurrences(of: sent, with: "<ref>"), naming: user)
    }

    @Test(
        "a hidden user's answer is the missing user's, byte for byte, for every spelling and caller",
        arguments: routes, StoreKind.allCases)
    func hiddenAnswersAsMissing(route: Route, kind: StoreKind) async throws {
        let client = try SpecClient(kind, spec: route.spec)
        defer { client.cleanUp() }
        let world = try await InvisibleUsers.populate(client.service, at: client.clock.now())
        let missing = InvisibleUsers.Target.missing
        var compared = 0
        for caller in [Caller.user(world.caller), .anonymous] {
            for target in InvisibleUsers.hidden(from: caller) {
                for (hiddenReference, missingReference) in zip(
                    Self.references(route, target), Self.references(route, missing))
                {
                    let hidden = await client.send(
                        route.method, route.path(hiddenReference), as: caller.userID, json: route.body)
                    let absent = await client.send(
                        route.method, route.path(missingReference), as: caller.userID, json: route.body)
                    #expect(
                        Self.transcript(hidden, naming: target.user, sent: hiddenReference)
                            == Self.transcript(absent, naming: missing.user, sent: missingReference),
                        "\(route) \(hiddenReference) (\(target)) as \(caller): \(hidden.text) vs \(absent.text)")
                    compared += 1
                }
            }
        }
        #expect(compared == 4 * Self.references(route, missing).count)
    }

    @Test("the public look-ups find the visible control by every spelling", arguments: StoreKind.allCases)
    func visibleControl(kind: StoreKind) async throws {
        let client = try SpecClient(kind, spec: .social)
        defer { client.cleanUp() }
        let world = try await InvisibleUsers.populate(client.service, at: client.clock.now())
        let visible = InvisibleUsers.Target.visible
        for route in Self.routes where route.method == "GET" && route.spec == .social {
            // The upper-case id (plain or percent-encoded) is another, missing user: ids are
            // case-sensitive.
            for reference in Self.references(route, visible) where !reference.hasPrefix("USER") {
                for caller in [world.caller, nil] {
                    let reply = await client.send("GET", route.path(reference), as: caller)
                    #expect(reply.status == 200, "\(route) \(reference): \(reply.text)")
                }
            }
        }
    }
}
