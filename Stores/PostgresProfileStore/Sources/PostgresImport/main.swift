// profilekit-pg-import --from <JSON-file store directory> --to <postgres URL>
//
// Copies every record, edge, username hold and username history of a JSON-file store into a
// PostgreSQL store in one transaction, then reads them all back and compares. It refuses a target that already holds users, so running it
// twice cannot mix two data sets; the source is opened (and so locked) for the whole copy.
import Foundation
import PostgresProfileStore
import ProfileDomain
import ProfileStore

func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("profilekit-pg-import: \(message)\n".utf8))
    exit(status)
}

var options: [String: String] = [:]
var remaining = CommandLine.arguments.dropFirst()
while let flag = remaining.popFirst() {
    guard ["--from", "--to"].contains(flag), let value = remaining.popFirst() else {
        fail(
            "unknown or incomplete argument \(flag); usage: profilekit-pg-import --from <dir> --to <postgres URL>",
            status: 2)
    }
    options[flag] = value
}
guard let source = options["--from"], let target = options["--to"] else {
    fail("usage: profilekit-pg-import --from <JSON-file store directory> --to <postgres URL>", status: 2)
}

do {
    guard FileManager.default.fileExists(atPath: source) else { fail("\(source) does not exist") }
    let json = try JSONFileProfileStore(directory: source)
    defer { try? json.close() }
    let contents = try json.exportContents()
    let postgres = try await PostgresProfileStore(configuration: .init(url: target))
    let report = try await postgres.importContents(contents)
    await postgres.close()
    print(
        "imported \(report.records) records, \(report.edges) edges, \(report.holds) username holds and the username "
            + "histories of \(report.usernameHistories) users; every one read back equal")
} catch let error as PostgresImportError {
    fail("\(error)")
} catch {
    fail("\(error)")
}
