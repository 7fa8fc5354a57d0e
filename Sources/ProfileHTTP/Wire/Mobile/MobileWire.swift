import ProfileDomain

/// The mobile app's wire format (`GET` and `POST /mobile/user/profile`): snake_case keys,
/// `display_name` and `preferences` inside `user_profile`, RFC 3339 dates with `Z`.
///
/// The spec defines no error body; ``MobileWire/ErrorResponse`` is the library's design. See
/// `Docs/WireFormats.md`.
public enum MobileWire {}
