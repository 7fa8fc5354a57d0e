import ProfileDomain

/// A body refused before any field is read: bad syntax, invalid UTF-8, nesting too deep, a key
/// sent twice, a number out of a double's range. Both readers (``JSONScanner`` and
/// ``JSONBodyReader``) build these with the same words.
struct JSONSyntaxFailure: Error {
    var code: FieldErrorCode
    var path: String
    var message: String
    var limit: Int?

    /// Bad syntax at `path`; `message` says what and at which byte.
    static func malformed(_ message: String, at path: String) -> JSONSyntaxFailure {
        JSONSyntaxFailure(code: .malformed, path: path, message: "\(path) is not valid JSON: \(message)")
    }

    static func tooDeep(at path: String, maximumDepth: Int) -> JSONSyntaxFailure {
        JSONSyntaxFailure(
            code: .tooDeep, path: path,
            message: "\(path) nests objects and arrays deeper than \(maximumDepth) levels", limit: maximumDepth)
    }

    static func duplicateKey(at path: String) -> JSONSyntaxFailure {
        JSONSyntaxFailure(
            code: .duplicateKey, path: path, message: "\(path) appears twice in one object; send each key once")
    }

    static func equivalentKey(at path: String) -> JSONSyntaxFailure {
        JSONSyntaxFailure(
            code: .equivalentKey, path: path,
            message: "\(path) and another key of the same object differ only in their Unicode form "
                + "(canonically equivalent, such as é written as one code point or as e and an accent); "
                + "send the key once, in one form")
    }

    static func numberTooLarge(at path: String) -> JSONSyntaxFailure {
        JSONSyntaxFailure(
            code: .outOfRange, path: path,
            message: "\(path) is a number beyond ±1.7976931348623157e308, the range of a double; send a smaller number")
    }

    static func numberTooSmall(at path: String) -> JSONSyntaxFailure {
        JSONSyntaxFailure(
            code: .outOfRange, path: path,
            message: "\(path) is a number too close to zero for a double (below 4.9e-324); send 0 or a larger number")
    }

    static func invalidUTF8(at path: String, byte: Int) -> JSONSyntaxFailure {
        JSONSyntaxFailure(
            code: .invalidCharacters, path: path,
            message: "\(path) holds bytes that are not valid UTF-8 at byte \(byte); send UTF-8 text")
    }

    /// The error a request answers with: 400 `malformed_request`, this one field error.
    var profileError: ProfileError {
        ProfileError.malformed(
            message, fieldErrors: [FieldError(field: path, code: code, message: message, limit: limit)])
    }
}
