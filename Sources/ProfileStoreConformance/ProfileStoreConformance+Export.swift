import ProfileDomain
import ProfileStore

extension ProfileStoreConformance {
    static var exportChecks: [ProfileStoreConformanceCheck] {
        [
            .init("edges(touching:) lists every edge to or from a user, both kinds, in the documented order") {
                scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let subject = try await scenario.createUser(username: "subject")
                let fan = try await scenario.createUser(username: "fan")
                let idol = try await scenario.createUser(username: "idol")
                let foe = try await scenario.createUser(username: "foe")
                let stalker = try await scenario.createUser(username: "stalker")
                _ = try await store.follow(fan, subject)
                _ = try await store.follow(subject, idol)
                _ = try await store.follow(fan, idol)
                _ = try await store.block(subject, foe)
                _ = try await store.block(stalker, subject)
                func edge(_ from: UserID, _ to: UserID, _ kind: RelationshipEdge.Kind) -> RelationshipEdge {
                    RelationshipEdge(from: from, to: to, kind: kind)
                }
                func ordered(_ edges: [RelationshipEdge]) -> [RelationshipEdge] {
                    edges.sorted {
                        ($0.kind == .follow ? 0 : 1, $0.from, $0.to) < ($1.kind == .follow ? 0 : 1, $1.from, $1.to)
                    }
                }
                let expected = ordered([
                    edge(fan, subject, .follow), edge(subject, idol, .follow),
                    edge(subject, foe, .block), edge(stalker, subject, .block),
                ])
                try expect.equal(try await store.edges(touching: subject), expected, "the subject's edges")
                try expect.equal(
                    try await store.edges(touching: fan),
                    ordered([edge(fan, subject, .follow), edge(fan, idol, .follow)]),
                    "the fan's edges")
                try expect.equal(try await store.edges(touching: .random()), [], "an unknown user's edges")
                _ = try await store.deleteUser(subject)
                try expect.equal(try await store.edges(touching: subject), [], "a deleted user's edges")
                try expect.equal(
                    try await store.edges(touching: idol), [edge(fan, idol, .follow)],
                    "the idol's edges after the delete")
            }
        ]
    }

    /// The data export's username sections built from the store's answers: the owner's
    /// renames as a chain of handles and the holds in their favour, nothing of another user's.
    /// Part of ``holdChecks``.
    static var exportHoldChecks: [ProfileStoreConformanceCheck] {
        [
            .init("a data export built from the store lists the owner's renames and holds, not another user's") {
                scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let (owner, other) = (UserID.random(), UserID.random())
                try await scenario.claim("export_first", for: owner, day: 0)
                try await scenario.claim("export_second", for: owner, day: 1)
                try await scenario.claim("export_third", for: owner, day: 2)
                try await scenario.claim("export_other", for: other, day: 0)
                try await scenario.claim("export_moved", for: other, day: 1)
                guard let record = try await store.record(for: owner) else {
                    throw expect.failure("the owner's record is missing")
                }
                let export = ProfileDataExport(
                    record: record, edges: try await store.edges(touching: owner),
                    usernameHistory: try await store.usernameHistory(for: owner),
                    holds: try await store.holds(heldFor: owner), exportedAt: ConformanceScenario.date)
                try expect.equal(
                    export.usernameHistory.map { [$0.oldUsername.rawValue, $0.newUsername?.rawValue ?? "-"] },
                    [["export_first", "export_second"], ["export_second", "export_third"]], "the renames, oldest first")
                try expect.equal(
                    export.usernameHistory.map(\.changedAt),
                    [1.0, 2].map { ProfileDataExport.timestamp(ConformanceScenario.terms(day: $0).now) },
                    "when each rename happened")
                try expect.equal(
                    export.usernameHolds.map(\.username.rawValue), ["export_first", "export_second"],
                    "the holds in the owner's favour")
                try expect.equal(
                    export.usernameHolds.map(\.until),
                    [31.0, 32].map { ProfileDataExport.timestamp(ConformanceScenario.terms(day: $0).now) },
                    "when the holds end")
            }
        ]
    }
}
