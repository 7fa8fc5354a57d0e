import ProfileDomain
import ProfileHTTP
import ProfileValidation
import Testing

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
            ImageFixture.webpAnimated(16_000_000, 2),
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
