/// The URL Standard's IPv4 host rules, transcribed step by step from the specification
/// (https://url.spec.whatwg.org/#concept-ipv4-parser, "ends in a number checker", "IPv4 number
/// parser", "IPv4 parser") over an ASCII, already lowercased host, as an independent reference
/// for the library's host check. CI checks this reference against ada-url too
/// (`Conformance/differential/url_whatwg.py --ipv4-cases`).
enum WHATWGIPv4Reference {
    /// What a WHATWG parser makes of a host.
    enum Verdict: Equatable, CustomStringConvertible {
        /// Not a number form: the host stays a domain.
        case domain
        /// An IPv4 address.
        case address(UInt32)
        /// Ends in a number but is no IPv4 address: the URL fails to parse.
        case failure

        var description: String {
            switch self {
            case .domain: "domain"
            case .failure: "failure"
            case .address(let value):
                "ipv4:" + (0..<4).map { String(value >> (24 - 8 * UInt32($0)) & 0xFF) }.joined(separator: ".")
            }
        }
    }

    /// The host parser's last steps for an ASCII host: "domain to ASCII" fails on an empty
    /// result, then "if asciiDomain ends in a number, return the result of IPv4 parsing it".
    static func verdict(_ host: String) -> Verdict {
        guard !host.isEmpty else { return .failure }
        return endsInANumber(host) ? ipv4(host) : .domain
    }

    /// "The ends in a number checker".
    static func endsInANumber(_ input: String) -> Bool {
        // 1. Let parts be the result of strictly splitting input on U+002E (.).
        var parts = input.split(separator: ".", omittingEmptySubsequences: false)
        // 2. If the last item in parts is the empty string: if parts's size is 1, return false;
        //    otherwise remove the last item.
        if parts.last == "" {
            if parts.count == 1 { return false }
            parts.removeLast()
        }
        // 3. Let last be the last item in parts.
        guard let last = parts.last else { return false }
        // 4. If last is non-empty and contains only ASCII digits, return true.
        if !last.isEmpty && last.allSatisfy({ $0 >= "0" && $0 <= "9" }) { return true }
        // 5. If parsing last as an IPv4 number does not return failure, return true.
        // 6. Return false.
        return number(last) != nil
    }

    /// "The IPv4 number parser": the value, or `nil` for failure. Values past `UInt64` are capped
    /// (they are failures for the IPv4 parser either way).
    static func number(_ part: Substring) -> UInt64? {
        // 1. If input is the empty string, return failure.
        guard !part.isEmpty else { return nil }
        var input = part
        // 2. Let R be 10.
        var radix: UInt64 = 10
        // 3. If input contains at least two code points and the first two are "0x" or "0X",
        //    remove them and set R to 16.
        if input.count >= 2 && (input.hasPrefix("0x") || input.hasPrefix("0X")) {
            input = input.dropFirst(2)
            radix = 16
        } else if input.count >= 2 && input.hasPrefix("0") {
            // 4. Otherwise, if input contains at least two code points and the first is "0",
            //    remove it and set R to 8.
            input = input.dropFirst()
            radix = 8
        }
        // 5. If input is the empty string, return (0, true).
        if input.isEmpty { return 0 }
        // 6. If input contains a code point that is not a radix-R digit, return failure.
        // 7. Let output be the mathematical integer value that is represented by input in radix-R.
        var output: UInt64 = 0
        for character in input {
            guard let digit = character.hexDigitValue, UInt64(digit) < radix else { return nil }
            output = min(output &* radix &+ UInt64(digit), UInt64(1) << 40)
        }
        return output
    }

    /// "The IPv4 parser".
    static func ipv4(_ input: String) -> Verdict {
        // 1. Let parts be the result of strictly splitting input on U+002E (.).
        var parts = input.split(separator: ".", omittingEmptySubsequences: false)
        // 2. If the last item in parts is the empty string: if parts's size is greater than 1,
        //    remove the last item.
        if parts.last == "" && parts.count > 1 { parts.removeLast() }
        // 3. If parts's size is greater than 4, return failure.
        guard parts.count <= 4 else { return .failure }
        // 4-5. Parse each part; a failure is a failure.
        var numbers: [UInt64] = []
        for part in parts {
            guard let value = number(part) else { return .failure }
            numbers.append(value)
        }
        // 7. If any but the last item in numbers is greater than 255, return failure.
        guard numbers.dropLast().allSatisfy({ $0 <= 255 }), let last = numbers.last else { return .failure }
        // 8. If the last item in numbers is greater than or equal to 256^(5 - numbers's size),
        //    return failure.
        guard last < UInt64(1) << (8 * UInt64(5 - numbers.count)) else { return .failure }
        // 9-11. ipv4 is the last item plus each other item times 256^(3 - its index).
        var address = last
        for (index, value) in numbers.dropLast().enumerated() { address += value << (8 * UInt64(3 - index)) }
        return .address(UInt32(truncatingIfNeeded: address))
    }
}
