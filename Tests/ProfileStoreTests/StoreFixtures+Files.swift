import Foundation
import ProfileStore

/// Temporary directories and file-content captures for the JSON-file store's tests.
extension StoreFixtures {
    /// Runs `body` with the path of a fresh, empty directory and removes it afterwards.
    static func withDirectory<Value>(_ body: (String) async throws -> Value) async throws -> Value {
        let directory = try TemporaryDirectory()
        defer { withExtendedLifetime(directory) {} }
        return try await body(directory.path)
    }

    /// A JSON-file store in a fresh temporary directory that removes the directory when released.
    static func makeJSONFileStore(options: JSONFileProfileStore.Options = .init()) throws -> JSONFileTemporaryStore {
        try JSONFileTemporaryStore(options: options)
    }

    /// Every regular file in `directory` with its bytes, to prove that nothing changed.
    static func contents(of directory: String) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            contents[name] = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
        return contents
    }

    /// The bytes of `name` in `directory`.
    static func bytes(_ name: String, in directory: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name)))
    }

    /// Replaces the content of `name` in `directory`.
    static func write(_ bytes: [UInt8], to name: String, in directory: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
    }

    /// The byte offsets at which each line of `bytes` starts.
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") && $0 + 1 < bytes.count }.map { $0 + 1 }
    }
}
