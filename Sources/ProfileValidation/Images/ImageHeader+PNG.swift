extension ImageHeader {
    /// A PNG: chunks walked by their lengths from IHDR (first, for the size) to IEND, each one's
    /// CRC checked, at least one IDAT before the end.
    static func png(_ bytes: [UInt8]) -> Result<Header, Failure> {
        let count = bytes.count
        var index = 8
        var size: (width: Int, height: Int)?
        var sawImageData = false
        for _ in 0..<maximumParts {
            guard index + 8 <= count else { return .failure(.truncated(.png)) }
            let length = bigEndian32(bytes, index)
            guard length <= 0x7FFF_FFFF else { return .failure(.malformed(.png, "a chunk length is over 2^31 - 1")) }
            let type = Array(bytes[(index + 4)..<(index + 8)])
            guard type.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }) else {
                return .failure(.malformed(.png, "a chunk type is not four letters"))
            }
            let end = index + 12 + length
            guard end <= count else { return .failure(.truncated(.png)) }
            guard PNGChecksum.of(bytes[(index + 4)..<(end - 4)]) == UInt32(bigEndian32(bytes, end - 4)) else {
                return .failure(
                    .malformed(.png, "the CRC of a \(String(decoding: type, as: UTF8.self)) chunk is wrong"))
            }
            if size == nil {
                guard type == Array("IHDR".utf8), length == 13 else {
                    return .failure(.malformed(.png, "the first chunk is not IHDR"))
                }
                size = (bigEndian32(bytes, index + 8), bigEndian32(bytes, index + 12))
            } else if type == Array("IDAT".utf8) {
                sawImageData = true
            } else if type == Array("IEND".utf8) {
                guard let size, sawImageData else { return .failure(.malformed(.png, "it has no IDAT chunk")) }
                return sized(.png, width: size.width, height: size.height)
            }
            index = end
        }
        return .failure(.malformed(.png, "it has more than \(maximumParts) chunks"))
    }
}
