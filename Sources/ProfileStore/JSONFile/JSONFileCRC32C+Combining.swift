extension JSONFileCRC32C {
    /// The checksum of two pieces of data one after the other, from the checksum of each and the
    /// second one's length: what lets two threads checksum the two halves of a snapshot at once.
    ///
    /// `first` and `second` are finished checksums (``checksum(_:)``, or a running value XORed
    /// with ``initialRunningValue``); so is the result. The method of zlib's `crc32_combine`:
    /// appending `count` bytes multiplies the first checksum by x^(8 * count) modulo the
    /// polynomial, and the two conditionings cancel out.
    static func combine(_ first: UInt32, _ second: UInt32, secondCount count: Int) -> UInt32 {
        multiply(powerOfX(bytes: count), first) ^ second
    }

    /// A running register moved past `count` more bytes as if they were zeros: what the register
    /// of the bytes before them contributes to the register after them.
    static func shift(_ crc: UInt32, by count: Int) -> UInt32 {
        multiply(powerOfX(bytes: count), crc)
    }

    /// `a * b` modulo the polynomial, in the reflected bit order the table uses.
    private static func multiply(_ a: UInt32, _ b: UInt32) -> UInt32 {
        var mask: UInt32 = 1 << 31
        var product: UInt32 = 0
        var b = b
        while mask != 0 {
            if a & mask != 0 { product ^= b }
            mask >>= 1
            b = b & 1 != 0 ? (b >> 1) ^ 0x82F6_3B78 : b >> 1
        }
        return product
    }

    /// x^(8 * bytes) modulo the polynomial, by squaring: x^(2^k) for each bit of the bit count.
    private static func powerOfX(bytes: Int) -> UInt32 {
        var power: UInt32 = 1 << 31  // x^0
        var square: UInt32 = 1 << 30  // x^1, then x^2, x^4, ...
        var bits = UInt(bytes) * 8
        while bits != 0 {
            if bits & 1 != 0 { power = multiply(square, power) }
            square = multiply(square, square)
            bits >>= 1
        }
        return power
    }
}
