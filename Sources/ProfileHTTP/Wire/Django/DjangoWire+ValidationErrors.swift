import ProfileDomain

extension DjangoWire {
    /// DRF's `serializer.errors`: every failing field mapped to its list of messages,
    /// `{"first_name": ["Ensure this field has no more than 200 characters."]}`.
    ///
    /// Errors not tied to a field go under `non_field_errors`, as DRF puts them.
    public struct ValidationErrors: Sendable, Hashable, Codable {
        /// Messages by field, in the order reported.
        public var fields: [String: [String]]

        /// Creates a map.
        public init(fields: [String: [String]]) {
            self.fields = fields
        }

        /// Decodes the object.
        public init(from decoder: any Decoder) throws {
            self.fields = try decoder.singleValueContainer().decode([String: [String]].self)
        }

        /// Encodes the object.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(fields)
        }
    }
}
