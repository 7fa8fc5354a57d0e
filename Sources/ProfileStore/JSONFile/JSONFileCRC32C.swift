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

    /// Inputs at least this long are checksummed as three interleaved streams.
    static let interleavingThreshold = 3 * 4_096

    /// `crc` after `bytes`; see ``initialRunningValue``. Eight bytes per step, the same value as
    /// ``checksum(_:)``'s byte at a time (tests compare them on generated inputs).
    ///
    /// A long input is cut in three, and the three thirds are walked in one loop: each step of
    /// one stream waits for its previous step's table lookups, so three independent streams keep
    /// the processor busy where one left it waiting (the snapshot scan checksums the whole file
    /// at opening). The thirds' registers are joined as ``combine(_:_:secondCount:)`` joins
    /// checksums: the register after `A` then `B` is the one after `A`, shifted by `B`'s length,
    /// XOR the register of `B` from zero.
    static func update(_ crc: UInt32, with bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let base = bytes.baseAddress else { return crc }
        guard bytes.count >= interleavingThreshold else { return update(crc, base, count: bytes.count) }
        let third = bytes.count / 3 & ~7
        var first = crc
        var second: UInt32 = 0
        var last: UInt32 = 0
        slices.withUnsafeBufferPointer { slices in
            var offset = 0
            while offset < third {
                first = step(first, base + offset, slices)
                second = step(second, base + third + offset, slices)
                last = step(last, base + 2 * third + offset, slices)
                offset += 8
            }
        }
        let lastCount = bytes.count - 2 * third
        last = update(last, base + 3 * third, count: lastCount - third)
        return shift(shift(first, by: third) ^ second, by: lastCount) ^ last
    }

    /// `crc` after the `count` bytes at `base`, one stream.
    private static func update(_ crc: UInt32, _ base: UnsafePointer<UInt8>, count: Int) -> UInt32 {
        var crc = crc
        var index = 0
        slices.withUnsafeBufferPointer { slices in
            while count - index >= 8 {
                crc = step(crc, base + index, slices)
                index += 8
            }
            while index < count {
                crc = slices[Int((crc ^ UInt32(base[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        return crc
    }

    /// `crc` after the eight bytes at `bytes`.
    @inline(__always)
    private static func step(
        _ crc: UInt32, _ bytes: UnsafePointer<UInt8>, _ slices: UnsafeBufferPointer<UInt32>
    ) -> UInt32 {
        func lookup(_ slice: Int, _ value: UInt32) -> UInt32 { slices[slice &* 256 &+ Int(value & 0xFF)] }
        let word = UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self).littleEndian
        let low = UInt32(truncatingIfNeeded: word) ^ crc
        let high = UInt32(truncatingIfNeeded: word >> 32)
        return lookup(7, low) ^ lookup(6, low >> 8) ^ lookup(5, low >> 16) ^ lookup(4, low >> 24)
            ^ lookup(3, high) ^ lookup(2, high >> 8) ^ lookup(1, high >> 16) ^ lookup(0, high >> 24)
    }

    /// The checksum as eight lowercase hexadecimal digits, as a journal line stores it.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
