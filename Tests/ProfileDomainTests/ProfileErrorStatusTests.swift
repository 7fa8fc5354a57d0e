import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

@Suite("ProfileHTTP chooses the status of each error code; the domain carries none")
struct ProfileErrorStatusTests {
    static let table: [(ProfileError.Code, Int)] = [
        (.validationFailed, 422), (.malformedRequest, 400), (.unauthenticated, 401), (.forbidden, 403),
        (.notFound, 404), (.methodNotAllowed, 405), (.usernameTaken, 409), (.emailTaken, 409),
        (.versionConflict, 412), (.payloadTooLarge, 413), (.unsupportedMediaType, 415),
        (.invalidRelationship, 400), (.accountSuspended, 403), (.accountStateConflict, 409),
        (.storeUnavailable, 503), (.internalError, 500), (.usernameHeld, 409), (.profileMoved, 404),
    ]

    @Test("each code the library defines has its documented status", arguments: table)
    func defaultStatus(code: ProfileError.Code, expected: Int) {
        #expect(ProfileError(code: code, message: "m").status.code == expected)
    }

    @Test("every code in the status table is one the table test lists, so none is left untested")
    func tableIsComplete() {
        #expect(Set(HTTPStatus.byCode.keys) == Set(Self.table.map(\.0)))
    }

    @Test("a code the library does not define is 500: nothing says the client could fix it")
    func unknownCode() {
        #expect(ProfileError(code: "made_up_by_a_server", message: "m").status == .internalServerError)
    }

    @Test("the description shows the code and message, not a status")
    func description() {
        #expect(ProfileError.unauthenticated.description == "unauthenticated: Authentication is required")
    }
}
