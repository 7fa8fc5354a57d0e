/// The limits of the creator spec's `niche` list.
///
/// Each niche is trimmed and lowercased (Unicode lowercase mapping), so `Fitness` is stored as
/// `fitness` and a list holding both `Fitness` and `fitness` is refused as a duplicate. A niche
/// holds letters and digits of any script, spaces and `-`, `&`, `'`, `+`, `.`; nothing else.
public struct NicheRule: Sendable, Hashable {
    /// The fewest items a list may hold (1 in the creator spec); an empty list is `required`.
    public var minimumCount: Int
    /// The most items a list may hold (5 in the creator spec).
    public var maximumCount: Int
    /// The limits of one item.
    public var item: TextRule

    /// Creates a rule.
    public init(minimumCount: Int = 1, maximumCount: Int = 5, item: TextRule = .singleLine(1...30)) {
        self.minimumCount = minimumCount
        self.maximumCount = maximumCount
        self.item = item
    }
}
