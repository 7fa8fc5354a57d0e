import Foundation
import ProfileDomain
import ProfileStore

/// Builds the stores the other commands open: `json-<count>/` and `sqlite-<count>.db` under one
/// directory, each holding profiles 0..<count at revision 1.
///
/// N durable writes would cost N fsyncs, so the JSON-file store is populated the way a tool
/// imports into it: a `snapshot.json` without checksum in the documented form (schema 1,
/// sequence 0, no edges), which the store reads unchecked; the store then opens it and writes
/// its own snapshot, so that start-up is measured on the format the current code writes.
enum Population {
    static func jsonFileDirectory(_ root: String, count: Int) -> String { "\(root)/json-\(count)" }
    static func sqlitePath(_ root: String, count: Int) -> String { "\(root)/sqlite-\(count).db" }

    /// A snapshot as a tool writes it: the state's `Codable` form with the file's header keys.
    private struct ImportedSnapshot: Encodable {
        var edges: [RelationshipEdge] = []
        var records: [UserRecord]
        var schemaVersion = 1
        var sequence = 0
    }

    static func populate(_ root: String, count: Int) throws {
        let records = (0..<count).map { Fixture.record($0, revision: 1) }
        let directory = jsonFileDirectory(root, count: count)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(ImportedSnapshot(records: records)).write(
            to: URL(fileURLWithPath: directory + "/snapshot.json"))
        let store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
        guard store.userCount == count else { throw BenchmarkFailure("imported \(store.userCount) of \(count) users") }
        try store.snapshot()
        try store.close()

        let sqlite = try SQLiteSubject(path: sqlitePath(root, count: count))
        try sqlite.insert(records)
        try sqlite.close()
    }
}
