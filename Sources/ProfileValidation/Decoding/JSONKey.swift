/// An object key as ``JSONBodyReader`` hands it over: its decoded UTF-8, borrowed from the body
/// when the key holds no escape, so that matching a known key builds no `String`.
///
/// Valid only while the body's bytes are (inside ``RequestBodyDecoder/decode(_:from:)``).
package struct JSONKey {
    enum Storage {
        /// The key's bytes in the body: it holds no escape.
        case borrowed(UnsafeBufferPointer<UInt8>)
        /// The key with its escapes decoded.
        case decoded([UInt8])
    }

    let storage: Storage
    /// Whether every byte is ASCII, so that `String` equality is byte equality.
    let isASCII: Bool

    @inline(__always)
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .borrowed(let bytes): body(bytes)
        case .decoded(let bytes): bytes.withUnsafeBufferPointer(body)
        }
    }

    /// The key as a `String`, for a key that is kept or named in an error.
    package var string: String {
        withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The key's decoded bytes.
    var bytes: [UInt8] {
        withBytes { Array($0) }
    }

    /// Whether the key is exactly `name` (ASCII names only: then byte equality is `String` equality).
    @inline(__always)
    package static func == (key: JSONKey, name: StaticString) -> Bool {
        key.withBytes { bytes in
            name.withUTF8Buffer { expected in
                guard bytes.count == expected.count else { return false }
                for offset in 0..<bytes.count where bytes[offset] != expected[offset] { return false }
                return true
            }
        }
    }

    /// Whether two keys hold the same bytes.
    func hasSameBytes(as other: JSONKey) -> Bool {
        withBytes { mine in other.withBytes { theirs in mine.elementsEqual(theirs) } }
    }
}
