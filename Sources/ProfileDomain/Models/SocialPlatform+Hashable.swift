extension SocialPlatform {
    // The standard library's default `hash(into:)` for a `String`-backed enum hashes the raw
    // string. A dictionary probes through `_rawHashValue(seed:)`, and `hashValue` is a member too:
    // all three are given here so that every way of hashing a platform hashes its case, as an
    // `Int` hashes (about a third of the raw string's cost), whatever the defaults forward to. Nothing depends on the order this gives a
    // `[SocialPlatform: ...]`: hashing is seeded per process, so every output sorts its links.

    /// Two platforms are equal when they are the same case (so when their raw values are equal).
    public static func == (lhs: SocialPlatform, rhs: SocialPlatform) -> Bool {
        lhs.order == rhs.order
    }

    /// Hashes the case, not its raw value; equal platforms hash alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(order)
    }

    /// The case's hash value, the same as a `Hasher` given only this platform produces.
    public var hashValue: Int {
        order.hashValue
    }

    /// The case's hash with the given seed, what `Set` and `Dictionary` probe with; agrees with
    /// ``hash(into:)``.
    public func _rawHashValue(seed: Int) -> Int {
        order._rawHashValue(seed: seed)
    }
}
