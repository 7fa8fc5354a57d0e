/// Why ``PostgresProfileStore/importContents(_:)`` refused or failed.
public enum PostgresImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target already holds users; an import goes into an empty schema only.
    case targetNotEmpty(userCount: Int)
    /// A record, edge, hold or history read back differs from the one written (the import was rolled back).
    case mismatch(String)

    /// The error in words.
    public var description: String {
        switch self {
        case .targetNotEmpty(let count):
            "the target schema already holds \(count) users; import into an empty schema (a new ?schema=name)"
        case .mismatch(let what):
            "\(what) read back differently from what was written; nothing was imported"
        }
    }
}
