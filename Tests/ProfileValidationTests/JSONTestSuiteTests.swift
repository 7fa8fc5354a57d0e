import Foundation
import ProfileDomain
import ProfileHTTP
import Testing

@testable import ProfileValidation

/// JSONTestSuite (nst/JSONTestSuite, read from `../shared/peer-suites/JSONTestSuite/`, never
/// copied): every request parser refuses every `n_` case, accepts every `y_` case whose top level
/// is what it takes (documented exceptions: duplicate keys, refused on purpose), and answers
/// every `i_` case without crashing, with a clear error when it refuses one.
@Suite("JSONTestSuite through the syntax scanner and every request decoder")
struct JSONTestSuiteTests {
    /// The suite's folder: `shared/` beside the package root, in a worktree and in CI's clone.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared/peer-suites/JSONTestSuite")

    static let cases: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    /// `y_` cases the library refuses on purpose, with the code it answers.
    static let refusedOnPurpose: [String: FieldErrorCode] = [
        "y_object_duplicated_key.json": .duplicateKey,
        "y_object_duplicated_key_and_value.json": .duplicateKey,
    ]

    /// One way a server reads a body.
    struct Reader: Sendable, CustomTestStringConvertible {
        var name: String
        /// Whether any JSON value fits (else only an object does).
        var takesAnyValue = false
        /// The code of a refusal that an object without the type's required keys gets.
        var missingKeyCode: FieldErrorCode?
        var decode: @Sendable ([UInt8]) throws -> Void

        var testDescription: String { name }

        static func reading<T: Decodable & Sendable>(_ type: T.Type, _ name: String) -> Reader {
            Reader(name: name) { bytes in _ = try RequestBodyDecoder().decode(T.self, from: bytes) }
        }
    }

    /// The generic value and each spec's request type.
    static let readers: [Reader] = [
        Reader(name: "JSONValue", takesAnyValue: true) { bytes in
            _ = try RequestBodyDecoder().decode(JSONValue.self, from: bytes)
        },
        .reading(CreatorWire.ProfileRequest.self, "creator"),
        .reading(SocialWire.UpdateRequest.self, "social"),
        Reader(name: "social username change", missingKeyCode: .required) { bytes in
            _ = try RequestBodyDecoder().decode(SocialWire.UsernameChangeRequest.self, from: bytes)
        },
        .reading(MobileWire.ProfileRequest.self, "mobile"),
        .reading(DjangoWire.UpdateRequest.self, "django"),
    ]

    @Test("the suite is present where CI puts it")
    func present() {
        #expect(
            Self.cases.count > 300,
            """
            JSONTestSuite was not found at \(Self.folder.path) (the package root's ../shared/peer-suites/\
            JSONTestSuite); a worktree and CI's clone have shared/ beside the package
            """)
    }

    @Test("the scanner refuses every n_ case and accepts every y_ case", arguments: cases)
    func scanner(name: String) throws {
        let bytes = try Self.bytes(of: name)
        var failure: JSONScanner.Failure?
        do { _ = try JSONScanner.check(bytes, maximumDepth: 32) } catch { failure = error }
        if name.hasPrefix("n_") {
            #expect(failure != nil, "\(name) is not JSON, yet the scanner accepts it")
        } else if name.hasPrefix("y_") {
            #expect(failure?.code == Self.refusedOnPurpose[name], "\(name): \(failure?.message ?? "accepted")")
        }
        if let failure {
            #expect(!failure.message.isEmpty && failure.code != .wrongType, "\(name): \(failure.message)")
        }
    }

    @Test("every request decoder refuses n_, takes the y_ it can hold, and answers i_ clearly", arguments: cases)
    func readers(name: String) throws {
        let bytes = try Self.bytes(of: name)
        let isObject = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
        for reader in Self.readers {
            var failure: ProfileError?
            do { try reader.decode(bytes) } catch let error as ProfileError { failure = error }
            let label = "\(name) as \(reader.name)"
            if name.hasPrefix("n_") {
                #expect(failure != nil, "\(label) is not JSON, yet it decodes")
            } else if name.hasPrefix("y_") && (reader.takesAnyValue || isObject) {
                let code = failure?.fieldErrors.first?.code
                #expect(
                    code == Self.refusedOnPurpose[name] || (code != nil && code == reader.missingKeyCode),
                    "\(label): \(failure?.message ?? "accepted")")
            }
            guard let failure else { continue }
            #expect(failure.status == .badRequest, "\(label)")
            let fieldError = try #require(failure.fieldErrors.first, "\(label) is refused without a field error")
            #expect(fieldError.message != "body could not be decoded", "\(label): a generic message")
            if reader.takesAnyValue || isObject {
                // Any JSON value fits where it is read, so a type error would be misleading.
                #expect(fieldError.code != .wrongType, "\(label): \(fieldError.message)")
            }
        }
    }

    static func bytes(of name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }
}
