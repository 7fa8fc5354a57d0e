/// A WebP without its metadata: an extended file's (`VP8X`) chunks filtered
/// (``ImageMetadataStripper``), `EXIF` rewritten to hold only the orientation, the `VP8X` flags
/// and the RIFF size made to match. A simple file (`VP8 ` or `VP8L` alone) holds no metadata.
enum WebPMetadataStripper {
    private static let kept: Set<[UInt8]> = Set(
        ["VP8X", "ICCP", "ANIM", "ANMF", "ALPH", "VP8 ", "VP8L"].map { Array($0.utf8) })
    private static let exif: [UInt8] = Array("EXIF".utf8)
    private static let extended: [UInt8] = Array("VP8X".utf8)
    /// The `VP8X` flag bits that say an `EXIF` or an `XMP ` chunk is present.
    private static let exifFlag: UInt8 = 0x08
    private static let xmpFlag: UInt8 = 0x04

    static func strip(_ bytes: [UInt8]) -> Result<[UInt8], ImageHeader.Failure> {
        let count = bytes.count
        guard count >= 20 else { return .failure(.truncated(.webp)) }
        let end = 8 + ImageHeader.littleEndian32(bytes, 4)
        guard end <= count else { return .failure(.truncated(.webp)) }
        guard Array(bytes[12..<16]) == extended else { return .success(Array(bytes[0..<end])) }
        var chunks: [UInt8] = []
        chunks.reserveCapacity(end)
        var index = 12
        var sawExif = false
        var wroteExif = false
        for _ in 0..<ImageHeader.maximumParts {
            guard index < end else { break }
            guard index + 8 <= end else { return .failure(.truncated(.webp)) }
            let fourCC = Array(bytes[index..<(index + 4)])
            let length = ImageHeader.littleEndian32(bytes, index + 4)
            let payload = index + 8
            let next = payload + length + (length & 1)
            guard next <= end else { return .failure(.truncated(.webp)) }
            if fourCC == exif {
                let block = bytes[payload..<(payload + length)]
                if !sawExif, let orientation = ExifOrientation.read(block) {
                    // Keep the writer's convention: some put the `Exif\0\0` prefix in the chunk.
                    let prefix = block.starts(with: ExifOrientation.exifPrefix) ? ExifOrientation.exifPrefix : []
                    let minimal = prefix + ExifOrientation.minimalTIFF(orientation)
                    chunks += exif + littleEndian32(minimal.count) + minimal
                    wroteExif = true
                }
                sawExif = true
            } else if kept.contains(fourCC) {
                chunks += bytes[index..<next]
            }
            index = next
        }
        guard index >= end else {
            return .failure(.malformed(.webp, "it has more than \(ImageHeader.maximumParts) chunks"))
        }
        // The first chunk is the VP8X one (checked above), always kept: its header and 10 bytes.
        guard chunks.count >= 18 else { return .failure(.truncated(.webp)) }
        // The flags byte follows the VP8X chunk header.
        chunks[8] = chunks[8] & ~(exifFlag | xmpFlag) | (wroteExif ? exifFlag : 0)
        return .success(Array("RIFF".utf8) + littleEndian32(chunks.count + 4) + Array("WEBP".utf8) + chunks)
    }

    private static func littleEndian32(_ value: Int) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24 & 0xFF)]
    }
}
