/// The one EXIF tag an avatar keeps: Orientation (0x0112), which says how a viewer turns the
/// pixels. Everything else an EXIF block holds (GPS, camera, dates, thumbnails) is dropped.
enum ExifOrientation {
    /// The JPEG APP1 (and optional WebP EXIF) prefix before the TIFF header.
    static let exifPrefix: [UInt8] = Array("Exif".utf8) + [0, 0]

    /// The orientation IFD0 of a TIFF block states (2 to 8), or `nil` when it states 1, none, or
    /// the block cannot be read. `block` may start with ``exifPrefix``. Reads at most the IFD0
    /// entries that lie inside `block`, so a hostile count or offset cannot reach past it.
    static func read(_ block: ArraySlice<UInt8>) -> Int? {
        let tiff = block.starts(with: exifPrefix) ? block.dropFirst(exifPrefix.count) : block
        let base = tiff.startIndex
        let count = tiff.count
        guard count >= 8 else { return nil }
        let bigEndian: Bool
        switch (tiff[base], tiff[base + 1]) {
        case (0x49, 0x49): bigEndian = false
        case (0x4D, 0x4D): bigEndian = true
        default: return nil
        }
        func read16(_ offset: Int) -> Int {
            let first = Int(tiff[base + offset])
            let second = Int(tiff[base + offset + 1])
            return bigEndian ? first << 8 | second : second << 8 | first
        }
        func read32(_ offset: Int) -> Int {
            bigEndian ? read16(offset) << 16 | read16(offset + 2) : read16(offset + 2) << 16 | read16(offset)
        }
        guard read16(2) == 42 else { return nil }
        let directory = read32(4)
        guard directory >= 8, directory <= count - 2 else { return nil }
        let entries = read16(directory)
        for entry in 0..<entries {
            let offset = directory + 2 + 12 * entry
            guard offset + 12 <= count else { return nil }
            guard read16(offset) == 0x0112 else { continue }
            // SHORT, one value, held in the entry itself.
            guard read16(offset + 2) == 3, read32(offset + 4) == 1 else { return nil }
            let orientation = read16(offset + 8)
            return (2...8).contains(orientation) ? orientation : nil
        }
        return nil
    }

    /// A TIFF block (big-endian) whose IFD0 holds only `orientation`: 26 bytes.
    static func minimalTIFF(_ orientation: Int) -> [UInt8] {
        let header: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08]
        let entry: [UInt8] = [
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, UInt8(orientation & 0xFF), 0x00, 0x00,
        ]
        return header + [0x00, 0x01] + entry + [0x00, 0x00, 0x00, 0x00]
    }
}
