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
    static func expectSame(
        _ actual: Data, _ expected: Data, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        #expect(try canonical(actual) == canonical(expected), sourceLocation: sourceLocation)
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
