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

    /// The running value of a checksum computed in pieces: start from ``initialRunningValue``,
    /// feed every piece in order to ``update(_:with:)``, and XOR the result with it at the end.
    static let initialRunningValue: UInt32 = 0xFFFF_FFFF

    /// `crc` after `bytes`; see ``initialRunningValue``.
    static func update(_ crc: UInt32, with bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var crc = crc
        table.withUnsafeBufferPointer { table in
            for byte in bytes {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
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
