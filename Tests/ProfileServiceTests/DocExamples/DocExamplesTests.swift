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
        let clock = TestClock(try #require(WireTimestamp.parse(page.setup.now)))
        let spec = try #require(ProfileEndpoints.Spec(rawValue: page.setup.spec))
        let harness = try ServiceHarness(kind, policy: Self.policy(for: spec), clock: clock)
        defer { harness.cleanUp() }
        for account in page.setup.accounts {
            try await harness.service.registerAccount(try Self.account(account))
        }
        let endpoints = ProfileEndpoints(spec, service: harness.service)

        for example in page.examples {
            let response = await endpoints.respond(to: example.request)
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

    static func policy(for spec: ProfileEndpoints.Spec) -> ValidationPolicy {
        switch spec {
        case .creator: .creator
        case .social: .social
        case .mobile: .mobile
        case .django: .django
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

/// JSON equality where the expected string `"<any>"` matches any value.
enum JSONMatch {
    static func matches(_ actual: Any, _ expected: Any) -> Bool {
        if let wildcard = expected as? String, wildcard == "<any>" { return true }
        switch (actual, expected) {
        case (let actual as [String: Any], let expected as [String: Any]):
            return Set(actual.keys) == Set(expected.keys)
                && expected.allSatisfy { key, value in actual[key].map { matches($0, value) } ?? false }
        case (let actual as [Any], let expected as [Any]):
            return actual.count == expected.count && zip(actual, expected).allSatisfy { matches($0, $1) }
        case (is NSNull, is NSNull):
            return true
        default:
            return (actual as? NSObject) == (expected as? NSObject)
        }
    }
}
