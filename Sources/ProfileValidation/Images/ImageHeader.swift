/// Reads an image's format and pixel dimensions and checks that the file is complete, walking its
/// structure (segments, chunks, blocks) without decoding a pixel.
///
/// Each reader checks that every byte it needs is there and walks at most the bytes it is given
/// (the caller caps them at ``ImageUploadRule/maximumBytes``) and at most ``maximumParts``
/// segments, chunks or blocks; a file that ends early is ``Failure/truncated``, an inconsistent
/// one ``Failure/malformed``, never an out-of-bounds read.
enum ImageHeader {
    /// What was read: the format and the pixel size.
    typealias Header = (format: ImageFormat, width: Int, height: Int)

    enum Failure: Error, Equatable {
        /// No known magic bytes, or bytes that only start like an image (`BM` then text).
        case unknownFormat
        /// A kind of file of a known format that the library does not read (a compressed bitmap).
        case unsupportedVariant(ImageFormat, String)
        /// Known magic bytes, but the file ends before its structure does.
        case truncated(ImageFormat)
        /// Known magic bytes, but the structure is inconsistent (zero size, bad chunk, bad CRC).
        case malformed(ImageFormat, String)
    }

    /// The most segments, chunks or blocks walked in one file: a real image has a few dozen, and a
    /// file of millions of empty ones costs a walk no longer than this.
    static let maximumParts = 100_000

    static func read(_ bytes: [UInt8]) -> Result<Header, Failure> {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(bytes) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(bytes) }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return gif(bytes) }
        if bytes.count >= 12 && bytes.starts(with: Array("RIFF".utf8)) && Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return webp(bytes)
        }
        if bytes.starts(with: Array("BM".utf8)) { return bmp(bytes) }
        return .failure(.unknownFormat)
    }

    static func sized(_ format: ImageFormat, width: Int, height: Int) -> Result<Header, Failure> {
        guard width > 0, height > 0 else { return .failure(.malformed(format, "a dimension is zero")) }
        return .success((format, width, height))
    }

    static func bigEndian16(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
    }

    static func bigEndian32(_ bytes: [UInt8], _ offset: Int) -> Int {
        bigEndian16(bytes, offset) << 16 | bigEndian16(bytes, offset + 2)
    }

    static func littleEndian16(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    static func littleEndian24(_ bytes: [UInt8], _ offset: Int) -> Int {
        littleEndian16(bytes, offset) | Int(bytes[offset + 2]) << 16
    }

    static func littleEndian32(_ bytes: [UInt8], _ offset: Int) -> Int {
        littleEndian16(bytes, offset) | littleEndian16(bytes, offset + 2) << 16
    }
}
