import ProfileDomain

extension JSONBodyReader {
    /// Reads the object at the current position (`{`), calling `member` with each key; `member`
    /// reads that key's value. Refuses a key sent twice or in two Unicode forms, and nesting
    /// deeper than the cap, with the path of the offending key or container.
    package mutating func readObject(
        _ member: (inout JSONBodyReader, JSONKey) throws(ProfileError) -> Void
    ) throws(ProfileError) {
        guard depth <= maximumDepth else { throw failure { .tooDeep(at: $0, maximumDepth: maximumDepth) } }
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        let firstKey = keys.count
        // Past a few keys, or once a key is not ASCII (two keys may then be one `String` in two
        // forms), keys are kept as the two-step path keeps them: by `String`, with their bytes.
        var byString: [String: [UInt8]]?
        depth += 1
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw malformed("expected a quoted key at byte \(index)")
            }
            let key = try readKey()
            path.append(.key(key))
            try remember(key, firstKey: firstKey, byString: &byString)
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw malformed("expected : after a key at byte \(index)")
            }
            index += 1
            skipWhitespace()
            try member(&self, key)
            path.removeLast()
            skipWhitespace()
            guard index < bytes.count else { throw malformed("the body ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw malformed("expected , or } at byte \(index)") }
            index += 1
            break
        }
        depth -= 1
        keys.removeAll(from: firstKey)
    }

    private mutating func remember(
        _ key: JSONKey, firstKey: Int, byString: inout [String: [UInt8]]?
    ) throws(ProfileError) {
        if byString == nil {
            if key.isASCII && keys.count - firstKey < 16 {
                for earlier in keys.elements(from: firstKey) where earlier.hasSameBytes(as: key) {
                    throw failure(JSONSyntaxFailure.duplicateKey)
                }
                keys.append(key)
                return
            }
            var table: [String: [UInt8]] = [:]
            for earlier in keys.elements(from: firstKey) { table[earlier.string] = Array(earlier.bytes) }
            byString = table
        }
        let string = key.string
        let scalars = Array(key.bytes)
        if let earlier = byString?[string] {
            throw failure(earlier == scalars ? JSONSyntaxFailure.duplicateKey : JSONSyntaxFailure.equivalentKey)
        }
        byString?[string] = scalars
    }

    /// Reads the array at the current position (`[`), calling `element` for each element with its
    /// position; `element` reads the element.
    package mutating func readArray(
        _ element: (inout JSONBodyReader, Int) throws(ProfileError) -> Void
    ) throws(ProfileError) {
        guard depth <= maximumDepth else { throw failure { .tooDeep(at: $0, maximumDepth: maximumDepth) } }
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        depth += 1
        var position = 0
        while true {
            skipWhitespace()
            path.append(.index(position))
            try element(&self, position)
            path.removeLast()
            position += 1
            skipWhitespace()
            guard index < bytes.count else { throw malformed("the body ends inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw malformed("expected , or ] at byte \(index)") }
            index += 1
            break
        }
        depth -= 1
    }

    /// Reads and checks the value at the current position, keeping nothing.
    package mutating func skipValue() throws(ProfileError) {
        switch try peek() {
        case UInt8(ascii: "{"): try readObject { reader, _ throws(ProfileError) in try reader.skipValue() }
        case UInt8(ascii: "["): try readArray { reader, _ throws(ProfileError) in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "t"): try readLiteral("true")
        case UInt8(ascii: "f"): try readLiteral("false")
        case UInt8(ascii: "n"): try readLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readNumber()
        default: throw malformed("unexpected character at byte \(index)")
        }
    }

    /// Reads the number at the current position: its token and, when written with an exponent,
    /// the nearest double.
    mutating func readNumber() throws(ProfileError) -> (token: UnsafeBufferPointer<UInt8>, value: Double?) {
        let start = index
        do {
            index = try JSONSyntax.numberEnd(in: bytes, from: start)
        } catch {
            throw malformed(error.message)
        }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<index])
        switch JSONSyntax.verdict(on: token) {
        case .kept: return (token, nil)
        case .exponent(let value): return (token, value)
        case .tooLarge: throw failure(JSONSyntaxFailure.numberTooLarge)
        case .tooSmall: throw failure(JSONSyntaxFailure.numberTooSmall)
        }
    }

    /// Reads any JSON value as ``ProfileDomain/JSONValue``.
    package mutating func readJSONValue() throws(ProfileError) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"):
            var object: [String: JSONValue] = [:]
            try readObject { reader, key throws(ProfileError) in object[key.string] = try reader.readJSONValue() }
            return .object(object)
        case UInt8(ascii: "["):
            var array: [JSONValue] = []
            try readArray { reader, _ throws(ProfileError) in array.append(try reader.readJSONValue()) }
            return .array(array)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let (token, value) = try readNumber()
            // The grammar admitted the token, so the standard library reads it (correctly rounded).
            return .number(value ?? Double(String(decoding: token, as: UTF8.self)) ?? 0)
        default: throw malformed("unexpected character at byte \(index)")
        }
    }
}
