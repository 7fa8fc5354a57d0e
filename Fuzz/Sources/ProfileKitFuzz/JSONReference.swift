import Foundation

/// An independent opinion on whether bytes are JSON: Foundation's `JSONSerialization`, which
/// shares no code with the library's `JSONScanner`.
enum JSONReference {
    /// Whether `bytes` parse as one JSON object or array.
    static func isJSONDocument(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil
    }

    /// Whether `bytes` parse as one JSON object.
    static func isJSONObject(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) is [String: Any]
    }
}
