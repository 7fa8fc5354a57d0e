import ProfileDomain
import ProfileStore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The steps the hold checks repeat.
extension ConformanceScenario {
    /// Terms `days` after the suite's fixed date: renames hold for 30 days, deletions forever.
    static func terms(day days: Double) -> UsernameHoldTerms {
        UsernameHoldTerms(
            now: date.addingTimeInterval(days * 86_400), afterRename: .lasting(.seconds(30 * 86_400)),
            afterDeletion: .forever)
    }

    /// Sets `user`'s username to `handle` (creating the user when it has none) through the
    /// holding update, `day` days after the suite's date, bumping the profile's version.
    @discardableResult
    func claim(
        _ handle: String, for user: UserID, day: Double, fileID: String = #fileID, line: Int = #line
    ) async throws -> UserRecord {
        let username = try username(handle, fileID: fileID, line: line)
        let fresh = makeRecord(user, username: username, email: nil)
        do {
            return try await store.update(
                user, expectingVersion: nil, holding: Self.terms(day: day)
            ) { (record) -> UserRecord in
                guard var profile = record?.profile else {
                    record = fresh
                    return fresh
                }
                profile.username = username
                profile.version += 1
                record?.profile = profile
                return record ?? fresh
            }
        } catch {
            throw error.storeError
        }
    }
}
