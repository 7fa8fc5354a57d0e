import ProfileDomain

/// One machine-readable reason in an error response's `details` list: `{field, code, limit}`.
///
/// Every error envelope of every spec carries `details` beside the spec's own fields, so a
/// frontend can localise without parsing English: one entry per field error, with the field in
/// the spec's own spelling (`display_name` for mobile, `first_name` for Django), its stable
/// ``ProfileDomain/FieldErrorCode`` and the limit it broke; an error tied to no field (401, 404,
/// 412...) is one entry with `field` `null` and the ``ProfileDomain/ProfileError/Code``.
/// `field` and `limit` are always present, `null` when there is none.
public struct ErrorDetail: Sendable, Hashable, Codable {
    /// The field in the spec's spelling, or `nil` for an error of the whole request.
    public let field: String?
    /// The stable code: `too_long`, `taken`, ... for a field; `unauthenticated`, ... otherwise.
    public let code: String
    /// The limit the value broke (characters, bytes, items, pixels), or `nil`.
    public let limit: Int?

    init(field: String?, code: String, limit: Int?) {
        self.field = field
        self.code = code
        self.limit = limit
    }

    /// The details of `error`, with the paths its field errors carry (see ``FieldErrorMessages``).
    static func list(_ error: ProfileError) -> [ErrorDetail] {
        guard !error.fieldErrors.isEmpty else {
            return [ErrorDetail(field: nil, code: error.code.rawValue, limit: nil)]
        }
        return error.fieldErrors.map { fieldError in
            ErrorDetail(
                field: fieldError.field, code: fieldError.code.rawValue, limit: fieldError.limit)
        }
    }

    private enum CodingKeys: String, CodingKey { case field, code, limit }

    /// Encodes every key, `null` included, so the shape is the same for every entry.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(code, forKey: .code)
        try container.encode(limit, forKey: .limit)
    }
}
