import ProfileDomain

/// Groups field errors into the `{field: message}` maps of the specs' error envelopes.
///
/// `rename` turns the model's field path into the spec's own spelling (`firstName` ->
/// `first_name`): a whole path found in it is replaced, else its first component is, so
/// `socialLinks.instagram` and `preferences.theme` keep their inner keys.
enum FieldErrorMessages {
    /// Every message per field, in the order the errors came.
    static func lists(_ errors: [FieldError], rename: [String: String] = [:]) -> [String: [String]] {
        var lists: [String: [String]] = [:]
        for error in errors {
            lists[renamed(error.field, with: rename), default: []].append(error.message)
        }
        return lists
    }

    /// One message per field: several messages for the same field are joined with `"; "` so that
    /// none is lost while the value stays the single string the specs show.
    static func joined(_ errors: [FieldError], rename: [String: String] = [:]) -> [String: String] {
        lists(errors, rename: rename).mapValues { $0.joined(separator: "; ") }
    }

    static func renamed(_ field: String, with rename: [String: String]) -> String {
        guard !rename.isEmpty else { return field }
        if let whole = rename[field] { return whole }
        let end = field.firstIndex { $0 == "." || $0 == "[" } ?? field.endIndex
        guard let wireName = rename[String(field[..<end])] else { return field }
        return wireName + field[end...]
    }
}
