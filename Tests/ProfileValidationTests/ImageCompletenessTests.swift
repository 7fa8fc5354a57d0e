import ProfileDomain
import ProfileValidation
import Testing

/// Uploads are complete files of a format the library reads, whatever their metadata; a file cut
/// short, a damaged structure or a text that only starts like an image is refused with the code
/// that says which.
@Suite("Uploaded images: metadata of any size, complete files only, the right code for each failure")
struct ImageCompletenessTests {
    static let policy: ValidationPolicy = {
        var policy = ValidationPolicy.django
        policy.imageUpload = ImageUploadRule(formats: Set(ImageFormat.allCases))
        return policy
    }()

    static let completeFiles: [(String, [UInt8])] = [
        ("png", ImageFixture.png(5, 3)), ("jpeg", ImageFixture.jpeg(5, 3)), ("gif", ImageFixture.gif(5, 3)),
        ("webp lossy", ImageFixture.webpLossy(5, 3)), ("webp lossless", ImageFixture.webpLossless(5, 3)),
        ("webp extended", ImageFixture.webpExtended(5, 3)), ("webp animated", ImageFixture.webpAnimated(5, 3)),
        ("bmp", ImageFixture.bmp(5, 3)),
    ]

    static func code(_ bytes: [UInt8]) -> FieldErrorCode? {
        do {
            _ = try policy.validateImage(bytes)
            return nil
        } catch {
            return error.fieldErrors.first?.code
        }
    }

    @Test(
        "a JPEG whose ICC profile pushes the frame header past the first 64 KiB is read",
        arguments: [70_000, 200_000, 1_000_000])
    func largeMetadata(metadata: Int) throws {
        let bytes = ImageFixture.jpeg(640, 480, metadata: metadata)
        #expect(bytes.count > metadata)
        let info = try Self.policy.validateImage(bytes)
        #expect(info == ImageInfo(format: .jpeg, width: 640, height: 480, byteCount: bytes.count))
    }

    @Test("every fixture is a complete file the library accepts", arguments: completeFiles.map(\.1))
    func completeFilesAccepted(bytes: [UInt8]) throws {
        let info = try Self.policy.validateImage(bytes)
        #expect(info.width == 5 && info.height == 3)
    }

    @Test("a file of any format cut at any offset past its magic is invalid_format", arguments: completeFiles)
    func everyTruncation(name: String, bytes: [UInt8]) {
        // A bitmap cut inside its headers can no longer be told from a text starting with BM.
        let first = name == "bmp" ? 54 : 12
        for length in first..<bytes.count {
            #expect(Self.code(Array(bytes.prefix(length))) == .invalidFormat, "\(name) cut at \(length)")
        }
    }

    @Test(
        "texts that start with a format's magic bytes are unsupported_type, not too_large",
        arguments: [
            "BMW is a car maker from Munich and this file is plain text.", "BM", "BMP files are bitmaps",
            "GIF8 is not a version", "RIFF text that is no WebP at all",
        ])
    func magicTexts(text: String) {
        #expect(Self.code(Array(text.utf8)) == .unsupportedType)
    }

    @Test("damaged structures are invalid_format", arguments: damagedFiles)
    func damagedStructures(name: String, bytes: [UInt8]) {
        #expect(Self.code(bytes) == .invalidFormat, "\(name)")
    }

    @Test("a compressed bitmap is unsupported_type: its completeness cannot be checked without decoding")
    func compressedBitmap() {
        #expect(Self.code(ImageFixture.bmp(5, 3, depth: 8, compression: 1)) == .unsupportedType)
    }

    @Test("a bomb is still too_large when the file is complete: an animated WebP canvas, a GIF screen")
    func completeBombs() {
        #expect(Self.code(ImageFixture.webpAnimated(10_000, 10_000)) == .tooLarge)
        #expect(Self.code(ImageFixture.gif(9000, 2)) == .tooLarge)
    }

    @Test("a JPEG of more segments than the walk's cap is invalid_format, in bounded time")
    func segmentCap() {
        let comment = ImageFixture.segment(0xFE, [])
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes.reserveCapacity(4 * 100_001 + 200)
        for _ in 0...100_000 { bytes += comment }
        #expect(Self.code(bytes + ImageFixture.jpeg(5, 3).dropFirst(2)) == .invalidFormat)
    }

    static let damagedFiles: [(String, [UInt8])] = [
        ("PNG CRC", damaged(ImageFixture.png(5, 3), at: 20)), ("PNG without IDAT", pngWithoutImageData()),
        ("JPEG with two frame headers", jpegWithExtraFrame()),
        ("JPEG table shorter than its segment", jpegWithShortTable()), ("JPEG reserved marker", jpegReservedMarker()),
        ("GIF frame outside the screen", gif(ImageFixture.gifFrame(5, 3, left: 1))),
        ("GIF empty frame", gif(ImageFixture.gifFrame(0, 3))),
        ("GIF LZW code size", gif(ImageFixture.gifFrame(5, 3, codeSize: 12))), ("GIF without frames", gif([])),
        ("WebP with bytes after the RIFF container", ImageFixture.webpLossless(5, 3) + [0, 0]),
        ("WebP canvas larger than its image", webpCanvasMismatch()),
        ("WebP animation flag without frames", damaged(ImageFixture.webpExtended(5, 3), at: 20, bit: 1)),
        ("WebP frame outside the canvas", damaged(ImageFixture.webpAnimated(1, 1), at: 52)),
        ("BMP palette of more colours than its depth allows", paletteOverflow()),
    ]

    /// A 5x3 GIF holding `blocks` between its screen and its trailer.
    static func gif(_ blocks: [UInt8]) -> [UInt8] {
        let screen: [UInt8] = ImageFixture.le16(5) + ImageFixture.le16(3) + [0, 0, 0]
        return Array("GIF89a".utf8) + screen + blocks + [0x3B]
    }

    static func pngWithoutImageData() -> [UInt8] {
        let header: [UInt8] = ImageFixture.be32(5) + ImageFixture.be32(3) + [8, 6, 0, 0, 0]
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        return signature + ImageFixture.pngChunk("IHDR", header) + ImageFixture.pngChunk("IEND", [])
    }

    static func jpegReservedMarker() -> [UInt8] {
        [0xFF, 0xD8] + ImageFixture.segment(0xF2, [0, 0]) + Array(ImageFixture.jpeg(5, 3).dropFirst(2))
    }

    static func webpCanvasMismatch() -> [UInt8] {
        let canvas: [UInt8] = [0, 0, 0, 0] + ImageFixture.le24(9) + ImageFixture.le24(2)
        return ImageFixture.riff(
            ImageFixture.riffChunk("VP8X", canvas) + ImageFixture.riffChunk("VP8L", ImageFixture.vp8l(5, 3)))
    }

    static func damaged(_ bytes: [UInt8], at offset: Int, bit: Int = 0) -> [UInt8] {
        var copy = bytes
        copy[offset] ^= UInt8(1 << bit)
        return copy
    }

    static func jpegWithExtraFrame() -> [UInt8] {
        let frame = ImageFixture.segment(0xC0, [8, 0, 3, 0, 5, 1, 1, 0x11, 0])
        return [0xFF, 0xD8] + frame + Array(ImageFixture.jpeg(5, 3).dropFirst(2))
    }

    static func jpegWithShortTable() -> [UInt8] {
        [0xFF, 0xD8] + ImageFixture.segment(0xDB, [0] + [UInt8](repeating: 1, count: 60))
            + Array(ImageFixture.jpeg(5, 3).dropFirst(2))
    }

    static func paletteOverflow() -> [UInt8] {
        var bytes = ImageFixture.bmp(5, 3, depth: 1)
        bytes.replaceSubrange(46..<50, with: ImageFixture.le32(3))
        return bytes
    }
}
