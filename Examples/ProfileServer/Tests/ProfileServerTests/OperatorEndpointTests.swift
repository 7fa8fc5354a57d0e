import Foundation
import ProfileKit
import ProfileServer
import Testing

/// Operator tokens (a `scopes` claim) and the purge timer, over real HTTP on 127.0.0.1.
@Suite("Operators and the purge timer over HTTP")
struct OperatorEndpointTests {
    static let suspension = "/api/v1/moderation/accounts/alice/suspension"

    /// Makes `alice` with a profile through the creator spec.
    static func makeAlice(_ client: TestClient) async throws {
        let created = try await client.send(
            .put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile(username: "alice"))
        #expect(created.status == 200, "\(created.text)")
    }

    @Test("an operator token suspends a user: the public profile is then 403 account_suspended, until reinstated")
    func operatorSuspends() async throws {
        try await TestServer.run(inMemory: true) { client in
            try await Self.makeAlice(client)
            let moderator = "Bearer " + (try await client.operatorToken("mod", scopes: [.suspendAccounts]))

            let suspended = try await client.send(
                .post, Self.suspension, authorization: moderator, json: #"{"until": null}"#)
            #expect(suspended.status == 200, "\(suspended.text)")
            #expect((suspended.json["data"] as? [String: Any])?["state"] as? String == "suspended")

            let lookup = try await client.send(.get, "/api/v1/profile/u/alice")
            #expect(lookup.status == 403, "\(lookup.text)")
            #expect(lookup.text.contains(#""code":"account_suspended""#), "\(lookup.text)")
            let write = try await client.send(
                .put, "/api/v1/profiles/me", as: "alice", json: #"{"bio": "I am back"}"#)
            #expect(write.status == 403, "\(write.text)")

            let reinstated = try await client.send(.delete, Self.suspension, authorization: moderator)
            #expect(reinstated.status == 200, "\(reinstated.text)")
            #expect(try await client.send(.get, "/api/v1/profile/u/alice").status == 200)
        }
    }

    @Test("an owner token, or an operator without the scope, on an operator route is 403; nothing changes")
    func ownersAreNotOperators() async throws {
        try await TestServer.run(inMemory: true) { client in
            try await Self.makeAlice(client)
            let owner = try await client.send(.post, Self.suspension, as: "alice", json: "{}")
            #expect(owner.status == 403, "\(owner.text)")
            let purger = "Bearer " + (try await client.operatorToken("janitor", scopes: [.purgeAccounts]))
            let unscoped = try await client.send(.post, Self.suspension, authorization: purger, json: "{}")
            #expect(unscoped.status == 403, "\(unscoped.text)")
            #expect(unscoped.text.contains("accounts:suspend"), "\(unscoped.text)")
            // An operator owns no profile: the owner routes refuse it.
            let own = try await client.send(.get, "/api/v1/users/me/state", authorization: purger)
            #expect(own.status == 403, "\(own.text)")
            #expect(try await client.send(.get, "/api/v1/profile/u/alice").status == 200)
        }
    }

    @Test("an operator token naming a scope the server does not know is 401 naming it, not a weaker token")
    func unknownScopesAreRefused() async throws {
        try await TestServer.run(inMemory: true) { client in
            try await Self.makeAlice(client)
            let token = try await client.operatorToken("mod", scopes: [.suspendAccounts, "accounts:nuke"])
            let reply = try await client.send(.post, Self.suspension, authorization: "Bearer \(token)", json: "{}")
            #expect(reply.status == 401, "\(reply.text)")
            #expect(reply.text.contains("unknown scopes (accounts:nuke)"), "\(reply.text)")
            #expect(reply.header("WWW-Authenticate") == #"Bearer error="invalid_token""#)
            #expect(try await client.send(.get, "/api/v1/profile/u/alice").status == 200)
        }
    }

    @Test("the purge timer deletes an account whose grace period has passed, and only that one")
    func purgeTimerPurges() async throws {
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, dataDirectory: TestServer.temporaryDirectory(), jwtSecret: TestServer.secret,
            inMemory: true, purgeInterval: .milliseconds(20))
        try await TestServer.run(configuration: configuration) { client in
            try await Self.makeAlice(client)
            _ = try await client.send(
                .put, "/api/v1/profiles/me", as: "bob", json: Samples.creatorProfile(username: "bob"))
            for user in ["alice", "bob"] {
                let requested = try await client.send(.post, "/api/v1/users/me/deletion", as: user)
                #expect(requested.status == 200, "\(requested.text)")
            }
            // Alice's grace period ended an hour ago; Bob's runs for 30 days.
            let store = client.storage.store
            let alice = try #require(UserID("alice"))
            let past = Date().addingTimeInterval(-3600)
            try await store.update(alice, expectingVersion: nil) { record in
                record?.state = .pendingDeletion(requestedAt: past.addingTimeInterval(-86_400), purgeAfter: past)
            }

            let started = ContinuousClock.now
            while try await store.record(for: alice) != nil, ContinuousClock.now - started < .seconds(10) {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(try await store.record(for: alice) == nil, "purged within 10 s")
            #expect(try await store.record(for: try #require(UserID("bob"))) != nil, "bob's grace period lasts")
            #expect(try await client.send(.get, "/api/v1/profile/u/alice").status == 404)
        }
    }
}
