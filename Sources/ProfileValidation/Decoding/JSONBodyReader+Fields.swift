import ProfileDomain

/// The three-state fields of the request types, read as `KeyedDecodingContainer.decodePatchField`
/// reads them: `null` is ``ProfileDomain/PatchField/null``, a value of the wrong JSON type is
/// noted (with `rank`, the order in which the request type's `init(from:)` decodes the field) and
/// read past.
extension JSONBodyReader {
    /// Reads a top-level object with `member`; anything else is noted as `body must be an object`.
    package mutating func readTopObject(
        _ member: (inout JSONBodyReader, JSONKey) throws(ProfileError) -> Void
    ) throws(ProfileError) {
        _ = try readPatchObject(rank: -1) { reader throws(ProfileError) in try reader.readObject(member) }
    }

    /// Reads a string field.
    package mutating func readPatchString(rank: Int) throws(ProfileError) -> PatchField<String> {
        switch try peek() {
        case UInt8(ascii: "\""): return .value(try readString())
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        default:
            try skipValue()
            noteWrongType("a string", rank: rank)
            return .absent
        }
    }

    /// Reads a required string (`null` is noted as a wrong type).
    package mutating func readRequiredString(rank: Int) throws(ProfileError) -> String? {
        switch try readPatchString(rank: rank) {
        case .value(let string): return string
        case .null:
            noteWrongType("a string", isNull: true, rank: rank)
            return nil
        case .absent: return nil
        }
    }

    /// Reads an array-of-strings field; the first element that is not a string is noted.
    package mutating func readPatchStringArray(rank: Int) throws(ProfileError) -> PatchField<[String]> {
        switch try peek() {
        case UInt8(ascii: "["):
            var strings: [String] = []
            try readArray { reader, _ throws(ProfileError) in
                guard let string = try reader.readRequiredString(rank: rank) else { return }
                // Room for eight at the first: growing 1, 2, 4, 8 cost a buffer and a copy each
                // (~1.3k instructions for the full payload's five niches).
                if strings.isEmpty { strings.reserveCapacity(8) }
                strings.append(string)
            }
            return .value(strings)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        default:
            try skipValue()
            noteWrongType("an array", rank: rank)
            return .absent
        }
    }

    /// Reads an object field with `read`, which reads the object (with ``readObject(_:)``).
    package mutating func readPatchObject<Value>(
        rank: Int, _ read: (inout JSONBodyReader) throws(ProfileError) -> Value
    ) throws(ProfileError) -> PatchField<Value> {
        switch try peek() {
        case UInt8(ascii: "{"): return .value(try read(&self))
        case UInt8(ascii: "n"):
            try readLiteral("null")
            // Only a top-level `null` is an error here; a field's `null` clears it.
            if rank < 0 { noteWrongType("an object", isNull: true, rank: rank) }
            return .null
        default:
            try skipValue()
            noteWrongType("an object", rank: rank)
            return .absent
        }
    }

    /// Reads any value as a three-state field of ``ProfileDomain/JSONValue``.
    package mutating func readPatchJSONValue() throws(ProfileError) -> PatchField<JSONValue> {
        if try readNull() { return .null }
        return .value(try readJSONValue())
    }
}
