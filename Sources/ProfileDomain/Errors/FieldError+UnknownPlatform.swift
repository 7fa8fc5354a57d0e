extension FieldError {
    /// The error for a social-link key that is no ``SocialPlatform``, worded here once for every
    /// layer that meets one (validation, and a wire format that refuses the key while decoding):
    /// `socialLinks.myspace is not a supported platform; use instagram, tiktok, youtube, twitch, twitter or linkedin`.
    ///
    /// `root` is the path of the links object as the request spells it. The key is shown as at
    /// most 64 printable ASCII characters, so a hostile key cannot put control characters or a
    /// megabyte into a message.
    public static func unknownPlatform(
        _ key: String, under root: String = ProfileField.socialLinks.rawValue
    )
        -> FieldError
    {
        let path = "\(root).\(displayKey(key))"
        return FieldError(
            field: path, code: .unknownField,
            message: "\(path) is not a supported platform; use "
                + alternatives(SocialPlatform.allCases.map(\.rawValue)))
    }

    /// A key from a request, made safe to put in a path or message: at most 64 printable ASCII
    /// characters, anything else replaced by `?`, and `...` after a longer key.
    package static func displayKey(_ key: String) -> String {
        var result = ""
        for scalar in key.unicodeScalars.prefix(64) {
            result.unicodeScalars.append((0x21...0x7E).contains(scalar.value) ? scalar : "?")
        }
        return key.unicodeScalars.count > 64 ? result + "..." : result
    }

    /// `a, b or c`: the accepted values as a message lists them.
    package static func alternatives(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + last
    }
}
