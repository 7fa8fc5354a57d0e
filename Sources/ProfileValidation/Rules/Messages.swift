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
        // Digit by digit into a small string (at most `U+10FFFF`): no radix conversion, no padding
        // string, no concatenation, as an error path of the bytes-to-patch benchmark measures.
        let value = scalar.value
        var text = "U+"
        var shift = max(4, (32 - value.leadingZeroBitCount + 3) / 4) * 4
        while shift > 0 {
            shift -= 4
            let digit = UInt8(truncatingIfNeeded: value >> UInt32(shift)) & 0xF
            text.unicodeScalars.append(Unicode.Scalar(digit < 10 ? 0x30 + digit : 0x37 + digit))
        }
        return text
    }

    /// A key from a request, made safe to put in a path or message (one home, in the domain).
    static func displayKey(_ key: String) -> String { FieldError.displayKey(key) }

    /// `a, b or c` (one home, in the domain).
    static func list(_ items: [String]) -> String { FieldError.alternatives(items) }
}
