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
}
