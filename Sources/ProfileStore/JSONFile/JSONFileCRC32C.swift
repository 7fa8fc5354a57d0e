/// CRC-32C (Castagnoli), the checksum of every journal record, written by hand because the
/// library has no dependencies.
///
/// Polynomial 0x1EDC6F41 (reflected 0x82F63B78), initial value and final XOR 0xFFFFFFFF: the
/// variant of iSCSI (RFC 3720), ext4 and SSE 4.2's `crc32` instruction. It detects every burst
/// error up to 32 bits, which covers a torn or bit-flipped record.
enum JSONFileCRC32C {
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 {
            crc = (crc & 1) == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1
        }
        return crc
    }

    /// The checksum of `bytes`.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            for byte in bytes {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// ``table`` and seven more, for eight bytes per step ("slicing-by-8"): `slices[k * 256 + b]`
    /// is the CRC contribution of byte `b` followed by `k` zero bytes. The snapshot scan checksums
    /// the whole file at opening, where one table lookup per byte was a tenth of the time.
    private static let slices: [UInt32] = {
        var slices = table + Array(repeating: 0, count: 7 * 256)
        for slice in 1..<8 {
            for byte in 0..<256 {
                let previous = slices[(slice - 1) * 256 + byte]
                slices[slice * 256 + byte] = (previous >> 8) ^ table[Int(previous & 0xFF)]
            }
        }
        return slices
    }()

    /// The running value of a checksum computed in pieces: start from ``initialRunningValue``,
    /// feed every piece in order to ``update(_:with:)``, and XOR the result with it at the end.
    static let initialRunningValue: UInt32 = 0xFFFF_FFFF

    /// `crc` after `bytes`; see ``initialRunningValue``. Eight bytes per step, the same value as
    /// ``checksum(_:)``'s byte at a time (a test compares them on generated inputs).
    static func update(_ crc: UInt32, with bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let base = bytes.baseAddress else { return crc }
        var crc = crc
        var index = 0
        slices.withUnsafeBufferPointer { slices in
            func lookup(_ slice: Int, _ value: UInt32) -> UInt32 { slices[slice &* 256 &+ Int(value & 0xFF)] }
            while bytes.count - index >= 8 {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
                let low = UInt32(truncatingIfNeeded: word) ^ crc
                let high = UInt32(truncatingIfNeeded: word >> 32)
                crc =
                    lookup(7, low) ^ lookup(6, low >> 8) ^ lookup(5, low >> 16) ^ lookup(4, low >> 24)
                    ^ lookup(3, high) ^ lookup(2, high >> 8) ^ lookup(1, high >> 16) ^ lookup(0, high >> 24)
                index += 8
            }
            while index < bytes.count {
                crc = lookup(0, crc ^ UInt32(base[index])) ^ (crc >> 8)
                index += 1
            }
        }
        return crc
    }

    /// The checksum as eight lowercase hexadecimal digits, as a journal line stores it.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
