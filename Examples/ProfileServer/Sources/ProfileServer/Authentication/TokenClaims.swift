import JWTKit

/// The claims of the server's bearer tokens: the user id in `sub`, an expiry, optional roles;
/// an operator's token carries `scopes`, and its `sub` is then the operator's name.
struct TokenClaims: JWTPayload {
    /// The user id, or the operator's name when ``scopes`` is present.
    var sub: SubjectClaim
    /// When the token stops being accepted.
    var exp: ExpirationClaim
    /// When it was issued.
    var iat: IssuedAtClaim
    /// Roles the token grants (for example `admin`); absent means none.
    var roles: [String]?
    /// The operator scopes the token grants (`accounts:suspend`, ...); present makes the token an
    /// operator's (even when empty), absent a user's.
    var scopes: [String]?

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
