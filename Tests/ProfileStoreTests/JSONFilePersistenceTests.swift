import Foundation
import ProfileDomain
import ProfileStore
import Testing

private typealias Fixture = StoreFixtures

/// What a store holds for the users of ``populate(_:)``, read back for comparison.
private struct Observed: Equatable {
    var records: [UserRecord?]
    var relationships: [Relationship]
    var counts: [SocialCounts]

    init(_ store: some ProfileStore) async throws {
        let users = try ["a", "b", "c", "d", "e"].map(Fixture.user)
        records = []
        relationships = []
        counts = []
        for user in users {
            records.append(try await store.record(for: user))
            counts.append(try await store.socialCounts(for: user))
            for other in users { relationships.append(try await store.relationship(between: user, and: other)) }
        }
    }
}

/// Performs every kind of operation: creates, a cascading delete (which compacts the files, so it
/// comes first), then a replacement, follows, an unfollow, blocks and an unblock: the 9 records the
/// journal holds afterwards.
private func populate(_ store: some ProfileStore) async throws {
    for name in ["a", "b", "c", "d", "e"] {
        try await Fixture.put(
            try Fixture.record(name, username: "user_\(name)", email: "\(name)@example.com"), in: store)
    }
    let (a, b, c, d, e) = try (
        Fixture.user("a"), Fixture.user("b"), Fixture.user("c"), Fixture.user("d"), Fixture.user("e")
    )
    _ = try await store.follow(e, a)
    _ = try await store.block(e, b)
    _ = try await store.deleteUser(e)
    try await Fixture.put(try Fixture.record("a", username: "renamed_a", version: 2), in: store)
    _ = try await store.follow(a, b)
    _ = try await store.follow(b, a)
    _ = try await store.follow(c, a)
    _ = try await store.follow(a, c)
    _ = try await store.unfollow(a, c)
    _ = try await store.block(b, c)
    _ = try await store.block(d, a)
    _ = try await store.unblock(d, a)
}

@Suite("JSONFileProfileStore persists across close and reopen")
struct JSONFilePersistenceTests {
    @Test("every kind of operation survives reopening, from the journal or from a snapshot", arguments: [false, true])
    func everyOperationPersists(snapshotsOnClose: Bool) async throws {
        try await Fixture.withDirectory { directory in
            let options = JSONFileProfileStore.Options(snapshotsOnClose: snapshotsOnClose, creation: .createIfMissing)
            let first = try JSONFileProfileStore(directory: directory, options: options)
            try await populate(first)
            let expected = try await Observed(first)
            try first.close()
            // The delete wrote a snapshot whatever the option; on close, only with it.
            #expect(FileManager.default.fileExists(atPath: directory + "/snapshot.json"))
            #expect(try Fixture.bytes("journal.jsonl", in: directory).isEmpty == snapshotsOnClose)

            let second = try JSONFileProfileStore(directory: directory, options: options)
            #expect(try await Observed(second) == expected)
            #expect(second.recoveryReport.replayedRecordCount == (snapshotsOnClose ? 0 : 9))
            #expect(second.recoveryReport.discardedTail == nil)
            #expect(try await second.record(forUsername: #require(Username("RENAMED_A")))?.userID == Fixture.user("a"))
            #expect(try await second.record(forUsername: #require(Username("user_e"))) == nil)
        }
    }

    @Test("exportContents returns every record and edge, sorted, and fails once closed")
    func exportContents() async throws {
        try await Fixture.withDirectory { directory in
            let store = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            try await populate(store)
            let contents = try store.exportContents()
            let users = try ["a", "b", "c", "d"].map(Fixture.user)
            #expect(contents.records.map(\.userID) == users)
            for record in contents.records {
                #expect(try await store.record(for: record.userID) == record)
            }
            let (a, b, c) = try (Fixture.user("a"), Fixture.user("b"), Fixture.user("c"))
            #expect(
                contents.edges == [
                    RelationshipEdge(from: a, to: b, kind: .follow), RelationshipEdge(from: b, to: a, kind: .follow),
                    RelationshipEdge(from: c, to: a, kind: .follow), RelationshipEdge(from: b, to: c, kind: .block),
                ])
            try store.close()
            #expect(throws: ProfileStoreError.self) { try store.exportContents() }
        }
    }

    @Test("exportContents includes every hold (with and without holder, expired or not) and every history")
    func exportContentsWithHolds() async throws {
        try await Fixture.withDirectory { directory in
            let store = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            let past = UsernameHoldTerms(
                now: Fixture.date, afterRename: .lasting(.seconds(60)), afterDeletion: .lasting(.seconds(60)))
            let later = UsernameHoldTerms(
                now: Fixture.date.addingTimeInterval(3600), afterRename: .forever, afterDeletion: .forever)
            let (a, b, c) = try (Fixture.user("a"), Fixture.user("b"), Fixture.user("c"))
            for (user, name) in [(a, "a_one"), (b, "b_one"), (c, "c_one")] {
                try await store.update(user, expectingVersion: nil, holding: past) {
                    $0 = try Fixture.record(user, username: name)
                }
            }
            // a: an expired hold, then a case-only rename (history, no hold), then an unexpired one.
            for (user, name, terms) in [
                (a, "a_two", past), (a, "A_TWO", later), (a, "a_three", later), (c, "c_two", later),
            ] {
                try await store.update(user, expectingVersion: nil, holding: terms) {
                    $0?.profile?.username = Username(name)
                }
            }
            _ = try await store.deleteUser(c, holding: later)
            let contents = try store.exportContents()
            let keys = ["a_one", "a_two", "c_one", "c_two"].compactMap { Username($0)?.canonicalKey }
            #expect(contents.holds.map(\.username.canonicalKey) == keys)
            for hold in contents.holds {
                #expect(try await store.hold(on: hold.username) == hold)
            }
            #expect(contents.holds.filter { $0.holder == nil }.map(\.username.rawValue) == ["c_one", "c_two"])
            #expect(contents.holds.filter { !$0.isActive(at: later.now) }.map(\.username.rawValue) == ["a_one"])
            #expect(contents.usernameHistories.keys.sorted() == [a])
            #expect(try await contents.usernameHistories[a] == store.usernameHistory(for: a))
            #expect(contents.usernameHistories[a]?.map(\.username.rawValue) == ["a_one", "a_two", "A_TWO"])
            try store.close()
            let reopened = try JSONFileProfileStore(directory: directory)
            #expect(try reopened.exportContents() == contents)
            try reopened.close()
        }
    }

    @Test("a store dropped without close keeps every write in its journal")
    func dropWithoutClose() async throws {
        try await Fixture.withDirectory { directory in
            var expected: Observed?
            do {
                let store = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
                try await populate(store)
                expected = try await Observed(store)
            }
            let reopened = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            #expect(try await Observed(reopened) == expected)
        }
    }

    @Test("snapshots taken in the background every few records lose and repeat nothing")
    func periodicSnapshot() async throws {
        try await Fixture.withDirectory { directory in
            let options = JSONFileProfileStore.Options(
                snapshotEvery: 7, snapshotsOnClose: false, creation: .createIfMissing)
            let store = try JSONFileProfileStore(directory: directory, options: options)
            var writes = 0
            for index in 0..<150 {
                try await Fixture.put(try Fixture.record("u\(index % 40)", username: "name_\(index)"), in: store)
                writes += 1
                if index % 3 == 0, try await store.deleteUser(Fixture.user("u\((index + 7) % 40)")) != nil {
                    writes += 1
                }
            }
            let expected = try await (0..<40).asyncMap { try await store.record(for: Fixture.user("u\($0)")) }
            try store.close()
            let snapshot = String(decoding: try Fixture.bytes("snapshot.json", in: directory), as: UTF8.self)
            #expect(snapshot.hasPrefix("{\n\"edges\" : ["))
            #expect(snapshot.contains(#""schemaVersion" : 1"#))

            let reopened = try JSONFileProfileStore(directory: directory, options: options)
            let report = reopened.recoveryReport
            #expect(report.snapshotSequence > 0)
            #expect(report.snapshotSequence + report.replayedRecordCount == writes)
            #expect(try await (0..<40).asyncMap { try await reopened.record(for: Fixture.user("u\($0)")) } == expected)
        }
    }

    @Test("an explicit snapshot writes the state as of the last record and empties the journal")
    func explicitSnapshot() async throws {
        try await Fixture.withDirectory { directory in
            let store = try JSONFileProfileStore(
                directory: directory, options: .init(snapshotsOnClose: false, creation: .createIfMissing))
            for index in 0..<5 { try await Fixture.put(try Fixture.record("u\(index)"), in: store) }
            try store.snapshot()
            #expect(try Fixture.bytes("journal.jsonl", in: directory).isEmpty)
            try await Fixture.put(try Fixture.record("u5"), in: store)
            try store.close()
            let reopened = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            #expect(reopened.recoveryReport.snapshotSequence == 5)
            #expect(reopened.recoveryReport.replayedRecordCount == 1)
            #expect(reopened.userCount == 6)
        }
    }

    @Test("a crash after the snapshot rename but before the journal was emptied loses and repeats nothing")
    func crashBeforeJournalTruncation() async throws {
        try await Fixture.withDirectory { directory in
            let options = JSONFileProfileStore.Options(snapshotsOnClose: false, creation: .createIfMissing)
            let store = try JSONFileProfileStore(directory: directory, options: options)
            try await populate(store)
            let expected = try await Observed(store)
            let journal = try Fixture.bytes("journal.jsonl", in: directory)
            try store.snapshot()
            try store.close()
            // The state a crash leaves between renaming the snapshot and truncating the journal.
            try Fixture.write(journal, to: "journal.jsonl", in: directory)

            let reopened = try JSONFileProfileStore(directory: directory, options: options)
            #expect(reopened.recoveryReport.skippedRecordCount == 9)
            #expect(reopened.recoveryReport.replayedRecordCount == 0)
            #expect(try await Observed(reopened) == expected)
            #expect(try Fixture.bytes("journal.jsonl", in: directory).isEmpty)
            try await Fixture.put(try Fixture.record("f"), in: reopened)
            try reopened.close()
            let again = try JSONFileProfileStore(directory: directory, options: options)
            #expect(again.recoveryReport.replayedRecordCount == 1)
            #expect(try await again.record(for: Fixture.user("f")) != nil)
        }
    }

    @Test("journal records older than the snapshot are skipped and newer ones replayed")
    func skipThenReplay() async throws {
        try await Fixture.withDirectory { directory in
            let options = JSONFileProfileStore.Options(snapshotsOnClose: false, creation: .createIfMissing)
            let store = try JSONFileProfileStore(directory: directory, options: options)
            for name in ["a", "b", "c"] { try await Fixture.put(try Fixture.record(name), in: store) }
            let older = try Fixture.bytes("journal.jsonl", in: directory)
            try store.snapshot()
            for name in ["d", "e"] { try await Fixture.put(try Fixture.record(name), in: store) }
            try store.close()
            try Fixture.write(
                older + (try Fixture.bytes("journal.jsonl", in: directory)), to: "journal.jsonl", in: directory)

            let reopened = try JSONFileProfileStore(directory: directory, options: options)
            #expect(reopened.recoveryReport.snapshotSequence == 3)
            #expect(reopened.recoveryReport.skippedRecordCount == 3)
            #expect(reopened.recoveryReport.replayedRecordCount == 2)
            #expect(reopened.userCount == 5)
        }
    }

    @Test("temporary files left by a crash mid-snapshot are ignored and removed")
    func crashDuringSnapshotWrite() async throws {
        try await Fixture.withDirectory { directory in
            let store = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            try await populate(store)
            let expected = try await Observed(store)
            try store.close()
            try Fixture.write(Array(#"{"schemaVersion" : 1, "seq"#.utf8), to: "snapshot.json.tmp", in: directory)
            try Fixture.write(Array(#"{"schemaVersion":1,"sequence":1"#.utf8), to: "journal.jsonl.tmp", in: directory)

            let reopened = try JSONFileProfileStore(directory: directory, options: .createIfMissing)
            #expect(reopened.recoveryReport.removedTemporaryFiles)
            #expect(try await Observed(reopened) == expected)
            #expect(!FileManager.default.fileExists(atPath: directory + "/snapshot.json.tmp"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/journal.jsonl.tmp"))
        }
    }

    @Test("a store opened through a URL that does not exist yet creates the directory")
    func createsDirectory() async throws {
        try await Fixture.withDirectory { directory in
            let nested = URL(fileURLWithPath: directory).appendingPathComponent("a/b", isDirectory: true)
            let store = try JSONFileProfileStore(directory: nested, options: .createIfMissing)
            try await Fixture.put(try Fixture.record("a"), in: store)
            #expect(FileManager.default.fileExists(atPath: nested.path + "/journal.jsonl"))
        }
    }
}
