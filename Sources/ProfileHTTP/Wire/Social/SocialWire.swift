import ProfileDomain

/// The social platform's wire format (`/api/v1/profile/...`): camelCase keys with `userName`,
/// `editedAt` and `profilePictureUrl`, every body wrapped in the envelope
/// `{success, httpStatus, message, action_time, data}`, and zone-less UTC timestamps
/// (`2026-05-19T10:30:45`).
///
/// See `Docs/WireFormats.md` for the field table and the decisions behind each shape.
public enum SocialWire {}
