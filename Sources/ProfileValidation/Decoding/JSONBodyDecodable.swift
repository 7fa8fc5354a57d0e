import ProfileDomain

/// A body type ``RequestBodyDecoder`` reads in one pass over the bytes with ``JSONBodyReader``
/// instead of going through Foundation's `JSONDecoder`.
///
/// `read(from:)` must produce what `init(from:)` produces for every body: the same value, and the
/// same first decoding error (noted on the reader with the rank `init(from:)` would meet it in).
/// The differential tests hold each conforming type to that.
package protocol JSONBodyDecodable {
    /// Reads the top-level value at the reader's position.
    static func read(from reader: inout JSONBodyReader) throws(ProfileError) -> Self
}

extension JSONValue: JSONBodyDecodable {
    package static func read(from reader: inout JSONBodyReader) throws(ProfileError) -> JSONValue {
        try reader.readJSONValue()
    }
}
