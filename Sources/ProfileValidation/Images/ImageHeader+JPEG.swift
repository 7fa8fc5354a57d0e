extension ImageHeader {
    /// A JPEG: markers and segments from SOI to EOI, the frame header (SOF) for the size, and the
    /// entropy-coded data after each SOS skipped up to the next marker (progressive files have
    /// several scans). Metadata of any size (ICC profiles, EXIF, XMP) is walked over, not read.
    static func jpeg(_ bytes: [UInt8]) -> Result<Header, Failure> {
        var index = 2
        var size: (width: Int, height: Int)?
        var sawScan = false
        for _ in 0..<maximumParts {
            let marker: UInt8
            switch jpegMarker(bytes, at: &index) {
            case .failure(let failure): return .failure(failure)
            case .success(let found): marker = found
            }
            switch marker {
            case 0x01, 0xD0...0xD7:
                continue
            case 0xD9:
                guard let size, sawScan else {
                    return .failure(.malformed(.jpeg, "the file ends before any image data"))
                }
                return sized(.jpeg, width: size.width, height: size.height)
            // Frame, table and application segments and comments; not the reserved JPGn (F0-FD).
            case 0xC0...0xCF, 0xDA...0xDF, 0xE0...0xEF, 0xFE:
                break
            default:
                return .failure(.malformed(.jpeg, "a marker is not a segment's"))
            }
            let length: Int
            switch jpegSegmentLength(bytes, at: index) {
            case .failure(let failure): return .failure(failure)
            case .success(let found): length = found
            }
            let isFrameHeader = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isFrameHeader {
                guard size == nil else { return .failure(.malformed(.jpeg, "there are two frame headers")) }
                guard length >= 8, length == 8 + 3 * Int(bytes[index + 7]) else {
                    return .failure(.malformed(.jpeg, "the frame header's length does not fit its components"))
                }
                size = (bigEndian16(bytes, index + 5), bigEndian16(bytes, index + 3))
            }
            if let failure = checkTables(marker, bytes[(index + 2)..<(index + length)]) { return .failure(failure) }
            index += length
            if marker == 0xDA {
                guard size != nil else {
                    return .failure(.malformed(.jpeg, "the image data starts before any frame header"))
                }
                guard let next = markerAfterScan(bytes, from: index) else { return .failure(.truncated(.jpeg)) }
                index = next
                sawScan = true
            }
        }
        return .failure(.malformed(.jpeg, "it has more than \(maximumParts) segments"))
    }

    /// The marker at `index` (its `FF`, after any fill bytes), with `index` moved past it.
    static func jpegMarker(_ bytes: [UInt8], at index: inout Int) -> Result<UInt8, Failure> {
        let count = bytes.count
        guard index < count else { return .failure(.truncated(.jpeg)) }
        guard bytes[index] == 0xFF else { return .failure(.malformed(.jpeg, "a segment does not start with FF")) }
        // Fill bytes: any number of FF may precede a marker.
        while index < count && bytes[index] == 0xFF { index += 1 }
        guard index < count else { return .failure(.truncated(.jpeg)) }
        index += 1
        return .success(bytes[index - 1])
    }

    /// The length of the segment whose length field is at `index`, checked to be at least 2 and
    /// to fit in the file.
    static func jpegSegmentLength(_ bytes: [UInt8], at index: Int) -> Result<Int, Failure> {
        guard index + 2 <= bytes.count else { return .failure(.truncated(.jpeg)) }
        let length = bigEndian16(bytes, index)
        guard length >= 2 else { return .failure(.malformed(.jpeg, "a segment length is below 2")) }
        guard index + length <= bytes.count else { return .failure(.truncated(.jpeg)) }
        return .success(length)
    }

    /// Why the payload of a quantisation table (DQT), Huffman table (DHT) or scan header (SOS)
    /// segment does not add up to its length, or `nil` when it does (or the segment is another).
    private static func checkTables(_ marker: UInt8, _ payload: ArraySlice<UInt8>) -> Failure? {
        var index = payload.startIndex
        switch marker {
        case 0xDB:
            // Each table: precision and id, then 64 values of 1 or 2 bytes.
            while index < payload.endIndex {
                guard payload[index] >> 4 <= 1 else { break }
                index += 1 + 64 * (Int(payload[index] >> 4) + 1)
            }
        case 0xC4:
            // Each table: class and id, 16 code counts, then that many symbols.
            while index + 17 <= payload.endIndex {
                index += 17 + payload[(index + 1)..<(index + 17)].reduce(0) { $0 + Int($1) }
            }
        case 0xDA:
            guard let components = payload.first else { break }
            index += 1 + 2 * Int(components) + 3
        default:
            return nil
        }
        guard index == payload.endIndex else {
            return .malformed(.jpeg, "a table or scan header does not fill its segment")
        }
        return nil
    }

    /// Where the marker after entropy-coded data starting at `start` is (its `FF`), or `nil` when
    /// the file ends first. In the data, `FF 00` is a data byte and `FF D0`-`FF D7` are restart
    /// markers; any other `FF xx` ends the scan.
    static func markerAfterScan(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while let found = bytes[index...].firstIndex(of: 0xFF) {
            var next = found + 1
            while next < bytes.count && bytes[next] == 0xFF { next += 1 }
            guard next < bytes.count else { return nil }
            let marker = bytes[next]
            if marker != 0x00 && !(0xD0...0xD7).contains(marker) { return next - 1 }
            index = next + 1
        }
        return nil
    }
}
