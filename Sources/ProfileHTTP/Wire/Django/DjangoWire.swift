import ProfileDomain

/// The Django REST Framework wire format (`/api/users/...`): snake_case keys (`first_name`,
/// `number_phone`), an integer primary key, the bare serializer object as the body, DRF-style
/// validation errors (`{"field": ["message"]}`) and `{"error": ...}` for everything else.
///
/// See `Docs/WireFormats.md` for the field table and the decisions behind each shape.
public enum DjangoWire {}
