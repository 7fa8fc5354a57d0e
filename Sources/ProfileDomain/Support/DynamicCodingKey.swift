/// A coding key made from any string, for objects whose keys are data (social links,
/// preferences) and for scanning a body for keys a request type does not declare.
public struct DynamicCodingKey: CodingKey, Hashable, Sendable {
    /// The key.
    public let stringValue: String
    /// Always `nil`: these keys name object members, not array positions.
    public var intValue: Int? { nil }

    /// Creates a key from a string.
    public init(_ stringValue: String) { self.stringValue = stringValue }
    /// Creates a key from a string.
    public init?(stringValue: String) { self.stringValue = stringValue }
    /// Integer keys are not supported.
    public init?(intValue: Int) { nil }
}
