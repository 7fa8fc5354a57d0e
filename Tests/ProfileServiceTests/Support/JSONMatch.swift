import Foundation

/// JSON equality where the expected string `"<any>"` matches any value.
enum JSONMatch {
    static func matches(_ actual: Any, _ expected: Any) -> Bool {
        if let wildcard = expected as? String, wildcard == "<any>" { return true }
        switch (actual, expected) {
        case (let actual as [String: Any], let expected as [String: Any]):
            return Set(actual.keys) == Set(expected.keys)
                && expected.allSatisfy { key, value in actual[key].map { matches($0, value) } ?? false }
        case (let actual as [Any], let expected as [Any]):
            return actual.count == expected.count && zip(actual, expected).allSatisfy { matches($0, $1) }
        case (is NSNull, is NSNull):
            return true
        default:
            return (actual as? NSObject) == (expected as? NSObject)
        }
    }
}
