extension MetadataImages {
    /// A baseline JPEG, `width` x `height`: JFIF with a thumbnail, EXIF, XMP, ICC (two APP2
    /// segments), IPTC (APP13), a comment, then tables, one scan with a restart marker, EOI.
    public static func jpeg(_ width: Int, _ height: Int, _ contents: Contents = .everything) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        // JFIF 1.01 with a 1x1 thumbnail (3 bytes of RGB).
        bytes += segment(0xE0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0x53, 0x45, 0x43])
        if contents.exif {
            bytes += segment(0xE1, Array("Exif".utf8) + [0, 0] + exifTIFF(orientation: contents.orientation))
        }
        if contents.text {
            bytes += segment(0xE1, Array("http://ns.adobe.com/xap/1.0/".utf8) + [0] + filler("XMP", contents.padding))
            bytes += segment(0xED, Array("Photoshop 3.0".utf8) + [0] + filler("IPTC", 4))
            bytes += segment(0xFE, filler("COMMENT", contents.padding / 2))
        }
        if contents.profile {
            // A profile in two segments, each holding the kept marker, so that a test can count them.
            bytes += segment(0xE2, Array("ICC_PROFILE".utf8) + [0, 1, 2] + profileBytes(contents.padding))
            bytes += segment(0xE2, Array("ICC_PROFILE".utf8) + [0, 2, 2] + profileBytes(1))
        }
        bytes += segment(0xDB, [0] + [UInt8](repeating: 1, count: 64))
        bytes += segment(0xC0, [8] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 0, 3, 0x11, 0])
        bytes += segment(0xC4, [0, 1] + [UInt8](repeating: 0, count: 15) + [0])
        bytes += segment(0xDA, [3, 1, 0, 2, 0, 3, 0, 0, 63, 0])
        bytes += [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9]
        return bytes + (contents.trailer ? filler("TRAILER", 8) : [])
    }

    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker] + be16(payload.count + 2) + payload
    }

    /// An RGBA PNG, `width` x `height`: iCCP, eXIf, tEXt, zTXt, iTXt (XMP), tIME, an unknown
    /// private chunk, IDAT, IEND.
    public static func png(_ width: Int, _ height: Int, _ contents: Contents = .everything) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += pngChunk("IHDR", be32(width) + be32(height) + [8, 6, 0, 0, 0])
        if contents.profile { bytes += pngChunk("iCCP", Array("icc".utf8) + [0, 0] + profileBytes(contents.padding)) }
        if contents.exif { bytes += pngChunk("eXIf", exifTIFF(orientation: contents.orientation)) }
        if contents.text {
            bytes += pngChunk("tEXt", Array("Comment".utf8) + [0] + filler("TEXT", contents.padding))
            bytes += pngChunk("zTXt", Array("Author".utf8) + [0, 0] + filler("ZTXT", 2))
            bytes += pngChunk("iTXt", Array("XML:com.adobe.xmp".utf8) + [0, 0, 0, 0, 0] + filler("XMP", 4))
            bytes += pngChunk("tIME", [0x07, 0xEA, 11, 30, 10, 35, 0])
            bytes += pngChunk("prVt", filler("PRIVATE", 1))
        }
        bytes += pngChunk("IDAT", [0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01])
        bytes += pngChunk("IEND", [])
        return bytes + (contents.trailer ? filler("TRAILER", 8) : [])
    }

    /// A PNG chunk with its CRC.
    public static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(data.count) + body + be32(Int(crc32(body)))
    }

    /// CRC-32 (ISO 3309) bit by bit, independent of the library's table-driven one.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// An extended (VP8X) lossless WebP, `width` x `height`: ICCP, VP8L, EXIF, `XMP ` and an
    /// unknown chunk, the VP8X flags saying which are there. WebP has no bytes after its RIFF
    /// container: the validator refuses them, so `trailer` is ignored.
    public static func webp(_ width: Int, _ height: Int, _ contents: Contents = .everything) -> [UInt8] {
        let flags = (contents.profile ? 0x20 : 0) | (contents.exif ? 0x08 : 0) | (contents.text ? 0x04 : 0)
        var chunks = riffChunk("VP8X", [UInt8(flags), 0, 0, 0] + le24(width - 1) + le24(height - 1))
        if contents.profile { chunks += riffChunk("ICCP", profileBytes(contents.padding)) }
        let bits = (width - 1) | (height - 1) << 14
        chunks += riffChunk("VP8L", [0x2F] + le32(bits) + [0, 0, 0])
        if contents.exif { chunks += riffChunk("EXIF", exifTIFF(orientation: contents.orientation)) }
        if contents.text {
            chunks += riffChunk("XMP ", filler("XMP", contents.padding))
            chunks += riffChunk("prVt", filler("PRIVATE", 1))
        }
        return Array("RIFF".utf8) + le32(chunks.count + 4) + Array("WEBP".utf8) + chunks
    }

    static func riffChunk(_ fourCC: String, _ payload: [UInt8]) -> [UInt8] {
        Array(fourCC.utf8) + le32(payload.count) + payload + (payload.count % 2 == 1 ? [0] : [])
    }

    /// A GIF89a, `width` x `height`: a loop count (NETSCAPE2.0), a comment, an XMP application
    /// extension, a graphic control extension, one frame, the trailer. GIF has no orientation or
    /// EXIF; `exif` and `profile` are ignored.
    public static func gif(_ width: Int, _ height: Int, _ contents: Contents = .everything) -> [UInt8] {
        var bytes = Array("GIF89a".utf8) + le16(width) + le16(height) + [0, 0, 0]
        bytes += [0x21, 0xFF, 11] + Array("NETSCAPE2.0".utf8) + [3, 1, 0, 0, 0]
        if contents.text {
            bytes += [0x21, 0xFE] + subBlocks(filler("COMMENT", contents.padding))
            bytes += [0x21, 0xFF, 11] + Array("XMP DataXMP".utf8) + subBlocks(filler("XMP", 4))
        }
        bytes += [0x21, 0xF9, 4, 0, 10, 0, 0, 0]
        bytes += [0x2C] + le16(0) + le16(0) + le16(width) + le16(height) + [0, 2, 2, 0x4C, 0x01, 0, 0x3B]
        return bytes + (contents.trailer ? filler("TRAILER", 8) : [])
    }

    /// `data` as GIF data sub-blocks (at most 255 bytes each) and the terminator.
    static func subBlocks(_ data: [UInt8]) -> [UInt8] {
        stride(from: 0, to: data.count, by: 255).flatMap { start in
            let block = data[start..<min(start + 255, data.count)]
            return [UInt8(block.count)] + block
        } + [0]
    }
}
