import Foundation
import ProfileKit
import Testing

/// What account states do to each spec's existing endpoints: a suspension refuses the owner's
/// writes with 403 `account_suspended` in the spec's own envelope while the owner's reads still
/// answer; the social spec's public look-ups hide deactivated and pending-deletion accounts (and
/// accounts without a profile) behind the exact bytes of a missing user's answer.
@Suite("Account states through each spec's endpoints")
struct AccountStateEndpointTests {
    static let owner = fixtureUserID("1")
    static let stranger = fixtureUserID("2")
    static let moderator = Caller.operator(name: "mod", scopes: [.suspendAccounts])

    /// One spec's write that a suspension refuses and read that it allows.
    struct Case: Sendable, CustomStringConvertible {
        let spec: ProfileSpec.Name
        let write: (method: String, path: String)
        let read: (method: String, path: String)
        var description: String { "\(spec)" }
    }

    static let cases: [Case] = [
        Case(spec: .creator, write: ("PUT", "/api/v1/profiles/me"), read: ("GET", "/api/v1/profiles/me")),
        Case(spec: .social, write: ("PUT", "/api/v1/profile/update"), read: ("GET", "/api/v1/profile/me")),
        Case(spec: .mobile, write: ("POST", "/mobile/user/profile"), read: ("GET", "/mobile/user/profile")),
        Case(spec: .django, write: ("PATCH", "/api/users/update-profile/1/"), read: ("POST", "/api/users/profile/")),
        Case(spec: .django, write: ("DELETE", "/api/users/delete/1/"), read: ("GET", "/api/users/profile/")),
    ]

    /// A client of `spec` whose two users (`1` and `2`) have accounts and profiles.
    static func client(_ kind: StoreKind, _ spec: ProfileSpec.Name) async throws -> SpecClient {
        let client = try SpecClient(kind, spec: spec, user: owner, other: stranger)
        for (user, name) in [(owner, "owner"), (stranger, "stranger")] {
            try await client.service.registerAccount(
                Account(userID: user, email: "\(name)@example.com", createdAt: client.clock.now()))
            try await seedProfile(
                ProfilePatch(username: .value(name), displayName: .value(name)), for: user, in: client.store,
                at: client.clock.now())
        }
        return client
    }

    @Test(
        "a suspended owner's write is 403 account_suspended in the spec's envelope; their read still answers",
        arguments: StoreKind.allCases, cases)
    func suspendedWritesAreRefused(kind: StoreKind, testCase: Case) async throws {
        let client = try await Self.client(kind, testCase.spec)
        defer { client.cleanUp() }
        try await client.service.suspendAccount(Self.owner, until: nil, for: Self.moderator)
        let before = try await client.record()

        let refused = await client.send(testCase.write.method, testCase.write.path, as: Self.owner, json: "{}")
        let read = await client.send(testCase.read.method, testCase.read.path, as: Self.owner)

        #expect(refused.status == 403, "\(refused.text)")
        #expect(refused.details.map(\.code) == ["account_suspended"], "\(refused.text)")
        #expect(refused.text.contains("This account is suspended indefinitely"), "\(refused.text)")
        #expect(try await client.record() == before, "nothing stored changed")
        #expect(read.status == 200, "\(read.text)")
    }

    @Test(
        "social public look-ups: hidden states and profile-less accounts answer the bytes of a missing user",
        arguments: StoreKind.allCases)
    func hiddenAccountsLookMissing(kind: StoreKind) async throws {
        let client = try await Self.client(kind, .social)
        defer { client.cleanUp() }
        let bare = fixtureUserID("3")
        try await client.service.registerAccount(Account(userID: bare, createdAt: client.clock.now()))
        let missingByID = await client.send("GET", "/api/v1/profile/id/404", as: Self.stranger)
        let missingByName = await client.send("GET", "/api/v1/profile/u/nobody", as: Self.stranger)
        #expect(missingByID.status == 404)

        let bareByID = await client.send("GET", "/api/v1/profile/id/3", as: Self.stranger)
        #expect(bareByID.status == missingByID.status && bareByID.text == missingByID.text)

        let hide: [(String, () async throws -> Void)] = [
            ("deactivated", { try await client.service.deactivateAccount(Self.owner, for: .user(Self.owner)) }),
            (
                "pending deletion",
                {
                    try await client.service.reactivateAccount(Self.owner, for: .user(Self.owner))
                    try await client.service.requestDeletion(Self.owner, for: .user(Self.owner))
                }
            ),
        ]
        for (state, change) in hide {
            try await change()
            for caller in [Self.stranger, nil] {
                let byID = await client.send("GET", "/api/v1/profile/id/1", as: caller)
                let byName = await client.send("GET", "/api/v1/profile/u/owner", as: caller)
                #expect(byID.status == 404 && byID.text == missingByID.text, "\(state) by id: \(byID.text)")
                #expect(byName.status == 404 && byName.text == missingByName.text, "\(state) by name: \(byName.text)")
            }
            let follow = await client.send("POST", "/api/v1/profile/id/1/follow", as: Self.stranger)
            #expect(follow.status == 404, "following a \(state) account")
        }
    }

    @Test("social public look-ups of a suspended account are 403 account_suspended", arguments: StoreKind.allCases)
    func suspendedAccountIsRefused(kind: StoreKind) async throws {
        let client = try await Self.client(kind, .social)
        defer { client.cleanUp() }
        try await client.service.suspendAccount(Self.owner, until: client.clock.now() + 3600, for: Self.moderator)
        for path in ["/api/v1/profile/id/1", "/api/v1/profile/u/owner"] {
            let response = await client.send("GET", path, as: Self.stranger)
            #expect(response.status == 403, "\(response.text)")
            #expect(response.details.map(\.code) == ["account_suspended"])
        }
        client.clock.advance(by: 3600)
        #expect(await client.send("GET", "/api/v1/profile/u/owner", as: Self.stranger).status == 200)
    }
}
