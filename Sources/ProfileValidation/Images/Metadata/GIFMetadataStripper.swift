/// A GIF without its text: the blocks from the header to the trailer, comment extensions and
/// application extensions other than the loop count and the colour profile dropped
/// (``ImageMetadataStripper``), frames copied as they are.
enum GIFMetadataStripper {
    /// Application identifiers (8 bytes) and authentication codes (3) that change how the image
    /// displays: the animation loop count (Netscape's and its alias) and an ICC profile.
    private static let keptApplications: Set<[UInt8]> = Set(
        ["NETSCAPE2.0", "ANIMEXTS1.0", "ICCRGBG1012"].map { Array($0.utf8) })
    private static let graphicControl: UInt8 = 0xF9
    private static let plainText: UInt8 = 0x01
    private static let application: UInt8 = 0xFF

    static func strip(_ bytes: [UInt8]) -> Result<[UInt8], ImageHeader.Failure> {
        let count = bytes.count
        guard count >= 13 else { return .failure(.truncated(.gif)) }
        var index = 13 + ImageHeader.colorTableLength(bytes[10])
        guard index <= count else { return .failure(.truncated(.gif)) }
        var output = Array(bytes[0..<index])
        output.reserveCapacity(count)
        for _ in 0..<ImageHeader.maximumParts {
            guard index < count else { return .failure(.truncated(.gif)) }
            let start = index
            var keep = true
            switch bytes[index] {
            case 0x2C:
                // The descriptor, its local colour table and the LZW code size, then the data.
                guard index + 10 <= count else { return .failure(.truncated(.gif)) }
                index += 10 + ImageHeader.colorTableLength(bytes[index + 9]) + 1
            case 0x21:
                guard index + 2 <= count else { return .failure(.truncated(.gif)) }
                keep = isKeptExtension(bytes, at: index)
                index += 2
            case 0x3B:
                // Whatever follows the trailer is not this image.
                output.append(0x3B)
                return .success(output)
            default:
                return .failure(.malformed(.gif, "a block is neither an image, an extension nor the trailer"))
            }
            guard let end = ImageHeader.gifSubBlocksEnd(bytes, from: index) else { return .failure(.truncated(.gif)) }
            index = end
            if keep { output += bytes[start..<index] }
        }
        return .failure(.malformed(.gif, "it has more than \(ImageHeader.maximumParts) blocks"))
    }

    /// Whether the extension introduced at `index` (`21`, its label) displays: a graphic control
    /// or plain text extension, or a known application extension.
    private static func isKeptExtension(_ bytes: [UInt8], at index: Int) -> Bool {
        switch bytes[index + 1] {
        case graphicControl, plainText:
            return true
        case application:
            // The first sub-block: 11 bytes of identifier and authentication code.
            guard index + 14 <= bytes.count, bytes[index + 2] == 11 else { return false }
            return keptApplications.contains(Array(bytes[(index + 3)..<(index + 14)]))
        default:
            return false
        }
    }
}
