import Foundation
import ProfileKit
import Testing

/// A service harness with the HTTP API in front of it: every spec suite sends the spec's JSON
/// through `ProfileAPI` (all four specs mounted over the harness's store, each under its own
/// preset) the way a server forwards it, and reads the answer back.
struct SpecClient: Sendable {
    let harness: ServiceHarness
    let api: ProfileAPI
    /// The spec's sample user: the default caller of the creator's `put`, and of `record()`.
    let user: UserID
    /// A second user, for what one user must not do to another.
    let other: UserID

    /// A client of `spec` under the spec's own policy, over a fresh store of `kind`, with the clock
    /// at `now`; registers no one.
    init(
        _ kind: StoreKind,
        spec: ProfileSpec.Name,
        now: String = "2024-01-01T00:00:00Z",
        user: UserID = fixtureUserID("user_id"),
        other: UserID = fixtureUserID("other_user")
    ) throws {
        let clock = TestClock(try #require(WireTimestamp.parse(now)))
        self.harness = try ServiceHarness(kind, policy: Self.policy(for: spec), clock: clock)
        self.api = ProfileAPI(store: harness.store, media: harness.media, now: { clock.now() })
        self.user = user
        self.other = other
    }

    var service: ProfileService { harness.service }
    var store: any ProfileStore { harness.store }
    var clock: TestClock { harness.clock }

    /// Sends `json` (JSON text, none by default) as `caller`; `caller` `nil` is anonymous, no
    /// `Authorization` header.
    func send(
        _ method: String,
        _ path: String,
        as caller: UserID? = nil,
        json: String? = nil,
        ifMatch: String? = nil,
        avatar: [UInt8]? = nil
    ) async -> SpecResponse {
        await send(method, path, as: caller, bytes: json.map { Array($0.utf8) } ?? [], ifMatch: ifMatch, avatar: avatar)
    }

    /// Sends `json` as any `caller`, an operator included.
    func send(_ method: String, _ path: String, caller: Caller, json: String? = nil) async -> SpecResponse {
        let request = EndpointRequest(
            method: method, path: path, caller: caller, body: json.map { Array($0.utf8) } ?? [])
        return SpecResponse(await api.respond(to: request))
    }

    /// Sends raw body bytes (the upload endpoint's image).
    func send(
        _ method: String,
        _ path: String,
        as caller: UserID? = nil,
        bytes: [UInt8],
        ifMatch: String? = nil,
        avatar: [UInt8]? = nil
    ) async -> SpecResponse {
        let request = EndpointRequest(
            method: method, path: path, caller: caller.map { Caller.user($0) } ?? .anonymous, body: bytes,
            ifMatch: ifMatch, avatar: avatar)
        return SpecResponse(await api.respond(to: request))
    }

    /// The stored record of `id` (default ``user``).
    func record(_ id: UserID? = nil) async throws -> UserRecord? {
        try await store.record(for: id ?? user)
    }

    func cleanUp() { harness.cleanUp() }

    /// The validation preset of `spec`, the one the API applies to its routes.
    static func policy(for spec: ProfileSpec.Name) -> ValidationPolicy { ProfileSpec.named(spec).policy }
}
