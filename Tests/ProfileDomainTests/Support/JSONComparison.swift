import Foundation
import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

/// JSON helpers shared by the wire-format suites.
enum JSONComparison {
    /// The canonical text of a JSON document: parsed with `JSONSerialization`, written back with
    /// sorted keys, so two documents compare equal exactly when they hold the same values.
    static func canonical(_ data: Data) throws -> String {
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let normalised = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: normalised, as: UTF8.self)
    }

    /// Expects two JSON documents to hold the same keys and values.
    ///
    /// A rendered error carries the library's `details` list beside the spec's own fields; when
    /// `expected` (a spec sample) has no `details`, the list must be a non-empty array of
    /// `{field, code, limit}` objects and the remaining fields must be exactly the sample's.
    static func expectSame(
        _ actual: Data, _ expected: Data, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        var actualObject = try JSONSerialization.jsonObject(with: actual, options: [.fragmentsAllowed])
        let expectedObject = try JSONSerialization.jsonObject(with: expected, options: [.fragmentsAllowed])
        if var object = actualObject as? [String: Any], let details = object["details"],
            (expectedObject as? [String: Any])?["details"] == nil
        {
            let entries = details as? [[String: Any]] ?? []
            #expect(
                !entries.isEmpty && entries.allSatisfy { Set($0.keys) == ["field", "code", "limit"] },
                "malformed details: \(details)", sourceLocation: sourceLocation)
            object["details"] = nil
            actualObject = object
        }
        let actualText = try JSONSerialization.data(withJSONObject: actualObject, options: [.fragmentsAllowed])
        #expect(try canonical(actualText) == canonical(expected), sourceLocation: sourceLocation)
    }

    /// The JSON encoding of a value.
    static func encode(_ value: some Encodable) throws -> Data {
        try JSONEncoder().encode(value)
    }

    /// The value decoded from a JSON text.
    static func decode<T: Decodable>(_ type: T.Type, from json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    /// The top-level keys of an encoded object.
    static func keys(of data: Data) throws -> Set<String> {
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return Set(object.keys)
    }
}

/// A date from a wire timestamp, for building fixtures.
func date(_ text: String) throws -> Date {
    try #require(WireTimestamp.parse(text), "\(text) is not a timestamp")
}
