/// The profile version carried by `ETag` and `If-Match` headers: `"v3"`.
///
/// Strong tags (`"v3"`) and weak ones (`W/"v3"`) name the same version; a list (`"v2", "v3"`)
/// is not supported and, like any other header that names no version, fails the precondition.
public enum EntityTag {
    /// The header value for `version`, quoted as RFC 9110 requires.
    public static func header(for version: Int) -> String { "\"v\(version)\"" }

    /// The version an `If-Match` header names, `nil` for `*` (any version matches), or
    /// `.failure` when the header names no version (the request then fails with 412).
    public static func expectedVersion(fromIfMatch header: String?) -> Result<Int?, Mismatch> {
        guard var value = header?.trimmingSpaces, !value.isEmpty, value != "*" else { return .success(nil) }
        if value.hasPrefix("W/") { value.removeFirst(2) }
        guard value.count >= 4, value.first == "\"", value.last == "\"" else { return .failure(Mismatch()) }
        let inner = value.dropFirst().dropLast()
        guard inner.first == "v", let version = Int(inner.dropFirst()), version >= 0 else {
            return .failure(Mismatch())
        }
        return .success(version)
    }

    /// An `If-Match` header that names no version this library issued.
    public struct Mismatch: Error, Sendable, Hashable {}
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
