/// A PNG without its metadata: the chunks from IHDR to IEND, ancillary chunks kept only when they
/// take part in displaying the image (``ImageMetadataStripper``), `eXIf` rewritten to hold only
/// the orientation.
enum PNGMetadataStripper {
    /// Ancillary chunks that change how the pixels look or animate. Critical chunks (an upper-case
    /// first letter) are always kept: a decoder cannot show the image without them.
    private static let keptAncillary: Set<[UInt8]> = Set(
        [
            "tRNS", "iCCP", "sRGB", "gAMA", "cHRM", "cICP", "mDCV", "cLLI", "mDCv", "cLLi", "sBIT", "bKGD", "hIST",
            "pHYs", "sPLT", "acTL", "fcTL", "fdAT",
        ].map { Array($0.utf8) })
    private static let exif: [UInt8] = Array("eXIf".utf8)
    private static let end: [UInt8] = Array("IEND".utf8)

    static func strip(_ bytes: [UInt8]) -> Result<[UInt8], ImageHeader.Failure> {
        let count = bytes.count
        guard count >= 8 else { return .failure(.truncated(.png)) }
        var output = Array(bytes[0..<8])
        output.reserveCapacity(count)
        var index = 8
        var sawExif = false
        for _ in 0..<ImageHeader.maximumParts {
            guard index + 8 <= count else { return .failure(.truncated(.png)) }
            let length = ImageHeader.bigEndian32(bytes, index)
            guard length <= 0x7FFF_FFFF else { return .failure(.malformed(.png, "a chunk length is over 2^31 - 1")) }
            let chunkEnd = index + 12 + length
            guard chunkEnd <= count else { return .failure(.truncated(.png)) }
            let type = Array(bytes[(index + 4)..<(index + 8)])
            if type == exif {
                defer { sawExif = true }
                if !sawExif, let orientation = ExifOrientation.read(bytes[(index + 8)..<(chunkEnd - 4)]) {
                    output += chunk(exif, ExifOrientation.minimalTIFF(orientation))
                }
            } else if type[0] & 0x20 == 0 || keptAncillary.contains(type) {
                output += bytes[index..<chunkEnd]
            }
            index = chunkEnd
            // Whatever follows IEND is not this image.
            if type == end { return .success(output) }
        }
        return .failure(.malformed(.png, "it has more than \(ImageHeader.maximumParts) chunks"))
    }

    private static func chunk(_ type: [UInt8], _ data: [UInt8]) -> [UInt8] {
        let body = type + data
        return bigEndian32(data.count) + body + bigEndian32(Int(PNGChecksum.of(body[...])))
    }

    private static func bigEndian32(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
