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

    @Test(
        "an accounts:read token reads another user's state and username history in each spec, the owner's bytes; 403 without it, 404 for nobody"
    )
    func operatorReads() async throws {
        try await TestServer.run(inMemory: true) { client in
            try await Self.makeAlice(client)
            let renamed = try await client.send(
                .put, "/api/v1/profiles/me", as: "alice", json: #"{"username": "alice_two"}"#)
            #expect(renamed.status == 200, "\(renamed.text)")
            let reader = "Bearer " + (try await client.operatorToken("support", scopes: [.readAccounts]))
            let suspender = "Bearer " + (try await client.operatorToken("mod", scopes: [.suspendAccounts]))
            // (operator route, the owner's twin) per spec; `{id}` is alice.
            let reads: [(String, String)] = [
                ("/api/v1/admin/users/{id}/state", "/api/v1/users/me/state"),
                ("/api/v1/admin/users/{id}/username-history", "/api/v1/users/me/username-history"),
                ("/api/v1/moderation/accounts/{id}/state", "/api/v1/account/state"),
                ("/api/v1/moderation/accounts/{id}/username/history", "/api/v1/account/username/history"),
                ("/mobile/admin/users/{id}/state", "/mobile/user/account/state"),
                ("/mobile/admin/users/{id}/username-history", "/mobile/user/account/username-history"),
                ("/api/users/account-state/{id}/", "/api/users/account-state/"),
                ("/api/users/username-history/{id}/", "/api/users/username-history/"),
            ]
            let mobile = ["X-App-Type": "mobile"]
            for (route, own) in reads {
                let path = route.replacingOccurrences(of: "{id}", with: "alice")
                let read = try await client.send(.get, path, authorization: reader, headers: mobile)
                let owners = try await client.send(.get, own, as: "alice", headers: mobile)
                #expect(read.status == 200, "\(path): \(read.text)")
                // The social envelope stamps the time; everything else is the owner's answer.
                #expect(Self.withoutTime(read.text) == Self.withoutTime(owners.text), "\(path)")
                #expect(read.text.contains("alice"), "\(path): \(read.text)")

                let scoped = try await client.send(.get, path, authorization: suspender, headers: mobile)
                #expect(scoped.status == (route.contains("state") ? 200 : 403), "\(path): \(scoped.text)")
                let user = try await client.send(.get, path, as: "alice", headers: mobile)
                #expect(user.status == 403, "\(path): \(user.text)")
                let anonymous = try await client.send(.get, path, headers: mobile)
                #expect(anonymous.status == 401, "\(path): \(anonymous.text)")
                let nobody = route.replacingOccurrences(of: "{id}", with: "nobody")
                let missing = try await client.send(.get, nobody, authorization: reader, headers: mobile)
                #expect(missing.status == 404, "\(nobody): \(missing.text)")
            }
            let history = try await client.send(
                .get, "/api/v1/admin/users/alice/username-history", authorization: reader)
            #expect(history.text.contains(#""username":"alice_two""#), "\(history.text)")
            #expect(history.text.contains(#""history":[{"leftAt""#), "\(history.text)")
        }
    }

    /// `text` without the social envelope's `action_time` member, which differs between two calls.
    static func withoutTime(_ text: String) -> String {
        text.replacing(/"action_time":"[^"]*"/, with: "")
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
