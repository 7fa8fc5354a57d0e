import ProfileDomain
import ProfileStore

extension ProfileStoreConformance {
    /// The checks of the protocol's username holds: holds on rename and deletion, claims
    /// against holds, reclaims, releases, expiry, history, a race and the export's hold reads.
    ///
    /// Time comes from the ``ProfileStore/UsernameHoldTerms`` each step passes (days after a
    /// fixed date): renames hold for 30 days, deletions forever.
    static var holdChecks: [ProfileStoreConformanceCheck] {
        claimAndExpiryChecks + historyAndDeletionChecks + [holdRace] + exportHoldChecks
    }

    private static var claimAndExpiryChecks: [ProfileStoreConformanceCheck] {
        [
            .init("a renamed-away username is held: another user's claim fails as held, not taken") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let owner = UserID.random()
                try await scenario.claim("Original", for: owner, day: 0)
                try await scenario.claim("successor", for: owner, day: 1)
                let hold = try await store.hold(on: try scenario.username("ORIGINAL"))
                try expect.equal(hold?.holder, owner, "the holder of the left name")
                try expect.equal(hold?.username.rawValue, "Original", "the held name as it was spelled")
                try expect.equal(hold?.until, ConformanceScenario.terms(day: 31).now, "when the hold ends")
                let thief = UserID.random()
                let error = try await expect.error(.usernameHeld("", until: nil), "a claim of the held name") {
                    try await scenario.claim("original", for: thief, day: 2)
                }
                try expect.equal(
                    error, .usernameHeld("original", until: hold?.until), "the error names the claim and the end")
                try expect.equal(try await store.record(for: thief), nil, "nothing of the refused claim is stored")
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("original")), nil,
                    "a held name has no owner")
            },
            .init("the previous owner reclaims a held name, which ends its hold and holds the name it leaves") {
                scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let owner = UserID.random()
                try await scenario.claim("boomerang", for: owner, day: 0)
                try await scenario.claim("detour", for: owner, day: 1)
                try await scenario.claim("Boomerang", for: owner, day: 2)
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("boomerang"))?.userID, owner,
                    "owner of the reclaimed name")
                try expect.equal(
                    try await store.hold(on: try scenario.username("boomerang")), nil, "the reclaimed name's hold")
                try expect.equal(
                    try await store.hold(on: try scenario.username("detour"))?.holder, owner,
                    "the hold on the left name")
                try expect.equal(
                    try await store.holds(heldFor: owner).map(\.username.rawValue), ["detour"], "the owner's holds")
            },
            .init("an expired hold stops blocking; the claim that takes the name ends it") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let owner = UserID.random()
                try await scenario.claim("seasonal", for: owner, day: 0)
                try await scenario.claim("perennial", for: owner, day: 1)
                let newcomer = UserID.random()
                try await expect.error(.usernameHeld("", until: nil), "a claim one second before the end") {
                    try await scenario.claim("seasonal", for: newcomer, day: 31 - 1 / 86_400)
                }
                let expired = try await store.hold(on: try scenario.username("seasonal"))
                try expect.equal(expired?.holder, owner, "an expired hold is still listed until a claim")
                try await scenario.claim("seasonal", for: newcomer, day: 31)
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("seasonal"))?.userID, newcomer,
                    "owner once the hold ended")
                try expect.equal(try await store.hold(on: try scenario.username("seasonal")), nil, "the ended hold")
            },
            .init("an operator's release ends a hold at once; releasing again finds nothing") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let owner = UserID.random()
                try await scenario.claim("trademark", for: owner, day: 0)
                try await scenario.claim("generic", for: owner, day: 1)
                let released = try await store.releaseHold(on: try scenario.username("TradeMark"))
                try expect.equal(released?.holder, owner, "the released hold")
                try expect.equal(
                    try await store.releaseHold(on: try scenario.username("trademark")), nil, "a second release")
                let brand = UserID.random()
                try await scenario.claim("trademark", for: brand, day: 2)
                try expect.equal(
                    try await store.record(forUsername: try scenario.username("trademark"))?.userID, brand,
                    "owner after the release")
                try expect.equal(try await store.holds(heldFor: owner), [], "the owner's holds")
                try expect.equal(
                    try await store.usernameHistory(for: owner).map(\.username.rawValue), ["trademark"],
                    "a release keeps the history")
            },
            .init("a plain update respects holds at the wall clock and creates none") { scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let owner = try await scenario.createUser(username: "plainold")
                try await scenario.rename(owner, to: "plainnew")
                try expect.equal(try await store.holds(heldFor: owner), [], "holds after a plain rename")
                try expect.equal(try await store.usernameHistory(for: owner), [], "history after a plain rename")
                let deleted = UserID.random()
                try await scenario.claim("forevername", for: deleted, day: 0)
                _ = try await store.deleteUser(deleted, holding: ConformanceScenario.terms(day: 0))
                let other = try await scenario.createUser(username: "other")
                try await expect.error(.usernameHeld("", until: nil), "a plain claim of a name held forever") {
                    try await scenario.rename(other, to: "ForeverName")
                }
            },
        ]
    }

    private static var historyAndDeletionChecks: [ProfileStoreConformanceCheck] {
        [
            .init("each rename appends the left handle to the history, oldest first; a case change holds nothing") {
                scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let owner = UserID.random()
                for (day, handle) in ["first", "second", "Second", "third"].enumerated() {
                    try await scenario.claim(handle, for: owner, day: Double(day))
                }
                let history = try await store.usernameHistory(for: owner)
                try expect.equal(history.map(\.username.rawValue), ["first", "second", "Second"], "the handles left")
                try expect.equal(
                    history.map(\.leftAt), (1...3).map { ConformanceScenario.terms(day: Double($0)).now },
                    "when each was left")
                try expect.equal(
                    try await store.holds(heldFor: owner).map(\.username.rawValue), ["first", "Second"],
                    "holds, one per key left (the case change left no key)")
                try expect.equal(try await store.usernameHistory(for: .random()), [], "an unknown user's history")
            },
            .init("deleting a user holds its username with no holder in the same step and removes its history") {
                scenario in
                let (store, expect) = (scenario.store, scenario.expect)
                let leaving = UserID.random()
                try await scenario.claim("departed", for: leaving, day: 0)
                try await scenario.claim("Gone", for: leaving, day: 1)
                let removed = try await store.deleteUser(leaving, holding: ConformanceScenario.terms(day: 2))
                try expect.equal(removed?.profile?.username?.rawValue, "Gone", "the removed record")
                try expect.equal(try await store.record(for: leaving), nil, "the deleted record")
                try expect.equal(try await store.usernameHistory(for: leaving), [], "the deleted user's history")
                let hold = try await store.hold(on: try scenario.username("gone"))
                try expect.equal(hold?.username.rawValue, "Gone", "the deleted user's name is held")
                try expect.equal(hold?.holder, nil, "a deletion hold keeps no user id")
                try expect.equal(hold?.until, nil, "a deletion hold under .forever has no end")
                let renameHold = try await store.hold(on: try scenario.username("departed"))
                try expect.equal(renameHold?.holder, nil, "an earlier rename hold loses its holder with the user")
                try expect.equal(
                    renameHold?.until, ConformanceScenario.terms(day: 31).now, "and keeps its end")
                try expect.equal(try await store.holds(heldFor: leaving), [], "holds in a deleted user's favour")
                try await expect.error(.usernameHeld("", until: nil), "a claim a century later") {
                    try await scenario.claim("gone", for: .random(), day: 36_500)
                }
                try await expect.error(.usernameHeld("", until: nil), "the deleted user's id claiming its old name") {
                    try await scenario.claim("departed", for: leaving, day: 4)
                }
                try expect.equal(
                    try await store.deleteUser(leaving, holding: ConformanceScenario.terms(day: 3)), nil,
                    "a second delete")
            },
        ]
    }

    private static var holdRace: ProfileStoreConformanceCheck {
        .init("50 concurrent claims of a just-released name: only the owner's reclaim wins during the hold") {
            scenario in
            let (store, expect) = (scenario.store, scenario.expect)
            let owner = UserID.random()
            try await scenario.claim("Coveted", for: owner, day: 0)
            try await scenario.claim("placeholder", for: owner, day: 1)
            let claimants = [owner] + (1..<racers).map { _ in UserID.random() }
            let spellings = ["coveted", "COVETED", "Coveted", "coVETed"]
            let outcomes = try await race(Array(claimants.enumerated())) { index, user in
                try await scenario.claim(spellings[index % spellings.count], for: user, day: 2)
                return user
            }
            // A claim before the reclaim meets the hold, one after it meets the owner's name.
            let lost: Set<String> = ["usernameHeld", "usernameTaken"]
            let contested = outcomes.filter { outcome in
                guard case .failure(let error) = outcome, let storeError = ProfileStoreError(storeErrorIn: error) else {
                    return true
                }
                return !lost.contains(storeError.caseName)
            }
            let winners = try tally(contested, losing: nil, expect)
            try expect.equal(winners, [owner], "who won the race")
            try expect.equal(
                try await store.record(forUsername: try scenario.username("coveted"))?.userID, owner,
                "owner of the name")
            try expect.equal(try await store.hold(on: try scenario.username("coveted")), nil, "the reclaimed hold")
            for user in claimants.dropFirst() {
                try expect.equal(try await store.record(for: user), nil, "a losing claimant's record")
            }
        }
    }
}
