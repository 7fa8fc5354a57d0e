extension CreatorWire {
    /// A location as the creator spec writes it: `{city, state, country}`.
    ///
    /// Parts that are not set are left out. A location that also (or only) holds the free-form
    /// text another spec sent carries it in `text`, so no part of the model's ``Location`` is lost.
    public struct LocationPayload: Sendable, Hashable, Codable {
        /// The city.
        public var city: String?
        /// The state or region.
        public var state: String?
        /// The country.
        public var country: String?
        /// The free-form location, when one was sent through another spec.
        public var text: String?

        /// Creates a payload.
        public init(city: String? = nil, state: String? = nil, country: String? = nil, text: String? = nil) {
            self.city = city
            self.state = state
            self.country = country
            self.text = text
        }

        /// The payload of a model location.
        public init(_ location: Location) {
            self.init(city: location.city, state: location.state, country: location.country, text: location.text)
        }
    }
}
