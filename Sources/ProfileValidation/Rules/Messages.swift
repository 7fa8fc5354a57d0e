import ProfileDomain

/// The sentences of field errors, in one place so that every message reads alike:
/// "bio is 512 characters; the limit is 500".
enum Messages {
    static func tooLong(_ path: String, count: Int, limit: Int, unit: String) -> FieldError {
        FieldError(
            field: path, code: .tooLong, message: sized(path, count: count, unit: unit, "; the limit is ", limit),
            limit: limit)
    }

    static func tooShort(_ path: String, count: Int, limit: Int, unit: String) -> FieldError {
        FieldError(
            field: path, code: .tooShort, message: sized(path, count: count, unit: unit, "; the minimum is ", limit),
            limit: limit)
    }

    /// `path is count unit; the limit is limit`, written once into one buffer.
    private static func sized(_ path: String, count: Int, unit: String, _ bound: String, _ limit: Int) -> String {
        var message = MessageWriter(capacity: path.utf8.count + unit.utf8.count + 64)
        message.write(path)
        message.write(" is ")
        message.write(count)
        message.write(" ")
        message.write(unit)
        message.write(bound)
        message.write(limit)
        return message.text
    }

    static func required(_ path: String, _ detail: String = "") -> FieldError {
        var message = MessageWriter(capacity: path.utf8.count + detail.utf8.count + 12)
        message.write(path)
        message.write(" is required")
        message.write(detail)
        return FieldError(field: path, code: .required, message: message.text)
    }

    static func notUpdatable(_ path: String, _ hint: String) -> FieldError {
        var message = MessageWriter(capacity: path.utf8.count + hint.utf8.count + 40)
        message.write(path)
        message.write(" cannot be changed by this request; ")
        message.write(hint)
        return FieldError(field: path, code: .notUpdatableHere, message: message.text)
    }

    /// `path reason`, written once into one buffer.
    static func joined(_ path: String, _ reason: String) -> String {
        var message = MessageWriter(capacity: path.utf8.count + reason.utf8.count + 1)
        message.write(path)
        message.write(" ")
        message.write(reason)
        return message.text
    }

    /// `root.key`, written once into one buffer.
    static func member(_ key: String, of root: String) -> String {
        var path = MessageWriter(capacity: root.utf8.count + key.utf8.count + 1)
        path.write(root)
        path.write(".")
        path.write(key)
        return path.text
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
