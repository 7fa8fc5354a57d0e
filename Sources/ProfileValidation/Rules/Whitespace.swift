/// Trimming shared by fields that are not free text (usernames, URLs, emails, phones).
enum Whitespace {
    /// `string` without leading and trailing Unicode whitespace; the same string when there is none.
    static func trimmed(_ string: String) -> String {
        let utf8 = string.utf8
        guard let first = utf8.first, let last = utf8.last else { return string }
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return string }
        let scalars = string.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
