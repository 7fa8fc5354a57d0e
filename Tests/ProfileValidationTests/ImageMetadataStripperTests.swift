import ProfileDomain
import ProfileKitTestSupport
import Testing

@testable import ProfileValidation

/// Private avatars: what an upload says about its owner is gone from the stored bytes, what
/// displays it (orientation, colour profile, the encoded pixels) is kept, and a damaged metadata
/// segment gets the validator's own error.
@Suite("Uploaded images: metadata stripped, orientation and colour profile kept")
struct ImageMetadataStripperTests {
    /// Every format accepted, as in the completeness tests.
    static let policy = ImageCompletenessTests.policy

    typealias Builder = @Sendable (Int, Int, MetadataImages.Contents) -> [UInt8]

    static let builders: [(ImageFormat, Builder)] = [
        (.jpeg, MetadataImages.jpeg), (.png, MetadataImages.png), (.webp, MetadataImages.webp),
        (.gif, MetadataImages.gif),
    ]

    /// Formats whose files carry an EXIF orientation (GIF has none).
    static let orientedFormats: Set<ImageFormat> = [.jpeg, .png, .webp]

    @Test(
        "a file with GPS, XMP, IPTC, comments and text is stored without any of them, orientation and ICC kept",
        arguments: builders.map(\.0))
    func everythingPrivateIsGone(format: ImageFormat) throws {
        let build = try #require(Self.builders.first { $0.0 == format }?.1)
        let original = build(7, 5, .everything)
        #expect(original.contains(Array(MetadataImages.secret.utf8)))

        let (info, stored) = try Self.policy.storableImage(original)

        #expect(info.format == format && info.width == 7 && info.height == 5)
        #expect(info.byteCount == stored.count && stored.count < original.count)
        try Self.expectPrivate(stored, from: original, format: format, contents: .everything)
    }

    @Test("a file with no metadata is stored byte for byte", arguments: ImageCompletenessTests.completeFiles.map(\.0))
    func nothingToStrip(name: String) throws {
        let bytes = try #require(ImageCompletenessTests.completeFiles.first { $0.0 == name }?.1)
        #expect(try Self.policy.storableImage(bytes).bytes == bytes)
    }

    @Test("an orientation of 1 (upright) leaves no EXIF block at all")
    func uprightDropsExif() throws {
        var contents = MetadataImages.Contents.everything
        contents.orientation = 1
        for (format, build) in Self.builders where Self.orientedFormats.contains(format) {
            let stored = try Self.policy.storableImage(build(3, 3, contents)).bytes
            let findings = MetadataImages.privacyFindings(
                stored: stored, original: build(3, 3, contents), orientation: nil)
            #expect(findings.isEmpty, "\(format): \(findings)")
        }
    }

    @Test("the WebP VP8X flags and RIFF size match the chunks left")
    func webpHeaderIsFixed() throws {
        var contents = MetadataImages.Contents.everything
        let oriented = try Self.policy.storableImage(MetadataImages.webp(4, 4, contents)).bytes
        // ICC and EXIF (the minimal one) stay, XMP goes.
        #expect(oriented[20] == 0x28)
        #expect(MetadataImages.littleEndian(oriented[4..<8]) == oriented.count - 8)
        contents.orientation = 1
        let upright = try Self.policy.storableImage(MetadataImages.webp(4, 4, contents)).bytes
        #expect(upright[20] == 0x20)
        #expect(MetadataImages.littleEndian(upright[4..<8]) == upright.count - 8)
    }

    @Test("generated files: private data gone, orientation and profiles kept, stripping twice changes nothing")
    func generatedFiles() throws {
        let seed: UInt64 = 0x5EED_A7A7
        var generator = SeededGenerator(seed: seed)
        var checked = 0
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(20)
        // At least 500 files whatever the load (a count bound), then more until 2,000 or the deadline.
        while checked < 2_000, checked < 500 || clock.now < deadline {
            let (format, build) = Self.builders[Int.random(in: 0..<Self.builders.count, using: &generator)]
            let contents = MetadataImages.Contents.random(using: &generator)
            let width = Int.random(in: 1...300, using: &generator)
            let height = Int.random(in: 1...300, using: &generator)
            let original = build(width, height, contents)
            let (info, stored) = try Self.policy.storableImage(original)
            #expect(info.width == width && info.height == height, "seed \(seed), case \(checked)")
            try Self.expectPrivate(stored, from: original, format: format, contents: contents)
            #expect(try Self.policy.storableImage(stored).bytes == stored, "seed \(seed), case \(checked): idempotent")
            checked += 1
        }
    }

    @Test("every byte flipped and every truncation: valid stripped bytes, or the validator's own error")
    func damagedFiles() throws {
        let seed: UInt64 = 0xF11B_5EED
        var generator = SeededGenerator(seed: seed)
        var cases = 0
        for (format, build) in Self.builders {
            let original = build(6, 4, .everything)
            var damaged: [[UInt8]] = (1..<original.count).map { Array(original.prefix($0)) }
            for offset in original.indices {
                var flipped = original
                flipped[offset] ^= UInt8.random(in: 1...255, using: &generator)
                damaged.append(flipped)
            }
            for bytes in damaged {
                try Self.expectStripsOrFailsAsTheValidator(bytes, seed: seed)
                // The format's reader alone, without the validator first: bounded, never a crash, and
                // it refuses only what the validator refuses.
                if case .failure = ImageMetadataStripper.strip(bytes, as: format) {
                    #expect(throws: ProfileError.self, "seed \(seed)") { try Self.policy.validateImage(bytes) }
                }
                cases += 1
            }
        }
        #expect(cases > 2_000)
    }

    @Test(
        "a file of more segments, chunks or blocks than the walk's cap: the stripper's failure is the validator's",
        arguments: [ImageFormat.jpeg, .png, .gif, .webp])
    func tooManyParts(format: ImageFormat) {
        let parts = ImageHeader.maximumParts + 1
        let bytes: [UInt8]
        switch format {
        case .jpeg:
            bytes = [0xFF, 0xD8] + Array([[UInt8]](repeating: [0xFF, 0xFE, 0x00, 0x02], count: parts).joined())
        case .png:
            let header = Array(MetadataImages.png(1, 1, .everything).prefix(33))
            bytes = header + Array([[UInt8]](repeating: MetadataImages.pngChunk("tEXt", []), count: parts).joined())
        case .gif:
            bytes =
                Array(MetadataImages.gif(1, 1).prefix(13))
                + Array([[UInt8]](repeating: [0x21, 0xFE, 0], count: parts).joined())
        default:
            let chunks =
                Array(MetadataImages.webp(1, 1).dropFirst(12).prefix(18))
                + Array([[UInt8]](repeating: Array("JUNK".utf8) + [0, 0, 0, 0], count: parts).joined())
            let size = withUnsafeBytes(of: UInt32(chunks.count + 4).littleEndian, Array.init)
            bytes = Array("RIFF".utf8) + size + Array("WEBP".utf8) + chunks
        }
        guard case .failure(let failure) = ImageMetadataStripper.strip(bytes, as: format) else {
            Issue.record("\(format): stripped a file of \(parts) parts")
            return
        }
        #expect(failure == .malformed(format, failure.reason ?? ""))
        #expect(failure.reason?.hasPrefix("it has more than 100000") == true, "\(failure)")
        guard case .failure(let validatorFailure) = ImageHeader.read(bytes) else {
            Issue.record("\(format): the validator read a file of \(parts) parts")
            return
        }
        #expect(validatorFailure == failure)
    }

    @Test("a metadata segment whose length runs past the end is invalid_format, as from the validator")
    func overlongMetadata() throws {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF] + Array("Exif".utf8) + [0, 0, 0x49, 0x49]
        let png = Array(MetadataImages.png(2, 2, .everything).prefix(33)) + [0x7F, 0, 0, 0] + Array("eXIf".utf8)
        var webp = MetadataImages.webp(2, 2, .everything)
        // The ICCP chunk (after VP8X's 18 bytes) claims more than the container holds.
        webp.replaceSubrange(34..<38, with: [0xF0, 0xFF, 0xFF, 0x0F])
        for bytes in [jpeg, png, webp] {
            let error = try #require(throws: ProfileError.self) { try Self.policy.storableImage(bytes) }
            #expect(error.fieldErrors.first?.code == .invalidFormat)
            #expect(error == (try? Self.refusal(bytes)))
        }
    }

    @Test("hostile EXIF blocks (counts and offsets past the end, random bytes) are read within bounds")
    func hostileExif() {
        let header: [UInt8] = Array("II".utf8) + [42, 0]
        #expect(ExifOrientation.read((header + [8, 0, 0, 0, 0xFF, 0xFF])[...]) == nil)
        #expect(ExifOrientation.read((header + [0xF8, 0xFF, 0xFF, 0xFF])[...]) == nil)
        #expect(ExifOrientation.read(MetadataImages.exifTIFF(orientation: 6).prefix(30)) == nil)
        #expect(ExifOrientation.read(MetadataImages.exifTIFF(orientation: 3)[...]) == 3)
        var generator = SeededGenerator(seed: 0xE81F)
        for _ in 0..<5_000 {
            var block = MetadataImages.exifTIFF(orientation: 8)
            block = Array(block.prefix(Int.random(in: 0...block.count, using: &generator)))
            for _ in 0..<3 where !block.isEmpty {
                block[Int.random(in: 0..<block.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            if let orientation = ExifOrientation.read(block[...]) { #expect((2...8).contains(orientation)) }
        }
    }

    /// The error the validator gives `bytes`.
    static func refusal(_ bytes: [UInt8]) throws -> ProfileError {
        try #require(throws: ProfileError.self) { try policy.validateImage(bytes) }
    }

    static func expectStripsOrFailsAsTheValidator(_ bytes: [UInt8], seed: UInt64) throws {
        do {
            let info = try policy.validateImage(bytes)
            let (storedInfo, stored) = try policy.storableImage(bytes)
            let again = try policy.validateImage(stored)
            #expect(
                again.format == info.format && again.width == info.width && again.height == info.height,
                "seed \(seed)")
            #expect(storedInfo.byteCount == stored.count)
            #expect(try policy.storableImage(stored).bytes == stored, "seed \(seed): idempotent")
        } catch {
            #expect(throws: error, "seed \(seed)") { try policy.storableImage(bytes) }
        }
    }

    /// What any stripped file must be: a valid image of the same format, private, with the
    /// orientation when it is not 1 and every colour profile of the original.
    static func expectPrivate(
        _ stored: [UInt8], from original: [UInt8], format: ImageFormat, contents: MetadataImages.Contents
    ) throws {
        #expect(try policy.validateImage(stored).format == format)
        let keepsOrientation = orientedFormats.contains(format) && contents.exif && contents.orientation != 1
        let findings = MetadataImages.privacyFindings(
            stored: stored, original: original, orientation: keepsOrientation ? contents.orientation : nil)
        #expect(findings.isEmpty, "\(format): \(contents): \(findings)")
    }
}

extension ImageHeader.Failure {
    /// Why a malformed file is malformed.
    var reason: String? {
        guard case .malformed(_, let reason) = self else { return nil }
        return reason
    }
}

extension MetadataImages {
    static func littleEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
