#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// An object key as ``JSONBodyReader`` hands it over: its decoded UTF-8, borrowed from the body
/// when the key holds no escape (or from a buffer the reader owns when it does), so that matching
/// a known key builds no `String` and copying a key retains nothing.
///
/// Valid only while the reader reads (inside ``RequestBodyDecoder/decode(_:from:)``).
package struct JSONKey: BitwiseCopyable {
    /// The key's decoded bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether every byte is ASCII, so that `String` equality is byte equality.
    let isASCII: Bool

    /// The key as a `String`, for a key that is kept or named in an error.
    package var string: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the key is exactly `name` (ASCII names only: then byte equality is `String` equality).
    @inline(__always)
    package static func == (key: JSONKey, name: StaticString) -> Bool {
        guard key.bytes.count == name.utf8CodeUnitCount, let base = key.bytes.baseAddress else {
            return key.bytes.isEmpty && name.utf8CodeUnitCount == 0
        }
        return memcmp(base, name.utf8Start, key.bytes.count) == 0
    }

    /// Whether two keys hold the same bytes.
    @inline(__always)
    func hasSameBytes(as other: JSONKey) -> Bool {
        guard bytes.count == other.bytes.count else { return false }
        guard let mine = bytes.baseAddress, let theirs = other.bytes.baseAddress else { return true }
        return memcmp(mine, theirs, bytes.count) == 0
    }
}
