import ProfileDomain

extension DjangoWire {
    /// DRF's `serializer.errors`: every failing field mapped to its list of messages,
    /// `{"first_name": ["Ensure this field has no more than 200 characters."]}`.
    ///
    /// Errors not tied to a field go under `non_field_errors`, as DRF puts them. Beside the
    /// fields, the key `details` holds the library's machine-readable list (``ErrorDetail``); no
    /// field of any request is called `details`, and a rejected key of that name is reported
    /// under `non_field_errors` so the two never collide.
    public struct ValidationErrors: Sendable, Hashable, Codable {
        /// Messages by field, in the order reported.
        public let fields: [String: [String]]
        /// Every reason as `{field, code, limit}`; `nil` (no key) only in a body built by hand.
        public let details: [ErrorDetail]?

        /// Creates a map.
        init(fields: [String: [String]], details: [ErrorDetail]? = nil) {
            self.fields = fields
            self.details = details
        }

        /// Decodes the object: `details` when present, every other key a field.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: DynamicCodingKey.self)
            var fields: [String: [String]] = [:]
            for key in container.allKeys where key.stringValue != Self.detailsKey {
                fields[key.stringValue] = try container.decode([String].self, forKey: key)
            }
            self.fields = fields
            self.details = try container.decodeIfPresent([ErrorDetail].self, forKey: DynamicCodingKey(Self.detailsKey))
        }

        /// Encodes the object.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicCodingKey.self)
            for (field, messages) in fields { try container.encode(messages, forKey: DynamicCodingKey(field)) }
            try container.encodeIfPresent(details, forKey: DynamicCodingKey(Self.detailsKey))
        }

        /// The key of the machine-readable list.
        static let detailsKey = "details"
    }
}
