extension ImageHeader {
    /// A GIF: the logical screen (its size), the global colour table, then image descriptors and
    /// extensions with their data sub-blocks, up to the trailer (`;`), with at least one image.
    static func gif(_ bytes: [UInt8]) -> Result<Header, Failure> {
        let count = bytes.count
        guard count >= 13 else { return .failure(.truncated(.gif)) }
        var index = 13 + colorTableLength(bytes[10])
        var images = 0
        for _ in 0..<maximumParts {
            guard index < count else { return .failure(.truncated(.gif)) }
            switch bytes[index] {
            case 0x2C:
                guard index + 11 <= count else { return .failure(.truncated(.gif)) }
                // A frame beyond the logical screen would make a decoder enlarge the image past
                // the size the caps were checked against.
                let frameWidth = littleEndian16(bytes, index + 5)
                let frameHeight = littleEndian16(bytes, index + 7)
                guard frameWidth > 0, frameHeight > 0 else { return .failure(.malformed(.gif, "a frame is empty")) }
                guard littleEndian16(bytes, index + 1) + frameWidth <= littleEndian16(bytes, 6),
                    littleEndian16(bytes, index + 3) + frameHeight <= littleEndian16(bytes, 8)
                else { return .failure(.malformed(.gif, "a frame lies outside the logical screen")) }
                // After the descriptor and its local colour table: the LZW minimum code size.
                index += 10 + colorTableLength(bytes[index + 9])
                guard index < count else { return .failure(.truncated(.gif)) }
                guard (2...8).contains(bytes[index]) else {
                    return .failure(.malformed(.gif, "the LZW code size is not 2 to 8"))
                }
                index += 1
                images += 1
            case 0x21:
                index += 2
            case 0x3B:
                guard images > 0 else { return .failure(.malformed(.gif, "it holds no image")) }
                return sized(.gif, width: littleEndian16(bytes, 6), height: littleEndian16(bytes, 8))
            default:
                return .failure(.malformed(.gif, "a block is neither an image, an extension nor the trailer"))
            }
            guard let end = gifSubBlocksEnd(bytes, from: index) else { return .failure(.truncated(.gif)) }
            index = end
        }
        return .failure(.malformed(.gif, "it has more than \(maximumParts) blocks"))
    }

    /// Where the data sub-blocks starting at `start` end (after the zero length that closes
    /// them), or `nil` when the file ends first. Each is a length byte and that many bytes.
    static func gifSubBlocksEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let length = Int(bytes[index])
            index += 1 + length
            if length == 0 { return index }
        }
        return nil
    }

    static func colorTableLength(_ flags: UInt8) -> Int {
        flags & 0x80 == 0 ? 0 : 3 << (Int(flags & 0x07) + 1)
    }

    /// A WebP: a RIFF container whose size is the file's, chunks walked by their (even-padded)
    /// sizes to its end; a lossy (`VP8 `) or lossless (`VP8L`) image alone, or an extended file
    /// (`VP8X`, the canvas size) holding an image or animation frames.
    static func webp(_ bytes: [UInt8]) -> Result<Header, Failure> {
        let count = bytes.count
        let end = 8 + littleEndian32(bytes, 4)
        guard end <= count else { return .failure(.truncated(.webp)) }
        guard end == count else { return .failure(.malformed(.webp, "bytes follow the RIFF container")) }
        var index = 12
        var size: (width: Int, height: Int)?
        var isExtended = false
        var sawAnimation = false
        var sawImage = false
        var chunks = 0
        while index < end {
            chunks += 1
            guard chunks <= maximumParts else {
                return .failure(.malformed(.webp, "it has more than \(maximumParts) chunks"))
            }
            guard index + 8 <= end else { return .failure(.truncated(.webp)) }
            let fourCC = String(decoding: bytes[index..<(index + 4)], as: UTF8.self)
            let length = littleEndian32(bytes, index + 4)
            let payload = index + 8
            guard payload + length <= end else { return .failure(.truncated(.webp)) }
            if size == nil {
                switch webpFirstChunk(bytes, fourCC, payload, length) {
                case .failure(let failure): return .failure(failure)
                case .success(let found): size = found
                }
                isExtended = fourCC == "VP8X"
                sawImage = !isExtended
            } else {
                guard isExtended else { return .failure(.malformed(.webp, "a simple WebP holds more than its image")) }
                if fourCC == "VP8 " || fourCC == "VP8L" {
                    // A still image fills the canvas exactly.
                    switch webpFirstChunk(bytes, fourCC, payload, length) {
                    case .failure(let failure): return .failure(failure)
                    case .success(let image):
                        guard let size, image == size else {
                            return .failure(.malformed(.webp, "the image's size is not the canvas's"))
                        }
                    }
                    sawImage = true
                } else if fourCC == "ANIM" {
                    sawAnimation = true
                } else if fourCC == "ANMF" {
                    // A frame: offsets (in two-pixel steps) and size, which must lie on the canvas.
                    guard sawAnimation, length >= 16, let size else {
                        return .failure(.malformed(.webp, "an animation frame comes without its animation header"))
                    }
                    guard 2 * littleEndian24(bytes, payload) + littleEndian24(bytes, payload + 6) + 1 <= size.width,
                        2 * littleEndian24(bytes, payload + 3) + littleEndian24(bytes, payload + 9) + 1 <= size.height
                    else { return .failure(.malformed(.webp, "an animation frame lies outside the canvas")) }
                    sawImage = true
                }
            }
            index = payload + length + (length & 1)
        }
        guard index == end, let size else { return .failure(.truncated(.webp)) }
        guard sawImage else { return .failure(.malformed(.webp, "it holds no image")) }
        // The VP8X flags: the reserved bits are zero, and the animation flag says whether the
        // frames are in ANIM/ANMF chunks.
        guard !isExtended || (bytes[20] & 0xC1 == 0 && (bytes[20] & 0x02 != 0) == sawAnimation) else {
            return .failure(.malformed(.webp, "the extended header's flags do not match the chunks"))
        }
        return sized(.webp, width: size.width, height: size.height)
    }

    private static func webpFirstChunk(
        _ bytes: [UInt8], _ fourCC: String, _ payload: Int, _ length: Int
    ) -> Result<(width: Int, height: Int), Failure> {
        switch fourCC {
        case "VP8 ":
            guard length >= 10 else { return .failure(.truncated(.webp)) }
            // The frame tag: a key frame, version 0-3, shown, and a first partition that fits.
            let tag = littleEndian24(bytes, payload)
            guard tag & 1 == 0, tag >> 1 & 7 <= 3, tag >> 4 & 1 == 1, tag >> 5 <= length - 10,
                bytes[payload + 3] == 0x9D, bytes[payload + 4] == 0x01, bytes[payload + 5] == 0x2A
            else { return .failure(.malformed(.webp, "the VP8 key frame header is not one")) }
            return .success(
                (littleEndian16(bytes, payload + 6) & 0x3FFF, littleEndian16(bytes, payload + 8) & 0x3FFF))
        case "VP8L":
            guard length >= 5 else { return .failure(.truncated(.webp)) }
            let bits = littleEndian32(bytes, payload + 1)
            guard bytes[payload] == 0x2F, bits >> 29 == 0 else {
                return .failure(.malformed(.webp, "the VP8L signature is missing"))
            }
            return .success(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        case "VP8X":
            guard length >= 10 else { return .failure(.truncated(.webp)) }
            return .success((littleEndian24(bytes, payload + 4) + 1, littleEndian24(bytes, payload + 7) + 1))
        default:
            return .failure(.malformed(.webp, "the first chunk is not VP8, VP8L or VP8X"))
        }
    }

    /// A Windows bitmap: a file header, an info header of a known size (else the file only starts
    /// with `BM`, like a text may: ``Failure/unknownFormat``), one plane, a bit depth of 1 to 32,
    /// and, uncompressed, every row of pixels present after the data offset.
    static func bmp(_ bytes: [UInt8]) -> Result<Header, Failure> {
        let count = bytes.count
        guard count >= 18 else { return .failure(.unknownFormat) }
        let headerSize = littleEndian32(bytes, 14)
        guard [12, 40, 52, 56, 64, 108, 124].contains(headerSize) else { return .failure(.unknownFormat) }
        guard count >= 14 + headerSize else { return .failure(.truncated(.bmp)) }
        let isCore = headerSize == 12
        let width = isCore ? littleEndian16(bytes, 18) : Int(Int32(truncatingIfNeeded: littleEndian32(bytes, 18)))
        // Heights are signed: a negative height is a top-down bitmap of the same size.
        let height = isCore ? littleEndian16(bytes, 20) : Int(Int32(truncatingIfNeeded: littleEndian32(bytes, 22)))
        let planes = littleEndian16(bytes, isCore ? 22 : 26)
        let depth = littleEndian16(bytes, isCore ? 24 : 28)
        guard planes == 1, [1, 4, 8, 16, 24, 32].contains(depth) else { return .failure(.unknownFormat) }
        let compression = isCore ? 0 : littleEndian32(bytes, 30)
        // Uncompressed (0) or bit-field (3) pixels only: the size of compressed data cannot be
        // checked without decoding it.
        guard compression == 0 || compression == 3 else {
            return .failure(.unsupportedVariant(.bmp, "a compressed bitmap"))
        }
        guard width > 0, height != 0, height != Int(Int32.min) else {
            return .failure(.malformed(.bmp, "a dimension is zero or negative"))
        }
        // A palette (1 to 8 bits a pixel) of at most 2^depth colours lies between the headers and
        // the pixels (four bytes a colour, three in the old core header).
        let colors = depth > 8 ? 0 : (isCore || littleEndian32(bytes, 46) == 0 ? 1 << depth : littleEndian32(bytes, 46))
        guard colors <= 1 << depth else { return .failure(.malformed(.bmp, "the palette has too many colours")) }
        let offset = littleEndian32(bytes, 10)
        guard offset >= 14 + headerSize + colors * (isCore ? 3 : 4) else {
            return .failure(.malformed(.bmp, "the pixels start inside the header or palette"))
        }
        let rowBytes = (depth * width + 31) / 32 * 4
        let (pixelBytes, overflow) = rowBytes.multipliedReportingOverflow(by: abs(height))
        guard offset <= count, !overflow, pixelBytes <= count - offset else { return .failure(.truncated(.bmp)) }
        return sized(.bmp, width: width, height: abs(height))
    }
}
