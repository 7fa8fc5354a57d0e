/// A JPEG without its metadata: the segments from SOI to EOI, application segments and comments
/// filtered (``ImageMetadataStripper``), every other segment and all scan data copied as they are.
enum JPEGMetadataStripper {
    static func strip(_ bytes: [UInt8]) -> Result<[UInt8], ImageHeader.Failure> {
        let count = bytes.count
        guard count >= 2, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return .failure(.unknownFormat) }
        var output: [UInt8] = [0xFF, 0xD8]
        output.reserveCapacity(count)
        var index = 2
        var sawExif = false
        for _ in 0..<ImageHeader.maximumParts {
            // Fill bytes before a marker carry nothing; one FF is written back.
            let marker: UInt8
            switch ImageHeader.jpegMarker(bytes, at: &index) {
            case .failure(let failure): return .failure(failure)
            case .success(let found): marker = found
            }
            switch marker {
            case 0x01, 0xD0...0xD7:
                output += [0xFF, marker]
                continue
            case 0xD9:
                // Whatever follows EOI (a second picture, a motion-photo video) is not this image.
                output += [0xFF, 0xD9]
                return .success(output)
            case 0xC0...0xCF, 0xDA...0xDF, 0xE0...0xEF, 0xFE:
                break
            default:
                return .failure(.malformed(.jpeg, "a marker is not a segment's"))
            }
            let length: Int
            switch ImageHeader.jpegSegmentLength(bytes, at: index) {
            case .failure(let failure): return .failure(failure)
            case .success(let found): length = found
            }
            let payload = bytes[(index + 2)..<(index + length)]
            if (0xE0...0xEF).contains(marker) || marker == 0xFE {
                if let kept = keptApplicationPayload(marker, payload, sawExif: &sawExif) {
                    output += [0xFF, marker] + bigEndian16(kept.count + 2) + kept
                }
            } else {
                output += [0xFF, marker]
                output += bytes[index..<(index + length)]
            }
            index += length
            if marker == 0xDA {
                guard let next = ImageHeader.markerAfterScan(bytes, from: index) else {
                    return .failure(.truncated(.jpeg))
                }
                output += bytes[index..<next]
                index = next
            }
        }
        return .failure(.malformed(.jpeg, "it has more than \(ImageHeader.maximumParts) segments"))
    }

    private static let jfif: [UInt8] = Array("JFIF".utf8) + [0]
    private static let iccProfile: [UInt8] = Array("ICC_PROFILE".utf8) + [0]
    private static let adobe: [UInt8] = Array("Adobe".utf8)

    /// What an APPn or COM segment becomes: its payload kept or rewritten, or `nil` to drop it.
    private static func keptApplicationPayload(
        _ marker: UInt8, _ payload: ArraySlice<UInt8>, sawExif: inout Bool
    ) -> ArraySlice<UInt8>? {
        switch marker {
        case 0xE0 where payload.starts(with: jfif) && payload.count >= 14:
            // Version, units and density stay; the thumbnail (an unedited copy of the picture) goes.
            return payload.prefix(12) + [0, 0]
        case 0xE1 where payload.starts(with: ExifOrientation.exifPrefix):
            // Decoders read the first EXIF block only; so does the orientation kept.
            defer { sawExif = true }
            guard !sawExif, let orientation = ExifOrientation.read(payload) else { return nil }
            return ArraySlice(ExifOrientation.exifPrefix + ExifOrientation.minimalTIFF(orientation))
        case 0xE2 where payload.starts(with: iccProfile), 0xEE where payload.starts(with: adobe):
            return payload
        default:
            return nil
        }
    }

    private static func bigEndian16(_ value: Int) -> [UInt8] {
        [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
