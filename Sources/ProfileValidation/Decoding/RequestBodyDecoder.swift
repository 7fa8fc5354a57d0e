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
    public func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws(ProfileError) -> T {
        let count = bytes.count
        guard count <= maximumBytes else {
            let message = "body is \(count) bytes; the limit is \(maximumBytes)"
            throw ProfileError(
                code: .payloadTooLarge, message: message,
                fieldErrors: [FieldError(field: "body", code: .tooLarge, message: message, limit: maximumBytes)])
        }
        let array: [UInt8]
        do {
            array = try JSONScanner.check(Array(bytes), maximumDepth: maximumDepth)
        } catch {
            throw ProfileError.malformed(
                error.message,
                fieldErrors: [
                    FieldError(field: error.path, code: error.code, message: error.message, limit: error.limit)
                ])
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

    /// The field error for a decoding error, with its JSON path.
    static func fieldError(for error: DecodingError) -> FieldError {
        switch error {
        case .typeMismatch(let type, let context):
            let path = JSONPath(codingPath: context.codingPath).description
            return FieldError(field: path, code: .wrongType, message: "\(path) must be \(jsonKind(of: type))")
        case .valueNotFound(let type, let context):
            let path = JSONPath(codingPath: context.codingPath).description
            return FieldError(
                field: path, code: .wrongType, message: "\(path) must be \(jsonKind(of: type)), not null")
        case .keyNotFound(let key, let context):
            let path = JSONPath(codingPath: context.codingPath + [key]).description
            return FieldError(field: path, code: .required, message: "\(path) is required")
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
