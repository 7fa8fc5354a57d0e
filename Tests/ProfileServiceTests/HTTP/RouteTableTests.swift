import Foundation
import ProfileKit
import Testing

@testable import ProfileHTTP

/// The route table is data a server registers; these tests walk it, and check the matcher against
/// an independent one (a regular expression per template) on generated paths.
@Suite("Route table")
struct RouteTableTests {
    static let api = ProfileAPI(store: InMemoryProfileStore())

    @Test("every spec's routes are well formed: upper-case method, absolute template, named parameters")
    func wellFormed() {
        #expect(Self.api.specs.map(\.name) == ProfileSpec.Name.allCases)
        #expect(Self.api.routes.count == 72)
        for route in Self.api.routes {
            #expect(["GET", "PUT", "POST", "PATCH", "DELETE"].contains(route.method), "\(route)")
            #expect(route.path.hasPrefix("/"), "\(route)")
            #expect(Set(route.parameters).count == route.parameters.count, "\(route)")
            #expect(route.parameters.allSatisfy { !$0.isEmpty && !$0.contains("/") }, "\(route)")
            // A route that reads a body or a version always knows who is calling.
            if !route.bodies.isEmpty || route.headers.contains("If-Match") {
                #expect(route.requiresAuthentication, "\(route)")
            }
        }
        let open = Self.api.routes.filter { !$0.requiresAuthentication }.map(\.path)
        #expect(open == ["/api/v1/profile/id/{userId}", "/api/v1/profile/u/{username}"])
    }

    @Test("the table names each spec's endpoints, methods and parameters", arguments: ProfileSpec.all)
    func eachSpec(spec: ProfileSpec) {
        let table = spec.routes.map { "\($0.method) \($0.path)" }
        let expected: [String] =
            switch spec.name {
            case .creator:
                [
                    "PUT /api/v1/profiles/me", "GET /api/v1/profiles/me", "GET /api/v1/users/me",
                    "POST /api/v1/profiles/upload-media", "GET /api/v1/profiles/me/export",
                    "POST /api/v1/users/me/deactivate", "POST /api/v1/users/me/reactivate",
                    "POST /api/v1/users/me/deletion", "DELETE /api/v1/users/me/deletion", "GET /api/v1/users/me/state",
                    "GET /api/v1/users/me/username-history", "POST /api/v1/admin/users/{userId}/suspension",
                    "DELETE /api/v1/admin/users/{userId}/suspension", "POST /api/v1/admin/users/{userId}/purge",
                    "GET /api/v1/admin/users/{userId}/state", "GET /api/v1/admin/users/{userId}/username-history",
                    "DELETE /api/v1/admin/username-holds/{username}",
                ]
            case .social:
                [
                    "GET /api/v1/profile/me", "GET /api/v1/profile/id/{userId}", "GET /api/v1/profile/u/{username}",
                    "PUT /api/v1/profile/update", "POST /api/v1/profile/id/{userId}/follow",
                    "DELETE /api/v1/profile/id/{userId}/follow", "POST /api/v1/profile/id/{userId}/block",
                    "DELETE /api/v1/profile/id/{userId}/block", "POST /api/v1/account/username/change",
                    "GET /api/v1/account/export", "POST /api/v1/account/deactivate",
                    "POST /api/v1/account/reactivate", "POST /api/v1/account/deletion",
                    "DELETE /api/v1/account/deletion", "GET /api/v1/account/state",
                    "GET /api/v1/account/username/history", "POST /api/v1/moderation/accounts/{userId}/suspension",
                    "DELETE /api/v1/moderation/accounts/{userId}/suspension",
                    "POST /api/v1/moderation/accounts/{userId}/purge",
                    "GET /api/v1/moderation/accounts/{userId}/state",
                    "GET /api/v1/moderation/accounts/{userId}/username/history",
                    "DELETE /api/v1/moderation/username-holds/{username}",
                ]
            case .mobile:
                [
                    "GET /mobile/user/profile", "POST /mobile/user/profile", "GET /mobile/user/profile/export",
                    "POST /mobile/user/account/deactivate", "POST /mobile/user/account/reactivate",
                    "POST /mobile/user/account/deletion", "DELETE /mobile/user/account/deletion",
                    "GET /mobile/user/account/state", "GET /mobile/user/account/username-history",
                    "POST /mobile/admin/users/{user_id}/suspension", "DELETE /mobile/admin/users/{user_id}/suspension",
                    "POST /mobile/admin/users/{user_id}/purge", "GET /mobile/admin/users/{user_id}/state",
                    "GET /mobile/admin/users/{user_id}/username-history",
                    "DELETE /mobile/admin/username-holds/{username}",
                ]
            case .django:
                [
                    "POST /api/users/profile/", "GET /api/users/profile/", "PUT /api/users/update-profile/{pk}/",
                    "PATCH /api/users/update-profile/{pk}/", "DELETE /api/users/delete/{user_id}/",
                    "GET /api/users/export/", "POST /api/users/deactivate/", "POST /api/users/reactivate/",
                    "POST /api/users/request-deletion/", "POST /api/users/cancel-deletion/",
                    "GET /api/users/account-state/", "GET /api/users/username-history/",
                    "POST /api/users/suspend/{user_id}/", "POST /api/users/reinstate/{user_id}/",
                    "POST /api/users/purge/{user_id}/", "GET /api/users/account-state/{user_id}/",
                    "GET /api/users/username-history/{user_id}/", "POST /api/users/release-username/{username}/",
                ]
            }
        #expect(table == expected)
        #expect(spec.routes.allSatisfy { $0.spec == spec.name })
        #expect(spec.policy.name == spec.name.rawValue)
    }

    @Test("no two routes of different specs match the same method and path, on generated paths")
    func noCollisions() {
        var generator = SeededGenerator(seed: 0x5EED_0009)
        let templates = Self.api.routes.map { PathTemplate($0.path) }
        var checked = 0
        for (route, template) in zip(Self.api.routes, templates) {
            for _ in 0..<250 {
                let path = Self.instantiate(template, using: &generator)
                let segments = path.split(separator: "/")
                let matching = zip(Self.api.routes, templates).filter { other, otherTemplate in
                    other.method == route.method && otherTemplate.match(segments) != nil
                }
                #expect(
                    Set(matching.map(\.0.spec)) == [route.spec],
                    "\(route.method) \(path) matches \(matching.map(\.0)) (seed \(generator.seed))")
                // Within a spec, the most specific match is unique.
                let literals = matching.map { $0.1.literalCount }
                #expect(literals.filter { $0 == literals.max() }.count == 1, "\(route.method) \(path)")
                checked += 1
            }
        }
        #expect(checked == Self.api.routes.count * 250)
    }

    // 3,000 paths x 72 templates: about the matches 8,000 paths cost when the table had 24 rows.
    @Test("the matcher agrees with a regular expression per template on 3,000 generated paths")
    func matcherAgreesWithRegex() throws {
        var generator = SeededGenerator(seed: 0x0009_A11C)
        let references = try Self.api.routes.map { try ReferenceMatcher($0.path) }
        let templates = Self.api.routes.map { PathTemplate($0.path) }
        let vocabulary =
            Set(Self.api.routes.flatMap { $0.path.split(separator: "/").map(String.init) })
            .filter { !$0.hasPrefix("{") }.sorted() + ["x", "42", "%41b", "%ZZ", "a%20b", "", "{userId}"]
        // Bounded by the count; no wall-clock expectation: the run takes ~3 s alone on the shared
        // machine, and a sanitizer build inside the parallel suite on a busy one could pass 60 s
        // without anything being wrong with the matcher.
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...7, using: &generator)
            let segments = (0..<count).map { _ in vocabulary.randomElement(using: &generator) ?? "" }
            let path = "/" + segments.joined(separator: "/") + (Bool.random(using: &generator) ? "/" : "")
            for (template, reference) in zip(templates, references) {
                let ours = template.match(path.split(separator: "/"))
                let theirs = reference.match(path)
                #expect(ours == theirs, "\(path) against \(reference.template) (seed \(generator.seed))")
            }
        }
    }

    /// A concrete path for `template`: each parameter a generated segment (letters, digits,
    /// percent escapes, and other routes' literals, so that look-alikes are tried).
    static func instantiate(_ template: PathTemplate, using generator: inout SeededGenerator) -> String {
        let pool = ["me", "update", "id", "u", "follow", "block", "profile", "users", "delete"]
        let parts = template.segments.map { segment -> String in
            switch segment {
            case .literal(let literal): return String(literal)
            case .parameter:
                if Bool.random(using: &generator) { return pool.randomElement(using: &generator) ?? "me" }
                let alphabet = Array("abcXYZ019_-.~%20")
                return String(
                    (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator) ?? "a"
                    })
            }
        }
        return "/" + parts.joined(separator: "/") + (Bool.random(using: &generator) ? "/" : "")
    }
}

/// An independent matcher: the template becomes an anchored regular expression over the path
/// with empty segments removed; a parameter is `([^/]+)`, decoded with Foundation's
/// `removingPercentEncoding` (the segment itself when that fails).
struct ReferenceMatcher {
    let template: String
    let names: [String]
    let expression: NSRegularExpression

    init(_ template: String) throws {
        self.template = template
        var names: [String] = []
        let pattern = template.split(separator: "/").map { segment -> String in
            if segment.hasPrefix("{") {
                names.append(String(segment.dropFirst().dropLast()))
                return "([^/]+)"
            }
            return NSRegularExpression.escapedPattern(for: String(segment))
        }
        self.names = names
        expression = try NSRegularExpression(pattern: "^/" + pattern.joined(separator: "/") + "$")
    }

    func match(_ path: String) -> [String: String]? {
        let normalised = "/" + path.split(separator: "/").joined(separator: "/")
        let range = NSRange(normalised.startIndex..., in: normalised)
        guard let result = expression.firstMatch(in: normalised, range: range) else { return nil }
        var parameters: [String: String] = [:]
        for (index, name) in names.enumerated() {
            guard let captured = Range(result.range(at: index + 1), in: normalised) else { return nil }
            let raw = String(normalised[captured])
            parameters[name] = raw.removingPercentEncoding ?? raw
        }
        return parameters
    }
}

/// SplitMix64: deterministic, so a failure names the state that reproduces it.
struct SeededGenerator: RandomNumberGenerator {
    private(set) var seed: UInt64

    init(seed: UInt64) { self.seed = seed }

    mutating func next() -> UInt64 {
        seed &+= 0x9E37_79B9_7F4A_7C15
        var value = seed
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE5_E9B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
