import Foundation
import ProfileKit
import Testing

@testable import ProfileStore

/// `ProfileAPI` itself: four specs over one store, each under its own preset; authentication
/// before the body; the order of checks; machine-readable details in every envelope.
@Suite("ProfileAPI")
struct ProfileAPITests {
    /// A client with John registered; the API in front of it serves all four specs.
    static func client(_ kind: StoreKind) async throws -> SpecClient {
        let client = try SpecClient(kind, spec: .creator)
        try await client.service.registerAccount(
            Account(
                userID: client.user, email: "john@example.com", isEmailVerified: true, createdAt: client.clock.now()))
        try await client.service.registerAccount(
            Account(
                userID: client.other, email: "jane@example.com", isEmailVerified: true, createdAt: client.clock.now()))
        return client
    }

    static let creatorProfile = #"{"username":"john_doe","displayName":"John","bio":"Hi","niche":["fitness"]}"#

    static func text(_ count: Int) -> String { String(repeating: "a", count: count) }

    @Test(
        "one API serves the four specs over one store, each route under its own spec's preset",
        arguments: StoreKind.allCases)
    func fourSpecsAtOnce(kind: StoreKind) async throws {
        let client = try await Self.client(kind)
        defer { client.cleanUp() }
        let john = client.user

        #expect(await client.send("PUT", "/api/v1/profiles/me", as: john, json: Self.creatorProfile).status == 200)
        // A 700-character bio: over the creator's 500, within the social spec's 1,000.
        let longBio = #"{"bio":"\#(Self.text(700))"}"#
        let creator = await client.send("PUT", "/api/v1/profiles/me", as: john, json: longBio)
        #expect(creator.status == 400)
        #expect(creator.details == [ErrorDetailEntry(field: "bio", code: "too_long", limit: 500)])
        let social = await client.send("PUT", "/api/v1/profile/update", as: john, json: longBio)
        #expect(social.status == 200, "\(social.text)")
        #expect(try await client.record()?.profile?.bio == Self.text(700))

        // An 80-character display name: over the creator's 50, within the mobile spec's 100.
        let creatorName = await client.send(
            "PUT", "/api/v1/profiles/me", as: john, json: #"{"displayName":"\#(Self.text(80))"}"#)
        #expect(creatorName.status == 400)
        #expect(creatorName.details == [ErrorDetailEntry(field: "displayName", code: "too_long", limit: 50)])
        let mobile = await client.send(
            "POST", "/mobile/user/profile", as: john, json: #"{"display_name":"\#(Self.text(80))"}"#)
        #expect(mobile.status == 200, "\(mobile.text)")

        // Every spec reads the same record.
        let mobileView = await client.send("GET", "/mobile/user/profile", as: john)
        #expect(mobileView.object("user_profile")["display_name"] as? String == Self.text(80))
        let django = await client.send("POST", "/api/users/profile/", as: john)
        #expect(django.status == 200)
        #expect(django.string("username") == "john_doe")
        let socialView = await client.send("GET", "/api/v1/profile/u/john_doe")
        #expect(socialView.data["bio"] as? String == Self.text(700))
    }

    @Test("a spec given another policy validates under it")
    func customPolicy() async throws {
        var strict = ValidationPolicy.creator
        strict.bio = .multiLine(maximum: 10)
        let store = InMemoryProfileStore()
        let api = ProfileAPI(store: store, specs: [ProfileSpec.creator.with(policy: strict)])
        let john = fixtureUserID("user_john")
        try await ProfileService(store: store).registerAccount(Account(userID: john, createdAt: Date()))
        let body = #"{"username":"john_doe","displayName":"John","bio":"eleven char","niche":["fitness"]}"#
        let response = SpecResponse(
            await api.respond(
                to: EndpointRequest(
                    method: "PUT", path: "/api/v1/profiles/me", caller: .user(john), body: Array(body.utf8))))
        #expect(response.status == 400)
        #expect(response.details == [ErrorDetailEntry(field: "bio", code: "too_long", limit: 10)])
        #expect(api.service(for: .creator)?.policy.bio == strict.bio)
        #expect(api.service(for: .social) == nil)
    }

    /// Every route that requires a user, with its parameters filled in.
    static let protectedRoutes: [(ProfileRoute, String)] = ProfileSpec.all.flatMap(\.routes)
        .filter(\.requiresAuthentication)
        .map { route in
            (
                route,
                route.path.replacingOccurrences(of: "{userId}", with: "other_user")
                    .replacingOccurrences(of: "{pk}", with: "user_id").replacingOccurrences(
                        of: "{user_id}", with: "user_id")
            )
        }

    @Test("an anonymous caller gets 401 before the body or If-Match is read, on every protected route")
    func unauthenticatedBeforeBody() async throws {
        let client = try await Self.client(.inMemory)
        defer { client.cleanUp() }
        #expect(Self.protectedRoutes.count == 70)
        for (route, path) in Self.protectedRoutes {
            let response = await client.send(route.method, path, json: #"{"bio": "#, ifMatch: "garbage")
            #expect(response.status == 401, "\(route): \(response.text)")
            #expect(response.details == [ErrorDetailEntry(field: nil, code: "unauthenticated")], "\(route)")
        }
    }

    @Test("a signed-in caller sending the same malformed body gets 400 on every JSON route (an operator on its own)")
    func malformedBodyIs400() async throws {
        let client = try await Self.client(.inMemory)
        defer { client.cleanUp() }
        _ = await client.send("PUT", "/api/v1/profiles/me", as: client.user, json: Self.creatorProfile)
        // The suspension routes are an operator's: a user gets 403 there before the body is read.
        let moderator = Caller.operator(name: "mod", scopes: [.suspendAccounts])
        for (route, path) in Self.protectedRoutes where route.bodies.contains(.json) {
            let caller = path.contains("suspen") ? moderator : .user(client.user)
            let response = await client.send(route.method, path, caller: caller, json: #"{"bio": "#)
            #expect(response.status == 400, "\(route): \(response.text)")
            #expect(response.details.first?.code == "malformed", "\(route): \(response.details)")
        }
    }

    @Test("Django: another user's pk is 403 before the body is read")
    func forbiddenBeforeBody() async throws {
        let client = try await Self.client(.inMemory)
        defer { client.cleanUp() }
        let response = await client.send("PUT", "/api/users/update-profile/user_id/", as: client.other, json: "{")
        #expect(response.status == 403)
        #expect(response.details == [ErrorDetailEntry(field: nil, code: "forbidden")])
    }

    @Test("a stale If-Match is 412 even when the body is also invalid, and nothing is written")
    func staleVersionBeforeValidation() async throws {
        let client = try await Self.client(.inMemory)
        defer { client.cleanUp() }
        _ = await client.send("PUT", "/api/v1/profiles/me", as: client.user, json: Self.creatorProfile)
        let response = await client.send(
            "PUT", "/api/v1/profiles/me", as: client.user, json: #"{"bio":"\#(Self.text(501))"}"#, ifMatch: "\"v7\"")
        #expect(response.status == 412)
        #expect(response.details == [ErrorDetailEntry(field: nil, code: "version_conflict")])
        #expect(try await client.record()?.profile?.bio == "Hi")
    }

    @Test(
        "every spec's error envelope carries {field, code, limit} details in the spec's own field spelling",
        arguments: [
            (
                "PUT", "/api/v1/profiles/me", #"{"bio":"\#(text(501))"}"#, 400,
                ErrorDetailEntry(field: "bio", code: "too_long", limit: 500)
            ),
            (
                "PUT", "/api/v1/profile/update", #"{"firstName":"\#(text(31))"}"#, 422,
                ErrorDetailEntry(field: "firstName", code: "too_long", limit: 30)
            ),
            (
                "POST", "/mobile/user/profile", #"{"display_name":"\#(text(101))"}"#, 422,
                ErrorDetailEntry(field: "display_name", code: "too_long", limit: 100)
            ),
            (
                "PUT", "/api/users/update-profile/user_id/", #"{"first_name":"\#(text(201))"}"#, 400,
                ErrorDetailEntry(field: "first_name", code: "too_long", limit: 200)
            ),
        ])
    func detailsInEveryEnvelope(
        method: String, path: String, body: String, status: Int, detail: ErrorDetailEntry
    )
        async throws
    {
        let client = try await Self.client(.inMemory)
        defer { client.cleanUp() }
        _ = await client.send("PUT", "/api/v1/profiles/me", as: client.user, json: Self.creatorProfile)
        let response = await client.send(method, path, as: client.user, json: body)
        #expect(response.status == status, "\(response.text)")
        #expect(response.details == [detail], "\(response.text)")
        // The spec's own field map is still there, under the same spelling.
        #expect(response.text.contains(#""\#(detail.field ?? "")""#))
    }

    @Test("a route matched by the server's router answers what the library's own matching answers")
    func registeredRouteMatchesOwnMatching() async throws {
        let client = try await Self.client(.inMemory)
        defer { client.cleanUp() }
        _ = await client.send("PUT", "/api/v1/profiles/me", as: client.user, json: Self.creatorProfile)
        let route = try #require(client.api.routes.first { $0.path == "/api/v1/profile/u/{username}" })
        for (raw, decoded) in [("john_doe", "john_doe"), ("%40John_Doe", "@John_Doe"), ("nobody", "nobody")] {
            let request = EndpointRequest(method: "GET", path: "/api/v1/profile/u/\(raw)", caller: .user(client.other))
            let own = await client.api.respond(to: request)
            let registered = await client.api.respond(to: request, route: route, parameters: ["username": decoded])
            #expect(own == registered, "\(raw)")
        }
    }

    @Test("an API serving some specs answers 404 for the others' paths, and 500 for their routes")
    func subsetOfSpecs() async throws {
        let api = ProfileAPI(store: InMemoryProfileStore(), specs: [.creator])
        #expect(api.routes.allSatisfy { $0.spec == .creator })
        let social = SpecResponse(
            await api.respond(
                to: EndpointRequest(method: "GET", path: "/api/v1/profile/me", caller: .user(fixtureUserID("a")))))
        #expect(social.status == 404)
        #expect(social.details == [ErrorDetailEntry(field: nil, code: "not_found")])
        let route = try #require(ProfileSpec.social.routes.first)
        let forwarded = await api.respond(to: EndpointRequest(method: "GET", path: "/api/v1/profile/me"), route: route)
        #expect(forwarded.status.code == 500)
    }

    @Test(
        "every spec's service is derived from one service: its store, media and media serialization, the spec's policy")
    func specsShareOneService() throws {
        let base = ProfileService(store: InMemoryProfileStore(), policy: .default, media: InMemoryMediaStore())
        let api = ProfileAPI(service: base)
        for spec in ProfileSpec.all {
            let service = try #require(api.service(for: spec.name))
            #expect(service.policy == spec.policy)
            #expect(service.mediaGate === base.mediaGate)
        }
        let byStore = ProfileAPI(store: InMemoryProfileStore())
        let creator = try #require(byStore.service(for: .creator))
        let django = try #require(byStore.service(for: .django))
        #expect(creator.mediaGate === django.mediaGate)
    }
}
