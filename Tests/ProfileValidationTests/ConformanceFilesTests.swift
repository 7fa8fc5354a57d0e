import Foundation
import ProfileDomain
import Testing

@testable import ProfileValidation

/// The checked-in `Conformance/` files are the generators' output. Rewrite them with
/// `PROFILEKIT_WRITE_VECTORS=1 swift test --filter ConformanceFiles`.
@Suite("Conformance files")
struct ConformanceFilesTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Conformance")
    static let rewrite = ProcessInfo.processInfo.environment["PROFILEKIT_WRITE_VECTORS"] == "1"

    static func check(_ contents: String, file name: String) throws {
        let url = folder.appendingPathComponent(name)
        if rewrite {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        let stored = try String(contentsOf: url, encoding: .utf8)
        #expect(
            stored == contents,
            "\(name) differs from the generator; run PROFILEKIT_WRITE_VECTORS=1 swift test --filter ConformanceFiles")
    }

    @Test("the checked-in vectors match what the library generates", arguments: ValidationPolicy.presets)
    func vectorsMatch(policy: ValidationPolicy) throws {
        try Self.check(try ConformanceVectors.fileContents(for: policy), file: "\(policy.name).json")
    }

    @Test("the checked-in JSON Schemas match what the exporter generates", arguments: ValidationPolicy.presets)
    func schemasMatch(policy: ValidationPolicy) throws {
        let schema = try ConformanceVectors.encodeForFile(JSONSchemaExporter.schema(for: policy))
        try Self.check(schema, file: "\(policy.name).schema.json")
    }

    @Test(
        "every vector's expected codes are what the library reports for its input", arguments: ValidationPolicy.presets)
    func vectorsAgreeWithLibrary(policy: ValidationPolicy) throws {
        // While rewriting, the file may be mid-write by the test above, so read from a fresh encoding.
        let data =
            Self.rewrite
            ? Data(try ConformanceVectors.fileContents(for: policy).utf8)
            : try Data(contentsOf: Self.folder.appendingPathComponent("\(policy.name).json"))
        struct Document: Decodable { var vectors: [ConformanceVector] }
        let document = try JSONDecoder().decode(Document.self, from: data)
        #expect(document.vectors.count > 20)
        for vector in document.vectors {
            let actual = ConformanceVectors.expectedCodes(
                input: vector.input, existing: vector.existing, policy: policy)
            #expect(actual == vector.expected, "\(vector.name)")
        }
    }

    @Test("vectors cover valid and invalid bodies for every preset", arguments: ValidationPolicy.presets)
    func vectorsCoverBothOutcomes(policy: ValidationPolicy) {
        let vectors = ConformanceVectors.vectors(for: policy)
        #expect(vectors.contains { $0.expected.isEmpty })
        #expect(vectors.contains { !$0.expected.isEmpty })
        #expect(Set(vectors.map(\.name)).count == vectors.count, "vector names are unique")
    }

    @Test("a schema lists its required-on-create fields and forbids unknown keys")
    func schemaShape() throws {
        let schema = JSONSchemaExporter.schema(for: .creator)
        guard case .object(let root) = schema, case .object(let defs)? = root["$defs"],
            case .object(let create)? = defs["create"], case .array(let required)? = create["required"]
        else {
            Issue.record("schema has no $defs/create/required")
            return
        }
        #expect(Set(required.compactMap(\.stringValue)) == ["username", "displayName", "bio", "niche"])
        #expect(root["additionalProperties"] == .bool(false))
        #expect(root["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    }
}
