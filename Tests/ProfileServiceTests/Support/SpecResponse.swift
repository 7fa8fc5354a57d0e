import Foundation
import ProfileKit
import Testing

/// An endpoint's answer with its body parsed, and the look-ups the spec suites assert on.
struct SpecResponse: @unchecked Sendable {
    let status: Int
    let headers: [String: String]
    let text: String
    /// The parsed body (`NSNull` when it is not JSON, so that assertions fail rather than crash),
    /// without the error's `details`, so the spec's own fields compare exactly as the spec shows
    /// them.
    let body: Any
    /// The error's machine-readable `details` (`[{field, code, limit}]`), empty on success.
    let details: [ErrorDetailEntry]

    /// Parses `response`; an error response must carry a well-formed, non-empty `details` list
    /// (checked here, so every error any spec suite provokes is checked).
    init(_ response: EndpointResponse, sourceLocation: SourceLocation = #_sourceLocation) {
        status = response.status.code
        headers = response.headers
        text = response.bodyText
        var parsed =
            (try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])) ?? NSNull()
        var details: [ErrorDetailEntry] = []
        if status >= 400, var object = parsed as? [String: Any] {
            let list = object.removeValue(forKey: "details") as? [[String: Any]] ?? []
            details = list.compactMap(ErrorDetailEntry.init)
            #expect(
                !list.isEmpty && details.count == list.count, "malformed details in \(text)",
                sourceLocation: sourceLocation)
            parsed = object
        }
        self.details = details
        body = parsed
    }

    /// The body as an object (empty when it is not one).
    var json: [String: Any] { body as? [String: Any] ?? [:] }
    /// A nested object, e.g. `object("profile")`.
    func object(_ key: String) -> [String: Any] { json[key] as? [String: Any] ?? [:] }
    /// A string at the top level.
    func string(_ key: String) -> String? { json[key] as? String }
    /// The social envelope's `data` as an object.
    var data: [String: Any] { object("data") }
    /// The field -> message map of an error envelope.
    var errors: [String: String] { json["errors"] as? [String: String] ?? [:] }
    /// Whether the body is `true` at `success`.
    var succeeded: Bool { json["success"] as? Bool == true }
    /// The `ETag` header.
    var etag: String? { headers["ETag"] }

    /// Whether the body equals `expected` (JSON text; `"<any>"` matches any value).
    func matches(_ expected: String) -> Bool {
        guard let expected = try? JSONSerialization.jsonObject(with: Data(expected.utf8), options: [.fragmentsAllowed])
        else { return false }
        return JSONMatch.matches(body, expected)
    }
}

/// One `{field, code, limit}` entry of an error's `details`, as a client reads it.
struct ErrorDetailEntry: Sendable, Hashable, CustomStringConvertible {
    let field: String?
    let code: String
    let limit: Int?

    init(field: String?, code: String, limit: Int? = nil) {
        self.field = field
        self.code = code
        self.limit = limit
    }

    /// The entry of a parsed object; `nil` unless it has exactly the three keys, `field` and
    /// `limit` possibly `null`.
    init?(_ object: [String: Any]) {
        guard Set(object.keys) == ["field", "code", "limit"], let code = object["code"] as? String else { return nil }
        guard object["field"] is NSNull || object["field"] is String else { return nil }
        guard object["limit"] is NSNull || object["limit"] is Int else { return nil }
        self.init(field: object["field"] as? String, code: code, limit: object["limit"] as? Int)
    }

    var description: String { "\(field ?? "null"):\(code):\(limit.map(String.init) ?? "null")" }
}
