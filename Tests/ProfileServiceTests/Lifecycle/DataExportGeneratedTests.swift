import Foundation
import ProfileKit
import ProfileKitTestSupport
import Testing

/// The export of generated records: every document reads back as written, lists exactly the
/// owner's edges (never a block against them), the chain of handles they left and only the holds
/// in their favour, and, with `PROFILEKIT_EXPORT_SAMPLES=<dir>`, is
/// written there for `Conformance/check_export.py` to check against the JSON Schema with
/// python-jsonschema, an independent validator (CI does).
@Suite("Data export of generated records")
struct DataExportGeneratedTests {
    /// 400 by default (about 1-3 s in a debug build on a busy machine); more with
    /// `PROFILEKIT_EXPORT_COUNT=<n>`, another seed with `PROFILEKIT_EXPORT_SEED=<n>`.
    static let count = ProcessInfo.processInfo.environment["PROFILEKIT_EXPORT_COUNT"].flatMap { Int($0) } ?? 400

    @Test("generated records export documents that read back, with exactly the owner's visible edges")
    func generatedRecords() throws {
        let seed =
            ProcessInfo.processInfo.environment["PROFILEKIT_EXPORT_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 0...UInt64.max)
        var generator = SeededGenerator(seed: seed)
        let samples = ProcessInfo.processInfo.environment["PROFILEKIT_EXPORT_SAMPLES"].map(URL.init(fileURLWithPath:))
        if let samples { try FileManager.default.createDirectory(at: samples, withIntermediateDirectories: true) }
        let started = ContinuousClock.now
        let decoder = JSONDecoder()
        for index in 0..<Self.count {
            let (record, edges) = Self.generated(index, using: &generator)
            let (history, holds) = Self.generatedHandles(of: record, using: &generator)
            let export = ProfileDataExport(
                record: record, edges: edges, usernameHistory: history, holds: holds,
                exportedAt: Date(timeIntervalSince1970: 1_767_225_600))
            let bytes = try export.encoded()
            let decoded = try decoder.decode(ProfileDataExport.self, from: Data(bytes))
            #expect(decoded == export, "document \(index) does not read back (seed \(seed))")
            let user = record.userID
            let visible = Set(edges.filter { !($0.kind == .block && $0.to == user) }.flatMap { [$0.from, $0.to] })
                .subtracting([user])
            let listed = Set(
                export.relationships.following + export.relationships.followers + export.relationships.blocking)
            #expect(listed == visible, "document \(index) lists other edges than the owner's (seed \(seed))")
            #expect(
                export.usernameHistory.map(\.oldUsername) == history.map(\.username)
                    && export.usernameHistory.map(\.newUsername)
                        == history.dropFirst().map { Optional($0.username) }
                        + (history.isEmpty ? [] : [record.profile?.username]),
                "document \(index): the history is not the chain of handles (seed \(seed))")
            #expect(
                Set(export.usernameHolds.map(\.username)) == Set(holds.filter { $0.holder == user }.map(\.username)),
                "document \(index) lists other holds than the owner's (seed \(seed))")
            if let samples { try Data(bytes).write(to: samples.appendingPathComponent("export-\(index).json")) }
            if ContinuousClock.now - started > .seconds(30) {
                // A bound, not a failure: a machine this busy checks fewer documents.
                print("DataExportGeneratedTests: stopped after 30 s at \(index) documents (seed \(seed))")
                break
            }
        }
    }

    /// Record `index`: every optional field present or absent at random, text with non-ASCII,
    /// quotes and control characters, and up to six edges of each kind both ways.
    static func generated(_ index: Int, using generator: inout SeededGenerator) -> (UserRecord, [RelationshipEdge]) {
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &generator) ? value() : nil }
        let alphabet = Array("aé\"\\\n\t/ß漢👍🏽 <>&\u{0}\u{7F}z")
        func text() -> String {
            String(
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator) ?? "a"
                })
        }
        let user = fixtureUserID("user-\(index)")
        let date = Date(timeIntervalSince1970: Double.random(in: 0...2_000_000_000, using: &generator))
        var profile = Profile(userID: user, createdAt: date)
        profile.username = maybe(Username("name_\(index)")) ?? nil
        profile.displayName = maybe(text())
        profile.bio = maybe(text())
        profile.niches = (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() }
        profile.location = maybe(Location(city: maybe(text()), country: maybe(text())))
        profile.socialLinks = Dictionary(
            uniqueKeysWithValues: SocialPlatform.allCases.filter { _ in Bool.random(using: &generator) }
                .map { ($0, "https://example.com/\(text())") })
        profile.usernameChangedAt = maybe(date)
        let record = UserRecord(
            account: Account(
                userID: user, email: maybe("u\(index)@example.com"), phoneNumber: maybe("+1555000\(index % 10_000)"),
                isTwoFactorEnabled: Bool.random(using: &generator), createdAt: date),
            profile: maybe(profile),
            preferences: Preferences(
                additional: Bool.random(using: &generator)
                    ? ["k": .array([.number(1.5), .null, .string(text())])] : [:],
                updatedAt: maybe(date)),
            media: (0..<Int.random(in: 0...2, using: &generator)).map {
                MediaReference(
                    key: "key-\($0)", contentType: "image/png", byteCount: $0 * 100, purpose: "avatar", createdAt: date)
            })
        var edges: [RelationshipEdge] = []
        for other in (0..<Int.random(in: 0...6, using: &generator)).map({ fixtureUserID("other-\($0)") }) {
            let kind: RelationshipEdge.Kind = Bool.random(using: &generator) ? .follow : .block
            let outgoing = Bool.random(using: &generator)
            edges.append(RelationshipEdge(from: outgoing ? user : other, to: outgoing ? other : user, kind: kind))
        }
        return (record, Array(Set(edges)))
    }

    /// Up to four handles `record`'s profile left, and holds on some of them (forever or until a
    /// date) mixed with holds of other users, which the document must leave out.
    static func generatedHandles(
        of record: UserRecord, using generator: inout SeededGenerator
    ) -> ([UsernameChange], [UsernameHold]) {
        let base = Double.random(in: 0...1_000_000_000, using: &generator)
        let history = (0..<Int.random(in: 0...4, using: &generator)).compactMap { step in
            Username("left_\(step)_\(record.userID.rawValue.count)").map {
                UsernameChange(username: $0, leftAt: Date(timeIntervalSince1970: base + Double(step) * 86_400))
            }
        }
        let holds = history.filter { _ in Bool.random(using: &generator) }.map { change in
            UsernameHold(
                username: change.username,
                holder: Bool.random(using: &generator) ? record.userID : fixtureUserID("other-holder"),
                since: change.leftAt,
                until: Bool.random(using: &generator) ? nil : change.leftAt.addingTimeInterval(30 * 86_400))
        }
        return (history, holds)
    }
}
