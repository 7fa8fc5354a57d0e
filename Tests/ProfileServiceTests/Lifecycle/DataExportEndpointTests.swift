import Foundation
import ProfileKit
import Testing

/// The data export through each spec's endpoint: the same document, in the spec's wrapper.
@Suite("Data export through each spec's endpoint")
struct DataExportEndpointTests {
    /// One spec's export route and where its answer holds the document.
    struct Route: Sendable, CustomStringConvertible {
        let spec: ProfileSpec.Name
        let path: String
        /// The document inside the body: the body itself, or one member of it.
        let document: @Sendable (SpecResponse) -> [String: Any]

        var description: String { "\(spec) \(path)" }
    }

    static let routes: [Route] = [
        Route(spec: .creator, path: "/api/v1/profiles/me/export") { $0.json },
        Route(spec: .social, path: "/api/v1/account/export") { $0.data },
        Route(spec: .mobile, path: "/mobile/user/profile/export") { $0.object("user_data") },
        Route(spec: .django, path: "/api/users/export/") { $0.json },
    ]

    @Test(
        "the owner gets the versioned document, username history and holds included, in the spec's wrapper",
        arguments: routes, StoreKind.allCases)
    func ownerGetsDocument(route: Route, kind: StoreKind) async throws {
        let client = try SpecClient(kind, spec: route.spec)
        defer { client.cleanUp() }
        try await client.harness.registerUser("owner")
        let owner = fixtureUserID("user-owner")
        try await seedProfile(
            ProfilePatch(username: .value("old_owner")), for: owner, in: client.store, at: client.clock.now())
        // A rename with terms of its own, whatever the spec's policy: "old_owner" held forever.
        let renamed = client.clock.now()
        try await client.store.update(
            owner, expectingVersion: nil,
            holding: UsernameHoldTerms(now: renamed, afterRename: .forever, afterDeletion: .none)
        ) { $0?.profile?.username = Username("owner") }
        let fan = try await client.harness.registerUserWithProfile("fan")
        _ = try await client.store.follow(fan, owner)

        let response = await client.send("GET", route.path, as: owner)

        #expect(response.status == 200, "\(response.text)")
        let document = route.document(response)
        #expect(document["format"] as? String == "profilekit-export")
        #expect(document["version"] as? Int == 1)
        #expect(document["userId"] as? String == owner.rawValue)
        #expect((document["profile"] as? [String: Any])?["username"] as? String == "owner")
        #expect((document["relationships"] as? [String: Any])?["followers"] as? [String] == [fan.rawValue])
        let at = ProfileDataExport.timestamp(renamed)
        let history = document["usernameHistory"] as? [[String: String]]
        #expect(history == [["oldUsername": "old_owner", "newUsername": "owner", "changedAt": at]], "\(response.text)")
        #expect(document["usernameHolds"] as? [[String: String]] == [["username": "old_owner", "since": at]])
        if route.spec == .social { #expect(response.succeeded) }
    }

    @Test("an anonymous caller gets 401 in the spec's envelope", arguments: routes)
    func anonymousIsRefused(route: Route) async throws {
        let client = try SpecClient(.inMemory, spec: route.spec)
        let response = await client.send("GET", route.path)
        #expect(response.status == 401, "\(response.text)")
        #expect(response.details.map(\.code) == ["unauthenticated"])
    }

    @Test("a caller the store does not know gets 404 in the spec's envelope", arguments: routes)
    func unknownCallerIsNotFound(route: Route) async throws {
        let client = try SpecClient(.inMemory, spec: route.spec)
        let response = await client.send("GET", route.path, as: .random())
        #expect(response.status == 404, "\(response.text)")
        #expect(response.details.map(\.code) == ["not_found"])
    }
}
