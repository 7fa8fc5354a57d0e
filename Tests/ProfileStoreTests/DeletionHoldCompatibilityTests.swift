import Foundation
import ProfileDomain
import Testing

@testable import ProfileStore

/// Files written before deletion holds lost their holder name the deleted user in a hold; they
/// still open, and the user's id is gone from the state they open to (so from the next snapshot).
@Suite("Deletion holds written with a holder still open, without it")
struct DeletionHoldCompatibilityTests {
    /// A snapshot's state as the previous writer wrote it: `stayer` renamed away from `old`, and
    /// the deleted `leaver`'s name `gone` held for it.
    static let previousState = #"""
        {"records":[\#(recordJSON)],"edges":[],
        "usernameHolds":[
        {"username":"gone","holder":"leaver","since":800000000,"until":null},
        {"username":"old","holder":"stayer","since":800000000,"until":800600000}
        ]}
        """#

    static let recordJSON = #"""
        {"account":{"createdAt":780000000,"isEmailVerified":false,"isLocked":false,"isPhoneVerified":false,"isTwoFactorEnabled":false,"isVerified":false,"roles":["ROLE_USER"],"userID":"stayer"},"media":[],"preferences":{"additional":{},"defaultScenario":"default","voicePreference":"alloy"},"profile":{"counters":{"events":0,"posts":0,"shops":0},"createdAt":780000000,"id":"profile-stayer","niches":[],"pictureURLs":[],"socialLinks":{},"updatedAt":780000000,"userID":"stayer","username":"new","version":1}}
        """#

    @Test("an old snapshot's hold for a user without a record opens holder-less; a live holder stays")
    func oldSnapshotOpens() throws {
        let state = try JSONDecoder().decode(StoreState.self, from: Data(Self.previousState.utf8))
        let goneName = try #require(Username("GONE"))
        let gone = try #require(state.hold(on: goneName))
        #expect(gone.holder == nil)
        #expect(gone.until == nil)
        #expect(state.hold(on: try #require(Username("old")))?.holder == (try StoreFixtures.user("stayer")))
        let reencoded = String(decoding: try JSONEncoder().encode(state), as: UTF8.self)
        #expect(!reencoded.contains("leaver"), "the re-encoded state: \(reencoded)")
        #expect(reencoded.contains("gone"))
    }

    @Test("a journalled deleteHolding that names its user applies as a hold without holder")
    func oldJournalEntryApplies() throws {
        var state = try JSONDecoder().decode(StoreState.self, from: Data(Self.previousState.utf8))
        let entry = #"""
            {"deleteHolding":{"user":"stayer","hold":{"username":"new","holder":"stayer","since":800700000}}}
            """#
        let mutation = try JSONDecoder().decode(StoreMutation.self, from: Data(entry.utf8))
        try state.apply(mutation)
        #expect(state.hold(on: try #require(Username("new")))?.holder == nil)
        #expect(state.hold(on: try #require(Username("old")))?.holder == nil, "the user's rename hold too")
        #expect(state.hold(on: try #require(Username("old")))?.until != nil, "and it keeps its end")
        #expect(state.records.isEmpty)
        #expect(!String(decoding: try JSONEncoder().encode(state), as: UTF8.self).contains("stayer"))
    }

    @Test("deleting a user clears the holder of its holds, and undoing the delete restores it")
    func deleteClearsAndUndoRestores() throws {
        var state = try JSONDecoder().decode(StoreState.self, from: Data(Self.previousState.utf8))
        let before = state
        let delete = StoreMutation.delete(user: try StoreFixtures.user("stayer"))
        let undo = try state.inverse(of: delete)
        try state.apply(delete)
        #expect(state.sortedHolds.allSatisfy { $0.holder == nil })
        for step in undo { try state.apply(step) }
        #expect(state == before)
    }
}
