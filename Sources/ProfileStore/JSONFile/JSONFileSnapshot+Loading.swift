extension JSONFileSnapshot {
    /// Reads the snapshot at `path`, or returns `nil` when there is none.
    ///
    /// The fast path maps the file and scans it once (``JSONFileSnapshotScanner``): the checksum,
    /// the layout, the header, every edge and each record's index keys are checked, and records
    /// stay encoded until first used. A file the scan does not answer for, damaged or not, is read
    /// whole and decoded by ``decode(_:path:)``, which gives the same state or the precise error.
    static func load(path: String) throws(JSONFileStoreError) -> JSONFileSnapshot? {
        let scanned = try JSONFileSnapshotFile.withMappedFile(path) { bytes, file -> JSONFileSnapshot? in
            let expected = declaredChecksum(bytes)
            var scanner = JSONFileSnapshotScanner(
                bytes, bodyEnd: expected.map { $0.bodyEnd } ?? bytes.count, file: file)
            return scanner.snapshot(expectedChecksum: expected?.checksum)
        }
        guard let scanned else { return nil }
        if let snapshot = scanned { return snapshot }
        guard let bytes = try JSONFilePOSIX.readFile(path) else { return nil }
        return try decode(bytes, path: path)
    }

    /// The checksum a sealed file declares and where its body ends, or `nil` for a file that
    /// does not end the way ``sealed(_:)`` ends one.
    static func declaredChecksum(_ bytes: UnsafeBufferPointer<UInt8>) -> (checksum: UInt32, bodyEnd: Int)? {
        let bodyEnd = bytes.count - checksumHead.count - 8 - checksumTail.count
        guard bodyEnd >= 0,
            bytes[bodyEnd..<(bodyEnd + checksumHead.count)].elementsEqual(checksumHead),
            bytes[(bytes.count - checksumTail.count)...].elementsEqual(checksumTail)
        else { return nil }
        var checksum: UInt32 = 0
        for byte in bytes[(bodyEnd + checksumHead.count)..<(bytes.count - checksumTail.count)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            checksum = checksum << 4 | UInt32(digit)
        }
        return (checksum, bodyEnd)
    }
}
