import ProfileDomain

/// The creator platform's wire format (`/api/v1/profiles/me`, `/api/v1/users/me`,
/// `/api/v1/profiles/upload-media`): camelCase keys, `{success, profile}` on success,
/// `{success, message, error}` on failure, RFC 3339 dates with `Z`.
///
/// See `Docs/WireFormats.md` for the field table and the decisions behind each shape.
public enum CreatorWire {}
