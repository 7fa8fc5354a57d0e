import Foundation
import ProfileServer
import Testing

/// `Docs/openapi.yaml` and the routes the server registers agree both ways.
@Suite("OpenAPI contract")
struct OpenAPIContractTests {
    static let methods: Set<String> = ["get", "put", "post", "patch", "delete", "head", "options"]

    /// The `(METHOD, path)` pairs under `paths:`: a path is a key indented by two spaces, an
    /// operation a method key indented by four under it.
    static func documentedOperations(_ yaml: String) -> Set<String> {
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") && !line.hasPrefix("#") && !line.isEmpty { inPaths = line == "paths:" }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path {
                let key = line.dropFirst(4).prefix { $0 != ":" }
                if methods.contains(String(key)) { operations.insert("\(key.uppercased()) \(path)") }
            }
        }
        return operations
    }

    static func document() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Docs/openapi.yaml"), encoding: .utf8)
    }

    @Test("Every registered route is documented and every documented operation is registered")
    func bothWays() async throws {
        let configuration = ServerConfiguration(
            dataDirectory: TestServer.temporaryDirectory(), jwtSecret: TestServer.secret, inMemory: true)
        let server = try await ReferenceServer(configuration: configuration, logger: .init(label: "contract"))
        let registered = Set(
            (server.routes.routeTable + ReferenceServer.ownRoutes).map { "\($0.method) \($0.path)" })
        let documented = Self.documentedOperations(try Self.document())
        #expect(registered.count >= 20)
        #expect(registered.subtracting(documented).sorted() == [], "routes missing from Docs/openapi.yaml")
        #expect(documented.subtracting(registered).sorted() == [], "documented operations the server lacks")
    }

    @Test("The scanner reads operations under paths only")
    func scanner() {
        let yaml = """
            openapi: 3.1.0
            paths:
              /a/{id}:
                get:
                  responses: {}
                parameters: []
              /b/:
                delete:
                  summary: x
            components:
              schemas:
                get:
                  type: object
            """
        #expect(Self.documentedOperations(yaml) == ["GET /a/{id}", "DELETE /b/"])
    }
}
