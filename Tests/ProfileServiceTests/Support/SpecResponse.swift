import Foundation
import ProfileKit

/// An endpoint's answer with its body parsed, and the look-ups the spec suites assert on.
struct SpecResponse: @unchecked Sendable {
    let status: Int
    let headers: [String: String]
    let text: String
    /// The parsed body (`NSNull` when it is not JSON, so that assertions fail rather than crash).
    let body: Any

    init(_ response: EndpointResponse) {
        status = response.status.code
        headers = response.headers
        text = response.bodyText
        body = (try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])) ?? NSNull()
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
