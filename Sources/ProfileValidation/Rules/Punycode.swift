/// The Punycode decoder of RFC 3492 (section 6.2), for the `xn--` labels of a host: a WHATWG URL
/// parser decodes them and refuses the URL when decoding fails, so the library must decode them
/// too before it believes such a host.
enum Punycode {
    /// The code points `label` (without its `xn--` prefix, lowercase ASCII) decodes to, or `nil`
    /// when it is no valid Punycode: a byte outside `a-z0-9-`, a digit run that ends early, an
    /// overflow, or a code point beyond U+10FFFF or in the surrogate range.
    static func decode(_ label: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
        let base: UInt32 = 36
        // The last `-` separates the basic (ASCII) code points from the encoded ones.
        let delimiter = label.lastIndex(of: UInt8(ascii: "-"))
        // A leading delimiter is read two ways (RFC 3492 as a digit, some decoders as an empty
        // basic part); refusing it keeps the library on the safe side of both.
        guard delimiter != 0 else { return nil }
        var output: [UInt32] = []
        if let delimiter {
            for index in 0..<delimiter {
                guard label[index] < 0x80 else { return nil }
                output.append(UInt32(label[index]))
            }
        }
        var index = delimiter.map { $0 + 1 } ?? 0
        var code: UInt32 = 0x80
        var position: UInt32 = 0
        var bias: UInt32 = 72
        var isFirst = true
        while index < label.count {
            let previous = position
            var weight: UInt32 = 1
            var k = base
            while true {
                guard index < label.count, let digit = digitValue(label[index]) else { return nil }
                index += 1
                let (step, stepOverflow) = digit.multipliedReportingOverflow(by: weight)
                guard !stepOverflow else { return nil }
                let (sum, sumOverflow) = position.addingReportingOverflow(step)
                guard !sumOverflow else { return nil }
                position = sum
                let threshold = k <= bias ? 1 : (k >= bias + 26 ? 26 : k - bias)
                if digit < threshold { break }
                let (nextWeight, weightOverflow) = weight.multipliedReportingOverflow(by: base - threshold)
                guard !weightOverflow else { return nil }
                weight = nextWeight
                k += base
            }
            let length = UInt32(output.count + 1)
            bias = adapt(position - previous, length: length, isFirst: isFirst)
            isFirst = false
            let (increment, incrementOverflow) = code.addingReportingOverflow(position / length)
            guard !incrementOverflow else { return nil }
            code = increment
            position %= length
            guard code <= 0x10_FFFF, !(0xD800...0xDFFF).contains(code) else { return nil }
            output.insert(code, at: Int(position))
            position += 1
        }
        return output
    }

    private static func digitValue(_ byte: UInt8) -> UInt32? {
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return UInt32(byte - UInt8(ascii: "a")) }
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return UInt32(byte - UInt8(ascii: "0")) + 26 }
        return nil
    }

    private static func adapt(_ delta: UInt32, length: UInt32, isFirst: Bool) -> UInt32 {
        var delta = isFirst ? delta / 700 : delta / 2
        delta += delta / length
        var k: UInt32 = 0
        while delta > 455 {
            delta /= 35
            k += 36
        }
        return k + (36 * delta) / (delta + 38)
    }
}
