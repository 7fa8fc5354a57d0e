/// Reads an image's format and pixel dimensions from its first bytes, never decoding pixels.
///
/// Each reader checks that every byte it needs is there; a short or inconsistent header is a
/// ``Failure/truncated`` or ``Failure/malformed``, never an out-of-bounds read.
enum ImageHeader {
    enum Failure: Error, Equatable {
        /// No known magic bytes.
        case unknownFormat
        /// Known magic bytes, but the header ends before the dimensions.
        case truncated(ImageFormat)
        /// Known magic bytes, but the header is inconsistent (zero size, bad chunk).
        case malformed(ImageFormat, String)
    }

    static func read(_ bytes: [UInt8]) -> Result<(format: ImageFormat, width: Int, height: Int), Failure> {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(bytes) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(bytes) }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return gif(bytes) }
        if bytes.count >= 12 && bytes.starts(with: Array("RIFF".utf8)) && Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return webp(bytes)
        }
        if bytes.starts(with: Array("BM".utf8)) { return bmp(bytes) }
        return .failure(.unknownFormat)
    }

    private static func png(_ bytes: [UInt8]) -> Result<(format: ImageFormat, width: Int, height: Int), Failure> {
        guard bytes.count >= 24 else { return .failure(.truncated(.png)) }
        guard Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return .failure(.malformed(.png, "the first chunk is not IHDR"))
        }
        return sized(.png, width: bigEndian32(bytes, 16), height: bigEndian32(bytes, 20))
    }

    private static func gif(_ bytes: [UInt8]) -> Result<(format: ImageFormat, width: Int, height: Int), Failure> {
        guard bytes.count >= 10 else { return .failure(.truncated(.gif)) }
        return sized(.gif, width: littleEndian16(bytes, 6), height: littleEndian16(bytes, 8))
    }

    private static func bmp(_ bytes: [UInt8]) -> Result<(format: ImageFormat, width: Int, height: Int), Failure> {
        guard bytes.count >= 26 else { return .failure(.truncated(.bmp)) }
        let headerSize = littleEndian32(bytes, 14)
        if headerSize == 12 {
            return sized(.bmp, width: littleEndian16(bytes, 18), height: littleEndian16(bytes, 20))
        }
        guard headerSize >= 40 else { return .failure(.malformed(.bmp, "the DIB header is too small")) }
        // Heights are signed: a negative height is a top-down bitmap of the same size.
        let width = Int(Int32(bitPattern: UInt32(littleEndian32(bytes, 18))))
        let height = Int(Int32(bitPattern: UInt32(littleEndian32(bytes, 22))))
        guard width > 0, height != Int(Int32.min) else {
            return .failure(.malformed(.bmp, "the width is not positive"))
        }
        return sized(.bmp, width: width, height: abs(height))
    }

    private static func webp(_ bytes: [UInt8]) -> Result<(format: ImageFormat, width: Int, height: Int), Failure> {
        guard bytes.count >= 30 else { return .failure(.truncated(.webp)) }
        let chunk = String(decoding: bytes[12..<16], as: UTF8.self)
        switch chunk {
        case "VP8 ":
            guard bytes[23] == 0x9D, bytes[24] == 0x01, bytes[25] == 0x2A else {
                return .failure(.malformed(.webp, "the VP8 start code is missing"))
            }
            return sized(.webp, width: littleEndian16(bytes, 26) & 0x3FFF, height: littleEndian16(bytes, 28) & 0x3FFF)
        case "VP8L":
            guard bytes[20] == 0x2F else { return .failure(.malformed(.webp, "the VP8L signature is missing")) }
            let bits = littleEndian32(bytes, 21)
            return sized(.webp, width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return sized(.webp, width: littleEndian24(bytes, 24) + 1, height: littleEndian24(bytes, 27) + 1)
        default:
            return .failure(.malformed(.webp, "the first chunk is not VP8, VP8L or VP8X"))
        }
    }

    private static func jpeg(_ bytes: [UInt8]) -> Result<(format: ImageFormat, width: Int, height: Int), Failure> {
        var index = 2
        while index < bytes.count {
            guard bytes[index] == 0xFF else { return .failure(.malformed(.jpeg, "a segment does not start with FF")) }
            // Fill bytes: any number of FF may precede a marker.
            while index < bytes.count && bytes[index] == 0xFF { index += 1 }
            guard index < bytes.count else { break }
            let marker = bytes[index]
            index += 1
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }
            if marker == 0xD9 || marker == 0xDA {
                return .failure(.malformed(.jpeg, "the image data starts before any frame header"))
            }
            guard index + 2 <= bytes.count else { break }
            let length = bigEndian16(bytes, index)
            guard length >= 2 else { return .failure(.malformed(.jpeg, "a segment length is below 2")) }
            let isFrameHeader = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isFrameHeader {
                guard index + 7 <= bytes.count else { break }
                return sized(.jpeg, width: bigEndian16(bytes, index + 5), height: bigEndian16(bytes, index + 3))
            }
            index += length
        }
        return .failure(.truncated(.jpeg))
    }

    private static func sized(
        _ format: ImageFormat, width: Int, height: Int
    )
        -> Result<(format: ImageFormat, width: Int, height: Int), Failure>
    {
        guard width > 0, height > 0 else { return .failure(.malformed(format, "a dimension is zero")) }
        return .success((format, width, height))
    }

    private static func bigEndian16(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
    }

    private static func bigEndian32(_ bytes: [UInt8], _ offset: Int) -> Int {
        bigEndian16(bytes, offset) << 16 | bigEndian16(bytes, offset + 2)
    }

    private static func littleEndian16(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    private static func littleEndian24(_ bytes: [UInt8], _ offset: Int) -> Int {
        littleEndian16(bytes, offset) | Int(bytes[offset + 2]) << 16
    }

    private static func littleEndian32(_ bytes: [UInt8], _ offset: Int) -> Int {
        littleEndian16(bytes, offset) | littleEndian16(bytes, offset + 2) << 16
    }
}
