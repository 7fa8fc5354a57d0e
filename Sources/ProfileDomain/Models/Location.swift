/// Where a user says they are, in either of the specs' shapes, without losing either.
///
/// The creator spec sends components (`{city, state, country}`); the social spec sends one
/// free-form string (`"Nairobi, Kenya"`), kept in ``text``. A location may hold both.
/// ``displayText`` is what a single-string wire format shows.
public struct Location: Sendable, Hashable, Codable {
    /// The city, e.g. `New York`.
    public var city: String?
    /// The state, province or region, e.g. `NY`.
    public var state: String?
    /// The country, e.g. `USA`.
    public var country: String?
    /// A free-form location as the social spec sends it, e.g. `Nairobi, Kenya`.
    public var text: String?

    /// Creates a location; every part is optional.
    public init(city: String? = nil, state: String? = nil, country: String? = nil, text: String? = nil) {
        self.city = city
        self.state = state
        self.country = country
        self.text = text
    }

    /// Whether no part is set; an empty location is stored as no location.
    public var isEmpty: Bool { city == nil && state == nil && country == nil && text == nil }

    /// The one-line form: ``text`` when set, else the set components joined by `", "`, else `nil`.
    public var displayText: String? {
        if let text { return text }
        let parts = [city, state, country].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
