import Foundation
import ProfileKit
import Testing

/// Every example request and response in `Docs/Specs/*.md` is executed, in page order, against
/// both stores, and the documented status, headers and JSON body must be what the library answers.
/// The docs cannot drift from the code.
@Suite("Documented examples")
struct DocExamplesTests {
    @Test("every example in a spec page is what the library answers", arguments: try DocPage.all(), StoreKind.allCases)
    func examplesHold(page: DocPage, kind: StoreKind) async throws {
        #expect(!page.examples.isEmpty, "\(page.file) documents no example")
        let spec = try #require(ProfileSpec.Name(rawValue: page.setup.spec))
        let client = try SpecClient(kind, spec: spec, now: page.setup.now)
        defer { client.cleanUp() }
        for account in page.setup.accounts {
            try await client.service.registerAccount(try Self.account(account))
        }

        for example in page.examples {
            let response = await client.api.respond(to: example.request)
            #expect(response.status.code == example.expectedStatus, "\(example.title)\n\(response.bodyText)")
            for (name, value) in example.expectedHeaders where name != "Content-Type" {
                #expect(response.headers[name] == value, "\(example.title): header \(name)")
            }
            let expected = try JSONSerialization.jsonObject(
                with: Data(example.expectedBody.utf8), options: [.fragmentsAllowed])
            let actual = try JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
            #expect(
                JSONMatch.matches(actual, expected),
                "\(example.title)\nexpected: \(example.expectedBody)\nactual: \(response.bodyText)")
        }
    }

    static func account(_ setup: DocPage.SetupAccount) throws -> Account {
        Account(
            userID: try UserID(setup.userId).orThrow(DocError("bad user id \(setup.userId)")),
            email: setup.email, phoneNumber: setup.phoneNumber, isVerified: setup.isVerified ?? false,
            isEmailVerified: setup.isEmailVerified ?? false, isPhoneVerified: setup.isPhoneVerified ?? false,
            isTwoFactorEnabled: setup.isTwoFactorEnabled ?? false, roles: setup.roles ?? ["ROLE_USER"],
            createdAt: try WireTimestamp.parse(setup.createdAt).orThrow(DocError("bad date \(setup.createdAt)")))
    }
}
