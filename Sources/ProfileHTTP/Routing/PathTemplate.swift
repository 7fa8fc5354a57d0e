/// A route's path template split into segments, and the matching of a request path against it.
///
/// Segments are compared exactly; `{name}` matches any one non-empty segment, whose
/// percent-decoded text becomes the parameter `name`. Empty segments (a trailing or doubled
/// slash) are ignored on both sides.
struct PathTemplate: Sendable, Hashable {
    /// A literal segment or a named parameter.
    enum Segment: Sendable, Hashable {
        case literal(Substring)
        case parameter(String)
    }

    let segments: [Segment]

    init(_ template: String) {
        segments = template.split(separator: "/").map { segment in
            segment.first == "{" && segment.last == "}"
                ? .parameter(String(segment.dropFirst().dropLast())) : .literal(segment)
        }
    }

    /// The parameter names, in order.
    var parameters: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }

    /// The number of literal segments: a route with more of them is the more specific match.
    var literalCount: Int { segments.count - parameters.count }

    /// The parameters when `path` (already split) matches, else `nil`.
    func match(_ path: [Substring]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let literal): guard literal == part else { return nil }
            case .parameter(let name): parameters[name] = part.percentDecoded
            }
        }
        return parameters
    }

    /// How many leading segments of `path` this template shares, for choosing whose envelope a
    /// 404 is written in.
    func sharedPrefixLength(with path: [Substring]) -> Int {
        zip(segments, path).prefix(while: { segment, part in segment == .literal(part) }).count
    }
}
