import Foundation
import ProfileKit
import Testing

/// The account-lifecycle routes of every spec: the owner's transitions and reads, the operator's
/// suspension, reinstatement, purge, hold release and reads of another user's state and history,
/// each refused as `Docs/Lifecycle.md` says and answered in the spec's own envelope and spelling.
@Suite("Lifecycle routes through each spec's endpoints")
struct LifecycleEndpointTests {
    static let owner = fixtureUserID("1")
    static let stranger = fixtureUserID("2")
    static let moderator = Caller.operator(
        name: "mod", scopes: [.suspendAccounts, .purgeAccounts, .releaseUsernames])
    static let powerless = Caller.operator(name: "intern", scopes: ["profiles:read"])
    static let reader = Caller.operator(name: "support", scopes: [.readAccounts])

    enum Operation: String, CaseIterable, Sendable {
        case deactivate, reactivate, requestDeletion, cancelDeletion, state, history
        case suspend, reinstate, purge, release
        /// The operator's reads of the user the path names (`state`, `history` for someone else).
        case userState, userHistory

        var isOperators: Bool { [.suspend, .reinstate, .purge, .release, .userState, .userHistory].contains(self) }
    }

    /// One spec's lifecycle routes (`{id}` is the target user or handle) and how it wraps them.
    struct Routes: Sendable, CustomStringConvertible {
        let spec: ProfileSpec.Name
        let paths: [Operation: String]
        let snakeCase: Bool
        /// The status of a validation failure in this spec.
        let validationStatus: Int

        var description: String { "\(spec)" }

        /// `(method, path)` of `operation` on `target`.
        func route(_ operation: Operation, _ target: String = "1") -> (String, String) {
            let row = paths[operation] ?? ""
            let parts = row.split(separator: " ", maxSplits: 1).map(String.init)
            return (parts[0], parts[1].replacingOccurrences(of: "{id}", with: target))
        }

        /// `camelCase` in this spec's spelling.
        func key(_ camel: String) -> String {
            guard snakeCase else { return camel }
            return camel.reduce(into: "") { result, character in
                result += character.isUppercase ? "_" + character.lowercased() : String(character)
            }
        }

        /// The lifecycle payload inside `response`.
        func payload(_ response: SpecResponse, _ operation: Operation) -> [String: Any] {
            let member =
                switch operation {
                case .history, .userHistory: key("usernameHistory")
                case .release: key("releasedHold")
                default: "account"
                }
            switch spec {
            case .creator, .mobile: return response.object(member)
            case .social: return response.data
            case .django: return response.json
            }
        }

        /// Whether `value` is the user id `id` as this spec writes it (Django: an integer).
        func isID(_ value: Any?, _ id: Int) -> Bool {
            spec == .django ? value as? Int == id : value as? String == String(id)
        }
    }

    static let specs: [Routes] = [
        Routes(
            spec: .creator,
            paths: [
                .deactivate: "POST /api/v1/users/me/deactivate", .reactivate: "POST /api/v1/users/me/reactivate",
                .requestDeletion: "POST /api/v1/users/me/deletion", .cancelDeletion: "DELETE /api/v1/users/me/deletion",
                .state: "GET /api/v1/users/me/state", .history: "GET /api/v1/users/me/username-history",
                .suspend: "POST /api/v1/admin/users/{id}/suspension",
                .reinstate: "DELETE /api/v1/admin/users/{id}/suspension",
                .purge: "POST /api/v1/admin/users/{id}/purge", .release: "DELETE /api/v1/admin/username-holds/{id}",
                .userState: "GET /api/v1/admin/users/{id}/state",
                .userHistory: "GET /api/v1/admin/users/{id}/username-history",
            ], snakeCase: false, validationStatus: 400),
        Routes(
            spec: .social,
            paths: [
                .deactivate: "POST /api/v1/account/deactivate", .reactivate: "POST /api/v1/account/reactivate",
                .requestDeletion: "POST /api/v1/account/deletion", .cancelDeletion: "DELETE /api/v1/account/deletion",
                .state: "GET /api/v1/account/state", .history: "GET /api/v1/account/username/history",
                .suspend: "POST /api/v1/moderation/accounts/{id}/suspension",
                .reinstate: "DELETE /api/v1/moderation/accounts/{id}/suspension",
                .purge: "POST /api/v1/moderation/accounts/{id}/purge",
                .release: "DELETE /api/v1/moderation/username-holds/{id}",
                .userState: "GET /api/v1/moderation/accounts/{id}/state",
                .userHistory: "GET /api/v1/moderation/accounts/{id}/username/history",
            ], snakeCase: false, validationStatus: 422),
        Routes(
            spec: .mobile,
            paths: [
                .deactivate: "POST /mobile/user/account/deactivate",
                .reactivate: "POST /mobile/user/account/reactivate",
                .requestDeletion: "POST /mobile/user/account/deletion",
                .cancelDeletion: "DELETE /mobile/user/account/deletion", .state: "GET /mobile/user/account/state",
                .history: "GET /mobile/user/account/username-history",
                .suspend: "POST /mobile/admin/users/{id}/suspension",
                .reinstate: "DELETE /mobile/admin/users/{id}/suspension",
                .purge: "POST /mobile/admin/users/{id}/purge", .release: "DELETE /mobile/admin/username-holds/{id}",
                .userState: "GET /mobile/admin/users/{id}/state",
                .userHistory: "GET /mobile/admin/users/{id}/username-history",
            ], snakeCase: true, validationStatus: 422),
        Routes(
            spec: .django,
            paths: [
                .deactivate: "POST /api/users/deactivate/", .reactivate: "POST /api/users/reactivate/",
                .requestDeletion: "POST /api/users/request-deletion/",
                .cancelDeletion: "POST /api/users/cancel-deletion/",
                .state: "GET /api/users/account-state/", .history: "GET /api/users/username-history/",
                .suspend: "POST /api/users/suspend/{id}/", .reinstate: "POST /api/users/reinstate/{id}/",
                .purge: "POST /api/users/purge/{id}/", .release: "POST /api/users/release-username/{id}/",
                .userState: "GET /api/users/account-state/{id}/", .userHistory: "GET /api/users/username-history/{id}/",
            ], snakeCase: true, validationStatus: 400),
    ]

    /// A client of `spec` whose users `1` ("owner") and `2` ("stranger") have accounts and profiles.
    static func client(_ kind: StoreKind, _ spec: ProfileSpec.Name) async throws -> SpecClient {
        try await AccountStateEndpointTests.client(kind, spec)
    }

    /// Sends `operation` of `routes` as `caller`.
    static func send(
        _ client: SpecClient, _ routes: Routes, _ operation: Operation, as caller: Caller, target: String = "1",
        json: String? = nil
    ) async -> SpecResponse {
        let (method, path) = routes.route(operation, target)
        return await client.send(method, path, caller: caller, json: json)
    }

    @Test("every lifecycle row of the table is one of these, and every one of these is a row", arguments: specs)
    func tableAgrees(routes: Routes) {
        let table = Set(ProfileSpec.named(routes.spec).routes.map { "\($0.method) \($0.path)" })
        for operation in Operation.allCases {
            let (method, path) = routes.route(operation, "{x}")
            let template = table.first { row in
                let parts = row.split(separator: " ")
                return parts[0] == method && PathShape(String(parts[1])) == PathShape(path)
            }
            #expect(template != nil, "\(operation): \(method) \(path)")
        }
    }

    @Test(
        "the owner's transitions answer the new state; one the state does not allow is 409 account_state_conflict",
        arguments: specs, StoreKind.allCases)
    func ownerTransitions(routes: Routes, kind: StoreKind) async throws {
        let client = try await Self.client(kind, routes.spec)
        defer { client.cleanUp() }
        let steps: [(Operation, Int, String?)] = [
            (.state, 200, "active"), (.deactivate, 200, "deactivated"), (.deactivate, 409, nil),
            (.state, 200, "deactivated"), (.reactivate, 200, "active"), (.reactivate, 409, nil),
            (.requestDeletion, 200, "pending_deletion"), (.requestDeletion, 409, nil),
            (.cancelDeletion, 200, "active"), (.cancelDeletion, 409, nil),
        ]
        for (operation, status, state) in steps {
            let before = try await client.record()
            let response = await Self.send(client, routes, operation, as: .user(Self.owner))
            #expect(response.status == status, "\(operation): \(response.text)")
            if let state {
                let payload = routes.payload(response, operation)
                #expect(payload[routes.key("state")] as? String == state, "\(operation): \(response.text)")
                #expect(routes.isID(payload[routes.key("userId")], 1), "\(response.text)")
            } else {
                #expect(response.details == [ErrorDetailEntry(field: nil, code: "account_state_conflict")])
                #expect(try await client.record() == before, "a refused transition changes nothing")
            }
            if routes.spec == .social { #expect(response.succeeded == (status == 200)) }
        }
    }

    @Test("a deletion request names when the purge may run; cancelling after it is 409", arguments: specs)
    func deletionGracePeriod(routes: Routes) async throws {
        let client = try await Self.client(.inMemory, routes.spec)
        let requested = await Self.send(client, routes, .requestDeletion, as: .user(Self.owner))
        let payload = routes.payload(requested, .requestDeletion)
        let grace = ProfileSpec.named(routes.spec).policy.deletionGracePeriod.components.seconds
        let purgeAfter = try #require(payload[routes.key("purgeAfter")] as? String, "\(requested.text)")
        #expect(
            WireTimestamp.parse(purgeAfter) == client.clock.now().addingTimeInterval(TimeInterval(grace)),
            "\(requested.text)")
        #expect(payload[routes.key("requestedAt")] is String)

        client.clock.advance(by: TimeInterval(grace))
        let late = await Self.send(client, routes, .cancelDeletion, as: .user(Self.owner))
        #expect(late.status == 409, "\(late.text)")
        #expect(late.text.contains("grace period ended"), "\(late.text)")
        #expect(late.details.map(\.code) == ["account_state_conflict"])
    }

    @Test("anonymous is 401 on every lifecycle route, before anything is looked at", arguments: specs)
    func anonymousIsRefused(routes: Routes) async throws {
        let client = try await Self.client(.inMemory, routes.spec)
        for operation in Operation.allCases {
            let response = await Self.send(client, routes, operation, as: .anonymous, json: "{")
            #expect(response.status == 401, "\(operation): \(response.text)")
            #expect(response.details.map(\.code) == ["unauthenticated"], "\(operation)")
        }
    }

    @Test(
        "owner routes refuse operators, operator routes refuse users and operators without the scope (403)",
        arguments: specs)
    func wrongCallersAreForbidden(routes: Routes) async throws {
        let client = try await Self.client(.inMemory, routes.spec)
        let before = try await client.record()
        for operation in Operation.allCases {
            let callers: [Caller] =
                operation.isOperators
                ? [.user(Self.owner), .user(Self.stranger), Self.powerless]
                : [Self.moderator, Self.reader, Self.powerless]
            for caller in callers {
                // A body that would be a 400/422 still gets the 403: the caller is checked first.
                let response = await Self.send(
                    client, routes, operation, as: caller, target: operation == .release ? "stranger" : "1",
                    json: operation == .suspend ? #"{"until": "soon"}"# : nil)
                #expect(response.status == 403, "\(operation) as \(caller): \(response.text)")
                #expect(response.details.map(\.code) == ["forbidden"], "\(operation) as \(caller)")
            }
        }
        #expect(try await client.record() == before, "nothing changed")
    }

    @Test(
        "an operator suspends until a date or indefinitely; the owner's transitions are then 403 account_suspended",
        arguments: specs, StoreKind.allCases)
    func suspension(routes: Routes, kind: StoreKind) async throws {
        let client = try await Self.client(kind, routes.spec)
        defer { client.cleanUp() }
        let suspended = await Self.send(
            client, routes, .suspend, as: Self.moderator, json: #"{"until": "2024-01-01T01:00:00Z"}"#)
        #expect(suspended.status == 200, "\(suspended.text)")
        let payload = routes.payload(suspended, .suspend)
        #expect(payload[routes.key("state")] as? String == "suspended", "\(suspended.text)")
        #expect(routes.isID(payload[routes.key("userId")], 1))
        let until = try #require(payload["until"] as? String, "\(suspended.text)")
        #expect(WireTimestamp.parse(until) == client.clock.now().addingTimeInterval(3600))

        for operation in [Operation.deactivate, .reactivate, .requestDeletion] {
            let refused = await Self.send(client, routes, operation, as: .user(Self.owner))
            #expect(refused.status == 403, "\(operation): \(refused.text)")
            #expect(refused.details == [ErrorDetailEntry(field: nil, code: "account_suspended")], "\(refused.text)")
            #expect(refused.text.contains("suspended until 2024-01-01T01:00:00Z"), "\(refused.text)")
        }
        let state = await Self.send(client, routes, .state, as: .user(Self.owner))
        #expect(routes.payload(state, .state)[routes.key("state")] as? String == "suspended", "\(state.text)")

        let reinstated = await Self.send(client, routes, .reinstate, as: Self.moderator)
        #expect(reinstated.status == 200, "\(reinstated.text)")
        #expect(routes.payload(reinstated, .reinstate)[routes.key("state")] as? String == "active")
        let again = await Self.send(client, routes, .reinstate, as: Self.moderator)
        #expect(again.status == 409, "\(again.text)")
        #expect(again.details.map(\.code) == ["account_state_conflict"])

        // No body at all: indefinitely, `until` null.
        let indefinite = await Self.send(client, routes, .suspend, as: Self.moderator)
        #expect(indefinite.status == 200, "\(indefinite.text)")
        #expect(routes.payload(indefinite, .suspend)["until"] is NSNull, "\(indefinite.text)")
        #expect(try await client.record()?.state == .suspended(since: client.clock.now(), until: nil))
    }

    /// A suspension body and the field errors it must produce.
    struct BadSuspension: Sendable, CustomStringConvertible {
        let body: String
        let details: [ErrorDetailEntry]
        var description: String { body }
    }

    static let badSuspensions: [BadSuspension] = [
        BadSuspension(
            body: #"{"until": "2023-12-31T23:59:59Z"}"#,
            details: [ErrorDetailEntry(field: "until", code: "out_of_range")]),
        BadSuspension(
            body: #"{"until": "2024-01-01T00:00:00Z"}"#,
            details: [ErrorDetailEntry(field: "until", code: "out_of_range")]),
        BadSuspension(
            body: #"{"until": "next week"}"#, details: [ErrorDetailEntry(field: "until", code: "invalid_format")]),
        BadSuspension(
            body: #"{"until": "2024-02-30T00:00:00Z", "reason": "spam"}"#,
            details: [
                ErrorDetailEntry(field: "reason", code: "unknown_field"),
                ErrorDetailEntry(field: "until", code: "invalid_format"),
            ]),
        BadSuspension(body: #"{"state": "active"}"#, details: [ErrorDetailEntry(field: "state", code: "read_only")]),
    ]

    @Test(
        "a bad suspension body is the spec's validation status with every field error, and suspends nobody",
        arguments: specs, badSuspensions)
    func badSuspensionBodies(routes: Routes, bad: BadSuspension) async throws {
        let client = try await Self.client(.inMemory, routes.spec)
        let response = await Self.send(client, routes, .suspend, as: Self.moderator, json: bad.body)
        #expect(response.status == routes.validationStatus, "\(response.text)")
        #expect(response.details == bad.details, "\(response.text)")
        #expect(try await client.record()?.state == .active)
    }

    @Test("operator routes naming nobody are 404", arguments: specs)
    func unknownTargets(routes: Routes) async throws {
        let client = try await Self.client(.inMemory, routes.spec)
        for operation in [Operation.suspend, .reinstate, .purge] {
            for target in ["404", "%20"] {
                let response = await Self.send(client, routes, operation, as: Self.moderator, target: target)
                #expect(response.status == 404, "\(operation) \(target): \(response.text)")
                #expect(response.details.map(\.code) == ["not_found"])
            }
        }
        let release = await Self.send(client, routes, .release, as: Self.moderator, target: "nobody_held")
        #expect(release.status == 404, "\(release.text)")
        #expect(release.details.map(\.code) == ["not_found"])
    }

    @Test(
        "an operator purges a pending deletion early; without one it is 409, and the account is gone after",
        arguments: specs, StoreKind.allCases)
    func purge(routes: Routes, kind: StoreKind) async throws {
        let client = try await Self.client(kind, routes.spec)
        defer { client.cleanUp() }
        let early = await Self.send(client, routes, .purge, as: Self.moderator)
        #expect(early.status == 409, "\(early.text)")
        #expect(early.details.map(\.code) == ["account_state_conflict"])
        #expect(try await client.record() != nil)

        _ = await Self.send(client, routes, .requestDeletion, as: .user(Self.owner))
        let purged = await Self.send(client, routes, .purge, as: Self.moderator)
        #expect(purged.status == 200, "\(purged.text)")
        let payload = routes.payload(purged, .purge)
        #expect(payload[routes.key("state")] as? String == "purged", "\(purged.text)")
        #expect(routes.isID(payload[routes.key("userId")], 1))
        #expect(try await client.record() == nil)
        #expect(try await client.record(Self.stranger) != nil, "nobody else is touched")

        let gone = await Self.send(client, routes, .purge, as: Self.moderator)
        #expect(gone.status == 404, "\(gone.text)")
    }

    @Test("an operator releases a deleted user's held name once; the owner reads their history", arguments: specs)
    func holdsAndHistory(routes: Routes) async throws {
        let client = try await Self.client(.inMemory, routes.spec)
        try await client.service.deleteUser(Self.stranger, for: .user(Self.stranger))

        let released = await Self.send(client, routes, .release, as: Self.moderator, target: "Stranger")
        #expect(released.status == 200, "\(released.text)")
        let hold = routes.payload(released, .release)
        #expect(hold["username"] as? String == "stranger", "\(released.text)")
        // A deleted user's hold keeps no id: heldFor is present and null.
        #expect(hold[routes.key("heldFor")] is NSNull, "\(released.text)")
        #expect(hold["since"] is String)
        let twice = await Self.send(client, routes, .release, as: Self.moderator, target: "stranger")
        #expect(twice.status == 404, "\(twice.text)")

        let history = await Self.send(client, routes, .history, as: .user(Self.owner))
        #expect(history.status == 200, "\(history.text)")
        let view = routes.payload(history, .history)
        #expect(view["username"] as? String == "owner", "\(history.text)")
        #expect(view["history"] as? [Any] != nil && view["holds"] as? [Any] != nil, "\(history.text)")
    }

    @Test(
        "an operator with accounts:read reads another user's state and history: the owner route's exact bytes",
        arguments: specs, StoreKind.allCases)
    func operatorReads(routes: Routes, kind: StoreKind) async throws {
        let client = try await Self.client(kind, routes.spec)
        defer { client.cleanUp() }
        // A rename and a suspension, so that the history, its hold and the state's dates are there.
        _ = try await client.service.changeUsername(to: "owner_renamed", for: .user(Self.owner))
        _ = await Self.send(client, routes, .suspend, as: Self.moderator, json: #"{"until": "2024-01-02T00:00:00Z"}"#)
        for (read, own) in [(Operation.userState, Operation.state), (.userHistory, .history)] {
            let owners = await Self.send(client, routes, own, as: .user(Self.owner))
            #expect(owners.status == 200, "\(own): \(owners.text)")
            let operators = await Self.send(client, routes, read, as: Self.reader)
            #expect(operators.status == 200, "\(read): \(operators.text)")
            #expect(operators.text == owners.text, "\(read) answers what the owner's \(own) answers")
        }
        let state = routes.payload(await Self.send(client, routes, .userState, as: Self.reader), .userState)
        #expect(state[routes.key("state")] as? String == "suspended")
        #expect(routes.isID(state[routes.key("userId")], 1), "\(state)")
        let history = routes.payload(await Self.send(client, routes, .userHistory, as: Self.reader), .userHistory)
        #expect(history["username"] as? String == "owner_renamed", "\(history)")
        let left = try #require(history["history"] as? [[String: Any]], "\(history)")
        #expect(left.map { $0["username"] as? String } == ["owner"])
        #expect((history["holds"] as? [[String: Any]])?.count == 1, "\(history)")
    }

    @Test(
        "another user's state: accounts:suspend reads it too; the history needs accounts:read (403 before the id)",
        arguments: specs)
    func operatorReadScopes(routes: Routes) async throws {
        let client = try await Self.client(.inMemory, routes.spec)
        let suspender = Caller.operator(name: "mod", scopes: [.suspendAccounts])
        let state = await Self.send(client, routes, .userState, as: suspender)
        #expect(state.status == 200, "\(state.text)")
        #expect(routes.payload(state, .userState)[routes.key("state")] as? String == "active")
        let others = Caller.operator(name: "other", scopes: [.purgeAccounts, .releaseUsernames])
        for (operation, caller) in [(Operation.userHistory, Self.moderator), (.userState, others)] {
            // An unknown id still gets the 403: the scope is checked before the path is read.
            for target in ["2", "404"] {
                let refused = await Self.send(client, routes, operation, as: caller, target: target)
                #expect(refused.status == 403, "\(operation) \(target): \(refused.text)")
                #expect(refused.details.map(\.code) == ["forbidden"])
                // Django's 403 is always the spec's "Not authorized"; the others name the scope.
                if routes.spec != .django { #expect(refused.text.contains("accounts:read"), "\(refused.text)") }
            }
        }
        // The owner is a user: the operator route is 403 even on their own id.
        let own = await Self.send(client, routes, .userHistory, as: .user(Self.owner))
        #expect(own.status == 403, "\(own.text)")
    }

    @Test(
        "another user's reads: 404 for an unknown or malformed id; an account without a profile answers",
        arguments: specs)
    func operatorReadTargets(routes: Routes) async throws {
        let client = try await Self.client(.inMemory, routes.spec)
        for operation in [Operation.userState, .userHistory] {
            for target in ["404", "%20"] {
                let response = await Self.send(client, routes, operation, as: Self.reader, target: target)
                #expect(response.status == 404, "\(operation) \(target): \(response.text)")
                #expect(response.details.map(\.code) == ["not_found"])
            }
        }
        // Operators are not strangers: a registered account without a profile is not hidden from them.
        let bare = fixtureUserID("3")
        try await client.service.registerAccount(Account(userID: bare, createdAt: client.clock.now()))
        let state = await Self.send(client, routes, .userState, as: Self.reader, target: "3")
        #expect(state.status == 200, "\(state.text)")
        #expect(routes.payload(state, .userState)[routes.key("state")] as? String == "active")
        let history = await Self.send(client, routes, .userHistory, as: Self.reader, target: "3")
        #expect(history.status == 200, "\(history.text)")
        #expect(routes.payload(history, .userHistory)["username"] is NSNull, "\(history.text)")
    }

    @Test(
        "generated walks of owner and operator transitions answer what a model of the state machine predicts",
        arguments: specs)
    func generatedWalks(routes: Routes) async throws {
        let seed: UInt64 = 0x11FE_0014 &+ UInt64(ProfileSpec.Name.allCases.firstIndex(of: routes.spec) ?? 0)
        var generator = SeededGenerator(seed: seed)
        let client = try await Self.client(.inMemory, routes.spec)
        let walked = [
            Operation.deactivate, .reactivate, .requestDeletion, .cancelDeletion, .state, .suspend, .reinstate,
        ]
        var model = ModelState.active
        let started = ContinuousClock.now
        for step in 0..<400 where ContinuousClock.now - started < .seconds(10) {
            let operation = walked[Int.random(in: 0..<walked.count, using: &generator)]
            let caller = operation.isOperators ? Self.moderator : Caller.user(Self.owner)
            let (status, next) = model.expected(operation)
            let response = await Self.send(client, routes, operation, as: caller)
            #expect(
                response.status == status,
                "step \(step) \(operation) from \(model) (seed \(seed)): \(response.text)")
            if status == 200 {
                #expect(
                    routes.payload(response, operation)[routes.key("state")] as? String == next.name,
                    "step \(step) \(operation) (seed \(seed))")
            }
            model = next
            client.clock.advance(by: 1)
        }
    }

    /// An independent model of `Docs/Lifecycle.md`'s transition table, for the generated walks.
    enum ModelState: Sendable, CustomStringConvertible {
        case active, deactivated, pendingDeletion, suspended

        var name: String {
            switch self {
            case .active: "active"
            case .deactivated: "deactivated"
            case .pendingDeletion: "pending_deletion"
            case .suspended: "suspended"
            }
        }

        var description: String { name }

        /// The status `operation` answers in this state, and the state after it.
        func expected(_ operation: Operation) -> (Int, ModelState) {
            switch (operation, self) {
            case (.state, _): (200, self)
            case (.suspend, _): (200, .suspended)
            case (.reinstate, .suspended): (200, .active)
            case (.reinstate, _): (409, self)
            case (_, .suspended) where operation != .cancelDeletion: (403, self)
            case (.deactivate, .active): (200, .deactivated)
            case (.reactivate, .deactivated): (200, .active)
            case (.requestDeletion, .active), (.requestDeletion, .deactivated): (200, .pendingDeletion)
            case (.cancelDeletion, .pendingDeletion): (200, .active)
            default: (409, self)
            }
        }
    }
}

/// A path with every `{parameter}` and every concrete segment in a parameter's place made equal,
/// so a test's `{x}` path compares with the table's template.
private struct PathShape: Equatable {
    let segments: [String]

    init(_ path: String) {
        segments = path.split(separator: "/").map { $0.hasPrefix("{") ? "{}" : String($0) }
    }
}
