import ProfileKitTestSupport

/// Small but complete image files of each format, `width` x `height`, built byte by byte: every
/// structure a reader walks is there (PNG chunks with their CRCs to IEND, JPEG segments and a scan
/// to EOI, GIF blocks to the trailer, a RIFF size that is the file's, every bitmap row). The pixel
/// data is not meant to decode; the library never decodes it.
enum ImageFixture {
    static func png(_ width: Int, _ height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + pngChunk("IHDR", be32(width) + be32(height) + [8, 6, 0, 0, 0])
            + pngChunk("IDAT", [0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01]) + pngChunk("IEND", [])
    }

    static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        MetadataImages.pngChunk(type, data)
    }

    static func gif(_ width: Int, _ height: Int) -> [UInt8] {
        Array("GIF89a".utf8) + le16(width) + le16(height) + [0, 0, 0] + gifFrame(width, height) + [0x3B]
    }

    static func gifFrame(_ width: Int, _ height: Int, left: Int = 0, top: Int = 0, codeSize: UInt8 = 2) -> [UInt8] {
        [0x2C] + le16(left) + le16(top) + le16(width) + le16(height) + [0, codeSize, 2, 0x4C, 0x01, 0]
    }

    /// A baseline JPEG; `metadata` bytes of APP2 segments (an ICC profile's place) come first.
    static func jpeg(_ width: Int, _ height: Int, metadata: Int = 0) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8] + segment(0xE0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        var remaining = metadata
        while remaining > 0 {
            let size = min(remaining, 65_000)
            bytes += segment(0xE2, Array("ICC_PROFILE".utf8) + [0] + [UInt8](repeating: 0x5A, count: size))
            remaining -= size
        }
        bytes += segment(0xDB, [0] + [UInt8](repeating: 1, count: 64))
        bytes += segment(0xC0, [8] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 0, 3, 0x11, 0])
        bytes += segment(0xC4, [0, 1] + [UInt8](repeating: 0, count: 15) + [0])
        bytes += segment(0xDA, [3, 1, 0, 2, 0, 3, 0, 0, 63, 0])
        return bytes + [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56] + [0xFF, 0xD9]
    }

    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker] + be16(payload.count + 2) + payload
    }

    static func webpLossless(_ width: Int, _ height: Int) -> [UInt8] {
        riff(riffChunk("VP8L", vp8l(width, height)))
    }

    static func vp8l(_ width: Int, _ height: Int) -> [UInt8] {
        let bits = UInt32(width - 1) | UInt32(height - 1) << 14
        return [0x2F] + le32(Int(bits)) + [0, 0, 0]
    }

    static func webpLossy(_ width: Int, _ height: Int) -> [UInt8] {
        // Frame tag: a key frame, version 0, shown, a first partition of 0 bytes.
        riff(riffChunk("VP8 ", [0x10, 0, 0, 0x9D, 0x01, 0x2A] + le16(width) + le16(height) + [0, 0]))
    }

    static func webpExtended(_ width: Int, _ height: Int) -> [UInt8] {
        riff(
            riffChunk("VP8X", [0, 0, 0, 0] + le24(width - 1) + le24(height - 1))
                + riffChunk("VP8L", vp8l(width, height)))
    }

    /// An animated WebP: a `width` x `height` canvas holding one 1x1 frame.
    static func webpAnimated(_ width: Int, _ height: Int) -> [UInt8] {
        let frame = le24(0) + le24(0) + le24(0) + le24(0) + le24(100) + [0] + riffChunk("VP8L", vp8l(1, 1))
        return riff(
            riffChunk("VP8X", [0x02, 0, 0, 0] + le24(width - 1) + le24(height - 1))
                + riffChunk("ANIM", [0, 0, 0, 0, 0, 0]) + riffChunk("ANMF", frame))
    }

    static func riffChunk(_ fourCC: String, _ payload: [UInt8]) -> [UInt8] {
        Array(fourCC.utf8) + le32(payload.count) + payload + (payload.count % 2 == 1 ? [0] : [])
    }

    static func riff(_ chunks: [UInt8]) -> [UInt8] {
        Array("RIFF".utf8) + le32(chunks.count + 4) + Array("WEBP".utf8) + chunks
    }

    static func bmp(_ width: Int, _ height: Int, depth: Int = 24, compression: Int = 0) -> [UInt8] {
        let palette = depth <= 8 ? 4 << depth : 0
        let pixels = (depth * width + 31) / 32 * 4 * height
        let offset = 54 + palette
        return Array("BM".utf8) + le32(offset + pixels) + le32(0) + le32(offset) + le32(40) + le32(width) + le32(height)
            + le16(1) + le16(depth) + le32(compression) + le32(pixels) + le32(2835) + le32(2835) + le32(0) + le32(0)
            + [UInt8](repeating: 0x7F, count: palette + pixels)
    }

    static func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ v: Int) -> [UInt8] { be16(v >> 16) + be16(v) }
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    static func le24(_ v: Int) -> [UInt8] { le16(v) + [UInt8(v >> 16 & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { le16(v) + le16(v >> 16) }
}
