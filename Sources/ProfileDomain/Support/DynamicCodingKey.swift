/// A coding key made from any string, for objects whose keys are data (social links,
/// preferences) and for scanning a body for keys a request type does not declare.
package struct DynamicCodingKey: CodingKey, Hashable, Sendable {
    /// The key.
    package let stringValue: String
    /// Always `nil`: these keys name object members, not array positions.
    package var intValue: Int? { nil }

    /// Creates a key from a string.
    package init(_ stringValue: String) { self.stringValue = stringValue }
    /// Creates a key from a string.
    package init?(stringValue: String) { self.stringValue = stringValue }
    /// Integer keys are not supported.
    package init?(intValue: Int) { nil }
}
