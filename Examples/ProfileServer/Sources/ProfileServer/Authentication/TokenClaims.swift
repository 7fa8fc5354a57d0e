import JWTKit

/// The claims of the server's bearer tokens: the user id in `sub`, an expiry, optional roles.
struct TokenClaims: JWTPayload {
    /// The user id.
    var sub: SubjectClaim
    /// When the token stops being accepted.
    var exp: ExpirationClaim
    /// When it was issued.
    var iat: IssuedAtClaim
    /// Roles the token grants (for example `admin`); absent means none.
    var roles: [String]?

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
