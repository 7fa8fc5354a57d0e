import ProfileDomain

/// The sentences of field errors, in one place so that every message reads alike:
/// "bio is 512 characters; the limit is 500".
enum Messages {
    static func tooLong(_ path: String, count: Int, limit: Int, unit: String) -> FieldError {
        FieldError(
            field: path, code: .tooLong, message: "\(path) is \(count) \(unit); the limit is \(limit)", limit: limit)
    }

    static func tooShort(_ path: String, count: Int, limit: Int, unit: String) -> FieldError {
        FieldError(
            field: path, code: .tooShort, message: "\(path) is \(count) \(unit); the minimum is \(limit)", limit: limit)
    }

    static func required(_ path: String, _ detail: String = "") -> FieldError {
        FieldError(field: path, code: .required, message: "\(path) is required" + detail)
    }

    static func notUpdatable(_ path: String, _ hint: String) -> FieldError {
        FieldError(field: path, code: .notUpdatableHere, message: "\(path) cannot be changed by this request; \(hint)")
    }

    /// `U+202E`: a code point as Unicode charts write it.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A key from a request, made safe to put in a path or message (one home, in the domain).
    static func displayKey(_ key: String) -> String { FieldError.displayKey(key) }

    /// `a, b or c` (one home, in the domain).
    static func list(_ items: [String]) -> String { FieldError.alternatives(items) }
}
