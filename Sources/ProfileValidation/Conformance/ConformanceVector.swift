import ProfileDomain

/// One language-neutral test case: a request body, the stored profile it meets (or none, on
/// create), and the field codes the policy reports, by path.
///
/// `input` is the preset's request body: the canonical camelCase body (``ProfileDomain/ProfileField`` raw values,
/// `email`, `phoneNumber`, `preferences` with the mobile spec's snake-case keys) with its top-level
/// keys renamed by ``ValidationPolicy/wireNames``, so Django vectors say `first_name` and mobile
/// vectors `display_name`. `existing` holds the stored profile's fields in the canonical shape.
/// An empty `expected` means the body is valid.
public struct ConformanceVector: Sendable, Hashable, Codable {
    /// What the case pins, in words.
    public let name: String
    /// The request body.
    public let input: JSONValue
    /// The stored profile's fields, or `nil` when the request creates the profile.
    public let existing: JSONValue?
    /// The codes reported at each path; empty when valid.
    public let expected: [String: [String]]

    /// Creates a vector (the generator's; a frontend decodes the checked-in files).
    init(name: String, input: JSONValue, existing: JSONValue?, expected: [String: [String]]) {
        self.name = name
        self.input = input
        self.existing = existing
        self.expected = expected
    }

    private enum CodingKeys: String, CodingKey {
        case name, input, existing, expected
    }

    /// Encodes every key; `existing` is `null` for a create.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(input, forKey: .input)
        try container.encode(existing ?? .null, forKey: .existing)
        try container.encode(expected, forKey: .expected)
    }

    /// Decodes a vector written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.name = try container.decode(String.self, forKey: .name)
        self.input = try container.decode(JSONValue.self, forKey: .input)
        let existing = try container.decode(JSONValue.self, forKey: .existing)
        self.existing = existing == .null ? nil : existing
        self.expected = try container.decode([String: [String]].self, forKey: .expected)
    }
}
