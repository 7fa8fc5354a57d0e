import ProfileDomain

/// Groups field errors into the `{field: message}` maps of the specs' error envelopes.
///
/// Paths are taken as the errors carry them: validation words each error with the field's wire
/// name (the spec's preset maps it once, in ``ProfileValidation/ValidationPolicy/wirePath(_:)``), and
/// the body decoder reports the body's own keys, so nothing is renamed here.
enum FieldErrorMessages {
    /// Every message per field, in the order the errors came.
    static func lists(_ errors: [FieldError]) -> [String: [String]] {
        var lists: [String: [String]] = [:]
        for error in errors {
            lists[error.field, default: []].append(error.message)
        }
        return lists
    }

    /// One message per field: several messages for the same field are joined with `"; "` so that
    /// none is lost while the value stays the single string the specs show.
    static func joined(_ errors: [FieldError]) -> [String: String] {
        lists(errors).mapValues { $0.joined(separator: "; ") }
    }
}
