/// A location inside a JSON document, written as the library writes field paths:
/// `socialLinks.instagram`, `niche[2]`, `preferences.voice_preference`.
struct JSONPath {
    enum Component {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []

    /// The path, or `body` for the document itself.
    var description: String {
        var result = ""
        for component in components {
            switch component {
            case .key(let key):
                let shown = Messages.displayKey(key)
                result += result.isEmpty ? shown : "." + shown
            case .index(let index):
                result += "[\(index)]"
            }
        }
        return result.isEmpty ? "body" : result
    }

    /// The path of a decoder's coding path.
    init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) }
    }

    init() {}
}
