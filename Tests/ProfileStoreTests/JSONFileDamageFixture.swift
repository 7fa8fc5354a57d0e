import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

/// What a store shows of the damage fixture's users after opening: enough to tell every prefix of
/// the fixture's journal apart.
struct JSONFileObservation: Equatable, Sendable {
    static let users = ["a", "b", "c", "d"]

    var records: [UserRecord?]
    var followersOfB: Int

    static func of(_ store: JSONFileProfileStore) async throws -> JSONFileObservation {
        var records: [UserRecord?] = []
        for name in users { records.append(try await store.record(for: StoreFixtures.user(name))) }
        return JSONFileObservation(
            records: records, followersOfB: try await store.socialCounts(for: StoreFixtures.user("b")).followers)
    }
}

/// A store of five journal records (three puts, a follow, an update), the bytes of its journal or
/// snapshot, and what each prefix of the journal holds; and the oracle every damage case is held to.
struct JSONFileDamageFixture {
    /// What opening the damaged files did.
    enum Outcome: Equatable {
        /// Refused with `.corrupt` naming the file, the files unchanged.
        case refused
        /// Opened with every record.
        case intact
        /// Opened without the final record, reported as a discarded tail.
        case cut
    }

    /// The file the fixture damages.
    let file: String
    /// Its undamaged bytes.
    let original: [UInt8]
    /// Where each journal line starts (journal only).
    let lineStarts: [Int]
    /// What the store holds after the first k records, k = 0...5.
    let observations: [JSONFileObservation]

    /// Writes the five records in `directory`; with `snapshot`, closes with a snapshot (the
    /// journal is then empty) and the fixture damages `snapshot.json`.
    static func make(in directory: String, snapshot: Bool) async throws -> JSONFileDamageFixture {
        let store = try JSONFileProfileStore(
            directory: directory, options: .init(snapshotsOnClose: snapshot, creation: .createIfMissing))
        var observations = [try await JSONFileObservation.of(store)]
        // Small records (an account, one profile) keep the cases many and quick.
        let writes: [@Sendable (JSONFileProfileStore) async throws -> Void] = [
            { try await StoreFixtures.put(try account("a"), in: $0) },
            { try await StoreFixtures.put(try account("b"), in: $0) },
            { _ = try await $0.follow(StoreFixtures.user("a"), StoreFixtures.user("b")) },
            { try await StoreFixtures.put(try StoreFixtures.record("c", username: "gamma"), in: $0) },
            { try await StoreFixtures.put(try account("a", email: "a@example.com"), in: $0) },
        ]
        for write in writes {
            try await write(store)
            observations.append(try await JSONFileObservation.of(store))
        }
        try store.close()
        let file = snapshot ? "snapshot.json" : "journal.jsonl"
        let original = try StoreFixtures.bytes(file, in: directory)
        return JSONFileDamageFixture(
            file: file, original: original, lineStarts: StoreFixtures.lineStarts(original), observations: observations)
    }

    /// A record of `name` with an account only.
    private static func account(_ name: String, email: String? = nil) throws -> UserRecord {
        UserRecord(account: Account(userID: try StoreFixtures.user(name), email: email, createdAt: StoreFixtures.date))
    }

    /// Writes `damaged` in place of the fixture's file, opens the store and holds the outcome to
    /// the rule: refused with `.corrupt` naming the file at or before the first damaged byte, the
    /// bytes unchanged; or opened with every record; or (journal only, when the bytes after the
    /// last line end could begin a record) opened without the last record, reported as cut.
    /// A checksum-valid record never disappears silently.
    func check(_ damaged: [UInt8], in directory: String, case label: String) async throws -> Outcome {
        try StoreFixtures.write(damaged, to: file, in: directory)
        let path = directory + "/" + file
        let common = min(damaged.count, original.count)
        let firstDifference = (0..<common).first { damaged[$0] != original[$0] } ?? common
        let store: JSONFileProfileStore
        do {
            store = try JSONFileProfileStore(directory: directory, options: .init(snapshotsOnClose: false))
        } catch {
            // Plain checks, recorded only on failure: tens of thousands of cases run through here.
            let offset = error.corruptOffset ?? -1
            if error.corruptFile != path || !(0...firstDifference).contains(offset) {
                Issue.record("\(label): \(error) should name \(path) at or before byte \(firstDifference)")
            }
            if try StoreFixtures.bytes(file, in: directory) != damaged {
                Issue.record("\(label): a refused file changed")
            }
            return .refused
        }
        defer { try? store.close() }
        let observed = try await JSONFileObservation.of(store)
        if observed == observations[5] {
            if store.recoveryReport.discardedTail != nil {
                Issue.record("\(label): nothing was cut, yet a cut is reported")
            }
            return .intact
        }
        // Only a journal's unterminated final record may go, and only with every earlier one intact.
        let lastStart = lineStarts.last ?? 0
        let tornShape =
            file == "journal.jsonl" && damaged.count >= lastStart
            && damaged[..<lastStart].elementsEqual(original[..<lastStart])
            && !damaged[lastStart...].contains(UInt8(ascii: "\n"))
        if !tornShape { Issue.record("\(label): a record disappeared, the damage was not a cut final record") }
        if observed != observations[4] { Issue.record("\(label): opened as a different state") }
        if store.recoveryReport.discardedTail?.offset != lastStart { Issue.record("\(label): the cut is not reported") }
        return .cut
    }
}
