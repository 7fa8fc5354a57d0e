import ProfileDomain
import ProfileValidation
import Testing

/// Minimal image headers for each format, `width` x `height`.
enum ImageFixture {
    static func png(_ width: Int, _ height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be32(width) + be32(height)
            + [8, 6, 0, 0, 0]
    }
    static func gif(_ width: Int, _ height: Int) -> [UInt8] {
        Array("GIF89a".utf8) + le16(width) + le16(height) + [0, 0, 0]
    }
    static func jpeg(_ width: Int, _ height: Int) -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
            + [0xFF, 0xC0, 0x00, 0x11, 0x08] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
    }
    static func webpLossless(_ width: Int, _ height: Int) -> [UInt8] {
        let bits = UInt32(width - 1) | UInt32(height - 1) << 14
        return Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8L".utf8) + [0, 0, 0, 0, 0x2F]
            + [UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24)] + [
                0, 0, 0, 0, 0,
            ]
    }
    static func webpExtended(_ width: Int, _ height: Int) -> [UInt8] {
        Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0] + le24(width - 1)
            + le24(height - 1)
    }
    static func webpLossy(_ width: Int, _ height: Int) -> [UInt8] {
        Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8) + [0, 0, 0, 0] + [0, 0, 0] + [0x9D, 0x01, 0x2A]
            + le16(width) + le16(height)
    }
    static func bmp(_ width: Int, _ height: Int) -> [UInt8] {
        Array("BM".utf8) + [UInt8](repeating: 0, count: 12) + le32(40) + le32(width) + le32(height) + [1, 0, 24, 0]
    }
    static func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ v: Int) -> [UInt8] { be16(v >> 16) + be16(v) }
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    static func le24(_ v: Int) -> [UInt8] { le16(v) + [UInt8(v >> 16 & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { le16(v) + le16(v >> 16) }
}

@Suite("Uploaded images: the real type by magic bytes, size and pixel caps from the header")
struct ImageTests {
    @Test(
        "every format's dimensions are read from its header",
        arguments: [
            (ImageFixture.png(640, 480), ImageFormat.png), (ImageFixture.gif(640, 480), .gif),
            (ImageFixture.jpeg(640, 480), .jpeg),
            (ImageFixture.webpLossless(640, 480), .webp), (ImageFixture.webpExtended(640, 480), .webp),
            (ImageFixture.webpLossy(640, 480), .webp), (ImageFixture.bmp(640, 480), .bmp),
        ])
    func dimensions(bytes: [UInt8], format: ImageFormat) throws {
        let info = try ValidationPolicy.django.validateImage(bytes)
        #expect(info == ImageInfo(format: format, width: 640, height: 480, byteCount: bytes.count))
    }

    @Test("a format the preset does not take is 415 unsupported_type")
    func formatNotAccepted() throws {
        let error = try #require(
            throws: ProfileError.self,
            performing: { try ValidationPolicy.creator.validateImage(ImageFixture.bmp(10, 10)) })
        #expect(error.status == .unsupportedMediaType)
        #expect(error.fieldErrors.map(\.code) == [.unsupportedType])
        #expect(error.fieldErrors.map(\.field) == ["avatar"])
    }

    @Test(
        "non-images are 415 whatever their name says",
        arguments: [
            Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8), Array("%PDF-1.7".utf8), Array("GIF8".utf8), [0x00],
        ])
    func notImages(bytes: [UInt8]) throws {
        let error = try #require(
            throws: ProfileError.self, performing: { try ValidationPolicy.django.validateImage(bytes, field: "file") })
        #expect(error.status == .unsupportedMediaType)
        #expect(error.fieldErrors.first?.field == "file")
    }

    @Test(
        "truncated headers are 415 invalid_format, never a crash",
        arguments: [
            Array(ImageFixture.png(1, 1).prefix(20)), Array(ImageFixture.jpeg(1, 1).prefix(25)),
            Array(ImageFixture.gif(1, 1).prefix(8)),
            Array(ImageFixture.webpLossless(1, 1).prefix(24)), Array(ImageFixture.bmp(1, 1).prefix(20)),
            [0xFF, 0xD8, 0xFF],
            [0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF],
        ])
    func truncated(bytes: [UInt8]) throws {
        let error = try #require(
            throws: ProfileError.self, performing: { try ValidationPolicy.django.validateImage(bytes) })
        #expect(error.status == .unsupportedMediaType)
        #expect(error.fieldErrors.first?.code == .invalidFormat)
    }

    @Test(
        "huge declared dimensions are 413 too_large (decompression bombs)",
        arguments: [
            ImageFixture.png(100_000, 100_000), ImageFixture.gif(65_535, 65_535), ImageFixture.png(8192, 8192),
            ImageFixture.webpExtended(16_000_000, 2),
        ])
    func bombs(bytes: [UInt8]) throws {
        let error = try #require(
            throws: ProfileError.self, performing: { try ValidationPolicy.creator.validateImage(bytes) })
        #expect(error.status == .payloadTooLarge)
        #expect(error.code == .payloadTooLarge)
        #expect(error.fieldErrors.first?.code == .tooLarge)
    }

    @Test("the byte cap: at the limit passes, one byte over is 413 with the limit")
    func byteCap() throws {
        var policy = ValidationPolicy.creator
        policy.imageUpload.maximumBytes = 1000
        let image = ImageFixture.png(10, 10)
        let padded = image + [UInt8](repeating: 0, count: 1000 - image.count)
        #expect(try policy.validateImage(padded).byteCount == 1000)
        let error = try #require(throws: ProfileError.self, performing: { try policy.validateImage(padded + [0]) })
        #expect(error.fieldErrors.first?.limit == 1000)
        #expect(error.status == .payloadTooLarge)
    }

    @Test("zero dimensions and empty uploads are refused")
    func zeroAndEmpty() {
        #expect(throws: ProfileError.self) { try ValidationPolicy.creator.validateImage(ImageFixture.png(0, 10)) }
        #expect(throws: ProfileError.self) { try ValidationPolicy.creator.validateImage([UInt8]()) }
    }

    @Test("formats carry their media type and extension")
    func formatNames() {
        #expect(ImageFormat.jpeg.mimeType == "image/jpeg")
        #expect(ImageFormat.jpeg.fileExtension == "jpg")
        #expect(ImageFormat.allCases.map(\.fileExtension) == ["jpg", "png", "gif", "webp", "bmp"])
    }
}
