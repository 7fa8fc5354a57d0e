import Foundation
import ProfileDomain
import ProfileStore
import Testing

/// Temporary directories, sample records and file-content captures for the JSON-file store's
/// tests; ``make()`` also serves the conformance suite.
enum JSONFileStoreFixture {
    /// A fixed date, so that records compare equal after a round trip through the files.
    static let date = Date(timeIntervalSinceReferenceDate: 780_000_000.125)

    /// A unique, not yet existing directory under the system's temporary directory.
    static func uniqueDirectory() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("profilekit-jsonfile-\(UUID().uuidString.lowercased())", isDirectory: true)
    }

    /// Runs `body` with a fresh directory path and removes the directory afterwards.
    static func withDirectory<Value>(_ body: (String) async throws -> Value) async throws -> Value {
        let directory = uniqueDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory.path)
    }

    /// A store in a fresh temporary directory that removes the directory when released.
    static func make(options: JSONFileProfileStore.Options = .init()) throws -> JSONFileTemporaryStore {
        try JSONFileTemporaryStore(directory: uniqueDirectory(), options: options)
    }

    /// A user id from a test-readable name.
    static func user(_ name: String) throws -> UserID {
        try #require(UserID(name))
    }

    /// A record for `name` with a profile holding `username`, and `email` on the account.
    static func record(
        _ name: String,
        username: String? = nil,
        email: String? = nil,
        version: Int = 1
    ) throws -> UserRecord {
        let user = try user(name)
        var profile = Profile(id: try #require(ProfileID("profile-\(name)")), userID: user, createdAt: date)
        profile.username = try username.map { try #require(Username($0)) }
        profile.displayName = "Display \(name)"
        profile.bio = "line one\nline two: \"quoted\" / slashed é"
        profile.version = version
        let account = Account(userID: user, email: email, createdAt: date)
        return UserRecord(account: account, profile: profile)
    }

    /// Stores `record` (creating or replacing) without a version check.
    static func put(_ record: UserRecord, in store: some ProfileStore) async throws {
        try await store.update(record.userID, expectingVersion: nil) { $0 = record }
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
