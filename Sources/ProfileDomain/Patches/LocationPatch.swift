/// A merge patch for ``Location``: each part is absent (keep), `null` (clear) or a value.
///
/// As in RFC 7396, a location object in a body merges part by part; `"location": null` clears
/// the whole location (see ``ProfilePatch/location``). A location left with no part is stored as
/// no location.
public struct LocationPatch: Sendable, Hashable {
    /// The city.
    public var city: PatchField<String>
    /// The state or region.
    public var state: PatchField<String>
    /// The country.
    public var country: PatchField<String>
    /// The free-form text (the social spec's `location` string).
    public var text: PatchField<String>

    /// Creates a patch; every part defaults to absent.
    public init(
        city: PatchField<String> = .absent,
        state: PatchField<String> = .absent,
        country: PatchField<String> = .absent,
        text: PatchField<String> = .absent
    ) {
        self.city = city
        self.state = state
        self.country = country
        self.text = text
    }

    /// The location after merging this patch over `current`; `nil` when no part remains.
    public func merged(over current: Location?) -> Location? {
        let merged = Location(
            city: city.merged(over: current?.city),
            state: state.merged(over: current?.state),
            country: country.merged(over: current?.country),
            text: text.merged(over: current?.text)
        )
        return merged.isEmpty ? nil : merged
    }
}

extension LocationPatch: Codable {
    private enum CodingKeys: String, CodingKey {
        case city, state, country, text
    }

    /// Decodes an object whose keys are each absent, `null` or a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.city = try container.decodePatchField(forKey: .city)
        self.state = try container.decodePatchField(forKey: .state)
        self.country = try container.decodePatchField(forKey: .country)
        self.text = try container.decodePatchField(forKey: .text)
    }

    /// Encodes the present parts only.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodePatchField(city, forKey: .city)
        try container.encodePatchField(state, forKey: .state)
        try container.encodePatchField(country, forKey: .country)
        try container.encodePatchField(text, forKey: .text)
    }
}
