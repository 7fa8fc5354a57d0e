import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decodes a request body defensively, turning every problem into a ``ProfileDomain/ProfileError`` whose field
/// errors name the JSON path.
///
/// Before `JSONDecoder` sees the body it is checked for: size over ``maximumBytes`` (413
/// `payload_too_large`, `too_large` at `body`), invalid UTF-8 (`invalid_characters`), nesting
/// deeper than ``maximumDepth`` (`too_deep`), a key sent twice in one object, compared by its
/// exact scalars (`duplicate_key`; `JSONDecoder` would silently keep one), two keys that differ
/// only in Unicode form (`equivalent_key`: a decoded dictionary would merge them), a number a
/// double cannot hold (`out_of_range`), unpaired surrogate escapes and any other syntax error
/// (`malformed`). A leading UTF-8 byte-order mark is skipped, and every other valid JSON number
/// decodes (Foundation's refusal of forms such as `0e1` is worked around). Decoding errors then
/// map to `wrong_type` (a number where a string belongs, or `null` where a value is needed),
/// `required` (a missing key) and `invalid_format` (a value the type refuses). All of these are
/// 400 `malformed_request`.
public struct RequestBodyDecoder: Sendable {
    /// The largest body accepted, in bytes.
    public var maximumBytes: Int
    /// The deepest nesting of objects and arrays accepted; the top-level object is depth 1.
    public var maximumDepth: Int

    /// Creates a decoder; 1 MiB and 32 levels by default.
    public init(maximumBytes: Int = 1 << 20, maximumDepth: Int = 32) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
    }

    /// Decodes `type` from `bytes`, or throws a ``ProfileDomain/ProfileError`` naming what is wrong and where.
    ///
    /// Each spec's request type, `ProfilePatch` and `JSONValue` are read in one pass over the
    /// bytes, straight into the value (Docs/performance.md, "The one-pass decoder"); any other
    /// type goes through the syntax check and Foundation's `JSONDecoder`. Both answer every body
    /// the same way, errors included.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws(ProfileError) -> T {
        try checkSize(of: bytes)
        if let readable = T.self as? any JSONBodyDecodable.Type,
            let value = try readInOnePass(readable, from: bytes) as? T
        {
            return value
        }
        return try decodeWithFoundation(type, from: bytes)
    }

    /// Decodes a type known to read itself in one pass, as ``decode(_:from:)`` does, without asking
    /// the runtime whether it can: what ProfileHTTP's handlers call.
    package func decode<T: Decodable & JSONBodyDecodable>(
        _ type: T.Type, from bytes: some Collection<UInt8>
    ) throws(ProfileError) -> T {
        try readInOnePass(T.self, from: bytes)
    }

    private func checkSize(of bytes: some Collection<UInt8>) throws(ProfileError) {
        let count = bytes.count
        guard count <= maximumBytes else {
            let message = "body is \(count) bytes; the limit is \(maximumBytes)"
            throw ProfileError(
                code: .payloadTooLarge, message: message,
                fieldErrors: [FieldError(field: "body", code: .tooLarge, message: message, limit: maximumBytes)])
        }
    }

    /// The one-pass path: the body's own storage when it is an array (no copy), else a copy.
    func readInOnePass<Body: JSONBodyDecodable>(
        _ type: Body.Type, from bytes: some Collection<UInt8>
    ) throws(ProfileError) -> Body {
        try checkSize(of: bytes)
        // No `withContiguousStorageIfAvailable`: its optional result would instantiate generic
        // metadata on every call, which costs more than the rest of a small body's decoding.
        let array = bytes as? [UInt8] ?? Array(bytes)
        return try array.withUnsafeBufferPointer { (buffer) throws(ProfileError) -> Body in
            try JSONBodyReader.read(buffer, maximumDepth: maximumDepth) { reader throws(ProfileError) in
                try Body.read(from: &reader)
            }
        }
    }

    /// The two-step path: the syntax check, then Foundation's `JSONDecoder`. Every type that is
    /// not ``JSONBodyDecodable`` takes it; the differential tests use it as the reference.
    func decodeWithFoundation<T: Decodable>(
        _ type: T.Type, from bytes: some Collection<UInt8>
    ) throws(ProfileError)
        -> T
    {
        try checkSize(of: bytes)
        let array: [UInt8]
        do {
            array = try JSONScanner.check(Array(bytes), maximumDepth: maximumDepth)
        } catch {
            throw error.profileError
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(array))
        } catch let error as DecodingError {
            let fieldError = Self.fieldError(for: error)
            throw ProfileError.malformed(fieldError.message, fieldErrors: [fieldError])
        } catch {
            throw ProfileError.malformed(
                "body could not be decoded",
                fieldErrors: [FieldError(field: "body", code: .malformed, message: "body could not be decoded")])
        }
    }

    /// `path must be a string` (`, not null` when it is `null`).
    static func wrongType(at path: String, expected kind: String, isNull: Bool = false) -> FieldError {
        FieldError(field: path, code: .wrongType, message: "\(path) must be \(kind)" + (isNull ? ", not null" : ""))
    }

    /// `path is required`.
    static func missing(at path: String) -> FieldError {
        FieldError(field: path, code: .required, message: "\(path) is required")
    }

    /// The field error for a decoding error, with its JSON path.
    static func fieldError(for error: DecodingError) -> FieldError {
        switch error {
        case .typeMismatch(let type, let context):
            return wrongType(at: JSONPath(codingPath: context.codingPath).description, expected: jsonKind(of: type))
        case .valueNotFound(let type, let context):
            return wrongType(
                at: JSONPath(codingPath: context.codingPath).description, expected: jsonKind(of: type), isNull: true)
        case .keyNotFound(let key, let context):
            return missing(at: JSONPath(codingPath: context.codingPath + [key]).description)
        case .dataCorrupted(let context):
            let path = JSONPath(codingPath: context.codingPath).description
            if context.codingPath.isEmpty {
                return FieldError(field: path, code: .malformed, message: "body is not valid JSON")
            }
            return FieldError(
                field: path, code: .invalidFormat, message: "\(path) is not valid: \(context.debugDescription)")
        @unknown default:
            return FieldError(field: "body", code: .malformed, message: "body could not be decoded")
        }
    }

    private static func jsonKind(of type: Any.Type) -> String {
        if type == String.self || type == Substring.self { return "a string" }
        if type == Bool.self { return "a boolean" }
        if type is any BinaryInteger.Type || type is any BinaryFloatingPoint.Type { return "a number" }
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") && !name.contains(":") { return "an array" }
        return "an object"
    }
}
