import ProfileDomain

/// The rule a request type applies to the keys of a body: which it reads, which the server owns,
/// which another endpoint changes; every other key is unknown.
///
/// Rejected keys become ``FieldError``s (never silently dropped) so that one response lists every
/// problem: a server-owned key is ``FieldErrorCode/readOnly``, a key another endpoint owns is
/// ``FieldErrorCode/notUpdatableHere`` with a pointer to that endpoint, anything else is
/// ``FieldErrorCode/unknownField``. Errors come sorted by field path, so output is deterministic.
struct RequestKeyScreen: Sendable {
    /// Keys the request type decodes.
    var accepted: Set<String>
    /// Keys the server sets; a body may not carry them.
    var serverOwned: Set<String>
    /// Keys another endpoint changes, each with the sentence that says where.
    var elsewhere: [String: String] = [:]

    /// The field errors for the keys of `container` that this screen does not accept.
    ///
    /// `path` prefixes each field (`preferences` gives `preferences.theme`).
    func rejections(
        in container: KeyedDecodingContainer<DynamicCodingKey>, under path: String? = nil
    )
        -> [FieldError]
    {
        rejections(of: container.allKeys.map(\.stringValue), under: path)
    }

    /// The field errors for those of `keys` that this screen does not accept, sorted by key.
    func rejections(of keys: [String], under path: String? = nil) -> [FieldError] {
        // The usual body has no key to reject: no set look-ups, sort or map then.
        guard !keys.isEmpty else { return [] }
        return keys.filter { !accepted.contains($0) }.sorted().map { key in
            let field = path.map { "\($0).\(key)" } ?? key
            if serverOwned.contains(key) {
                return FieldError(
                    field: field, code: .readOnly, message: "\(key) is set by the server and cannot be changed")
            }
            if let pointer = elsewhere[key] {
                return FieldError(field: field, code: .notUpdatableHere, message: pointer)
            }
            return FieldError(
                field: field, code: .unknownField,
                message: "\(key) is not a field of this request; accepted fields are "
                    + accepted.sorted().joined(separator: ", "))
        }
    }
}

extension KeyedDecodingContainer where Key == DynamicCodingKey {
    /// Decodes a three-state field by its wire name.
    func decodePatchField<Value: Decodable>(
        _ type: Value.Type = Value.self, forKey name: String
    ) throws
        -> PatchField<Value>
    {
        try decodePatchField(type, forKey: DynamicCodingKey(name))
    }

    /// Decodes a three-state object field by its wire name: `decode` reads a present object's
    /// members, and its result is the field's value.
    func decodePatchObject<Value>(
        forKey name: String, _ decode: (KeyedDecodingContainer<DynamicCodingKey>) throws -> Value
    ) throws -> PatchField<Value> {
        let key = DynamicCodingKey(name)
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(try nestedContainer(keyedBy: DynamicCodingKey.self, forKey: key)))
    }
}

extension KeyedEncodingContainer where Key == DynamicCodingKey {
    /// Encodes a three-state field by its wire name.
    mutating func encodePatchField<Value: Encodable>(_ field: PatchField<Value>, forKey name: String) throws {
        try encodePatchField(field, forKey: DynamicCodingKey(name))
    }
}
