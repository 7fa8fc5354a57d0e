/// Why the server could not start or a command could not run.
public enum ServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A setting is missing or wrong; the text says what would be right.
    case configuration(String)
    /// The data directory or the database could not be used.
    case storage(String)

    /// The message for the operator.
    public var description: String {
        switch self {
        case .configuration(let message): "configuration: \(message)"
        case .storage(let message): "storage: \(message)"
        }
    }
}
