/// One field of a partial update, in the three states of RFC 7396 (JSON Merge Patch).
///
/// - ``absent``: the key was not in the body; keep the stored value.
/// - ``null``: the key was present with `null`; clear an optional field. For a required field
///   this is a validation error, never a silent wipe.
/// - ``value(_:)``: the key was present with a value; set it.
///
/// Decoding tells the three apart through `KeyedDecodingContainer.decodePatchField(_:forKey:)`;
/// encoding writes nothing for ``absent`` and `null` for ``null``.
public enum PatchField<Value> {
    /// The field was not sent: keep what is stored.
    case absent
    /// The field was sent as `null`: clear it.
    case null
    /// The field was sent with a value: set it.
    case value(Value)

    /// Whether the body named this field at all (`null` or a value).
    public var isPresent: Bool {
        if case .absent = self { return false }
        return true
    }

    /// The value, or `nil` when the field is absent or `null`.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// The field after `transform` is applied to its value; absent and `null` are kept.
    public func map<NewValue>(_ transform: (Value) throws -> NewValue) rethrows -> PatchField<NewValue> {
        switch self {
        case .absent: .absent
        case .null: .null
        case .value(let value): .value(try transform(value))
        }
    }

    /// The result of merging this field over `current`: absent keeps it, `null` clears it, a value
    /// replaces it.
    public func merged(over current: Value?) -> Value? {
        switch self {
        case .absent: current
        case .null: nil
        case .value(let value): value
        }
    }
}

extension PatchField: Sendable where Value: Sendable {}
extension PatchField: Equatable where Value: Equatable {}
extension PatchField: Hashable where Value: Hashable {}

extension PatchField {
    /// A field built from an optional: `nil` becomes ``null``.
    public init(_ optional: Value?) {
        self = optional.map(PatchField.value) ?? .null
    }
}

extension KeyedDecodingContainer {
    /// Decodes a three-state field: ``PatchField/absent`` when `key` is missing,
    /// ``PatchField/null`` when it holds `null`, ``PatchField/value(_:)`` otherwise.
    public func decodePatchField<Value: Decodable>(
        _ type: Value.Type = Value.self,
        forKey key: Key
    ) throws -> PatchField<Value> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(Value.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// Encodes a three-state field: nothing for ``PatchField/absent``, `null` for
    /// ``PatchField/null``, the value otherwise.
    public mutating func encodePatchField<Value: Encodable>(_ field: PatchField<Value>, forKey key: Key) throws {
        switch field {
        case .absent: break
        case .null: try encodeNil(forKey: key)
        case .value(let value): try encode(value, forKey: key)
        }
    }
}
