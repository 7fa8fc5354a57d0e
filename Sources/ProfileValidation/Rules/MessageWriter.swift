/// An error message written piece by piece into one byte buffer sized once, then made a `String`
/// once: what ``Messages`` and the username and link checks word their errors with.
///
/// String interpolation appends each piece through the standard library's general `String` append
/// (~350 instructions a piece, measured on the bytes-to-patch benchmark's error payload); here a
/// piece is a copy into the buffer. The text is the same as the interpolation's, piece for piece:
/// `FastPathDifferentialTests` compares them on generated pieces.
struct MessageWriter {
    private var bytes: [UInt8] = []

    /// A writer with room for `capacity` bytes before it grows.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends `text`: one copy of its contiguous UTF-8 (appending the `UTF8View` itself went
    /// byte by byte, ~15 instructions a byte).
    mutating func write(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Appends `number` in decimal, as `"\(number)"` writes it.
    mutating func write(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// Appends `U+XXXX`, as ``Messages/codePoint(_:)`` writes `scalar`.
    mutating func write(codePointOf scalar: Unicode.Scalar) {
        let value = scalar.value
        bytes.append(UInt8(ascii: "U"))
        bytes.append(UInt8(ascii: "+"))
        var shift = max(4, (32 - value.leadingZeroBitCount + 3) / 4) * 4
        while shift > 0 {
            shift -= 4
            let digit = UInt8(truncatingIfNeeded: value >> UInt32(shift)) & 0xF
            bytes.append(digit < 10 ? 0x30 + digit : 0x37 + digit)
        }
    }

    /// The message written so far.
    var text: String {
        String(decoding: bytes, as: UTF8.self)
    }
}
