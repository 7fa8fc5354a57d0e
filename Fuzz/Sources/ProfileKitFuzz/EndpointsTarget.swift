import Foundation
import ProfileKit

/// Request bytes through one spec's routes of `ProfileAPI`, each input over fresh in-memory stores.
///
/// Input: byte 0 picks a route of the spec's route table (`ProfileSpec.routes`, so a route added to
/// the library is fuzzed without a change here), byte 1 the circumstances (bits 0-1 the caller:
/// anonymous, user 1, user 2, user 1 with the admin role; bit 2 and 3 whether users 1 and 2 have a
/// profile; bits 4-5 the `If-Match` header; bits 6-7 the user a path names); the rest is the body.
/// Route 0 takes its method and path from the body's first line (`PATCH /api/users/delete/%31/`),
/// so routing and percent-decoding are fuzzed too. On routes that take multipart bodies (Django's
/// update) a NUL byte splits the body into the JSON part and the avatar file.
///
/// Invariants for any input: a status in ``documentedStatuses`` (never 5xx), a JSON `Content-Type`,
/// a body that is a JSON object (Foundation's parser as the reference), an `ETag` of the form
/// `"v<n>"` when there is one, and stored records unchanged by any request answered with 4xx.
struct EndpointsTarget: Sendable {
    let spec: ProfileSpec
    /// The request that gives a user a profile; `{name}` is replaced with a name per user, `{id}`
    /// with the user's id.
    let seed: (method: String, path: String, body: String)

    /// Every status the four specs document; anything else (and any 5xx) is a finding.
    static let documentedStatuses: Set<Int> = [200, 201, 204, 400, 401, 403, 404, 405, 409, 412, 413, 415, 422]

    static let users = [UserID("1"), UserID("2")].compactMap { $0 }
    static let fixedNow = Date(timeIntervalSince1970: 1_700_000_000)

    static let creator = EndpointsTarget(
        spec: .creator,
        seed: ("PUT", "/api/v1/profiles/me", #"{"username":"{name}","displayName":"N","bio":"b","niche":["art"]}"#))

    static let social = EndpointsTarget(
        spec: .social, seed: ("POST", "/api/v1/account/username/change", #"{"newUsername":"{name}"}"#))

    static let mobile = EndpointsTarget(
        spec: .mobile, seed: ("POST", "/mobile/user/profile", #"{"display_name":"{name}"}"#))

    static let django = EndpointsTarget(
        spec: .django, seed: ("PUT", "/api/users/update-profile/{id}/", #"{"first_name":"{name}"}"#))

    func run(_ bytes: [UInt8]) {
        guard bytes.count >= 2 else { return }
        let flags = bytes[1]
        let request = request(bytes[0], flags: flags, body: Array(bytes.dropFirst(2)))
        let seeded = Self.users.indices.filter { flags & (4 << $0) != 0 }
        let (response, before, after) = Blocking.run { [self] in await respond(to: request, seeding: seeded) }
        check(response, request: request, before: before, after: after)
    }

    /// The request input bytes describe.
    private func request(_ routeByte: UInt8, flags: UInt8, body: [UInt8]) -> EndpointRequest {
        let roles: Set<String> = flags & 3 == 3 ? ["admin"] : []
        let caller: Caller = flags & 3 == 0 ? .anonymous : .user(Self.users[flags & 3 == 2 ? 1 : 0], roles: roles)
        let ifMatch = [nil, "\"v1\"", "\"v2\"", "*"][Int(flags >> 4) & 3]
        let pathUser = ["1", "2", "99", "%31"][Int(flags >> 6)]
        let index = Int(routeByte) % (spec.routes.count + 1)
        guard index > 0 else {
            // The method and path come from the body's first line.
            let newline = body.firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            let line = String(decoding: body[..<newline], as: UTF8.self)
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            return EndpointRequest(
                method: String(parts[0]), path: parts.count > 1 ? String(parts[1]) : "/", caller: caller,
                body: Array(body[min(newline + 1, body.endIndex)...]), ifMatch: ifMatch)
        }
        let route = spec.routes[index - 1]
        var json = body
        var avatar: [UInt8]?
        if route.bodies.contains(.multipart), let nul = body.firstIndex(of: 0) {
            json = Array(body[..<nul])
            avatar = Array(body[(nul + 1)...])
        }
        // A parameter that names a user by handle gets the handle the seed gives that user.
        var path = route.path
        for parameter in route.parameters {
            let value = parameter.lowercased().contains("username") ? "user_\(pathUser)" : pathUser
            path = path.replacingOccurrences(of: "{\(parameter)}", with: value)
        }
        return EndpointRequest(
            method: route.method, path: path, caller: caller, body: json, ifMatch: ifMatch, avatar: avatar)
    }

    /// Answers `request` over fresh stores in which both users have an account and the users at
    /// `seeded` a profile; also returns both users' records before and after.
    private func respond(
        to request: EndpointRequest, seeding seeded: [Int]
    ) async -> (EndpointResponse, [UserRecord?], [UserRecord?]) {
        let store = InMemoryProfileStore()
        let now: @Sendable () -> Date = { Self.fixedNow }
        let service = ProfileService(store: store, policy: spec.policy, media: InMemoryMediaStore(now: now), now: now)
        let endpoints = ProfileAPI(service: service, specs: [spec])
        for (index, user) in Self.users.enumerated() {
            let account = Account(userID: user, email: "user\(index)@example.com", createdAt: Self.fixedNow)
            do {
                try await service.registerAccount(account)
            } catch {
                FuzzFailure.harness("registering \(user) failed: \(error)")
            }
            guard seeded.contains(index) else { continue }
            let seedRequest = EndpointRequest(
                method: seed.method, path: seed.path.replacingOccurrences(of: "{id}", with: user.rawValue),
                caller: .user(user),
                body: Array(seed.body.replacingOccurrences(of: "{name}", with: "user_\(index + 1)").utf8))
            let answer = await endpoints.respond(to: seedRequest)
            guard answer.status.isSuccess else {
                FuzzFailure.harness("seeding \(user) on \(spec.name) answered \(answer.status): \(answer.bodyText)")
            }
        }
        let before = await records(store)
        let response = await endpoints.respond(to: request)
        return (response, before, await records(store))
    }

    private func records(_ store: InMemoryProfileStore) async -> [UserRecord?] {
        var records: [UserRecord?] = []
        for user in Self.users {
            do {
                records.append(try await store.record(for: user))
            } catch {
                FuzzFailure.violation("reading \(user) back failed: \(error)")
            }
        }
        return records
    }

    private func check(
        _ response: EndpointResponse, request: EndpointRequest, before: [UserRecord?], after: [UserRecord?]
    ) {
        let code = response.status.code
        let context = "\(spec.name) \(request.method) \(request.path) answered \(code): \(response.bodyText)"
        guard Self.documentedStatuses.contains(code) else { FuzzFailure.violation("undocumented status; \(context)") }
        guard response.headers["Content-Type"]?.hasPrefix("application/json") == true else {
            FuzzFailure.violation("no JSON Content-Type; \(context)")
        }
        guard JSONReference.isJSONObject(response.body) else {
            FuzzFailure.violation("body is not a JSON object; \(context)")
        }
        if let tag = response.headers["ETag"] {
            let digits = tag.dropFirst(2).dropLast()
            guard tag.hasPrefix("\"v"), tag.hasSuffix("\""), !digits.isEmpty, digits.allSatisfy(\.isNumber) else {
                FuzzFailure.violation("ETag \(tag) is not \"v<n>\"; \(context)")
            }
        }
        if (400..<500).contains(code), before != after {
            FuzzFailure.violation("a refused request changed stored records; \(context)")
        }
    }
}
