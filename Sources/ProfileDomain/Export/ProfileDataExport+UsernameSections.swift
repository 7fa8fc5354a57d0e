#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProfileDataExport {
    /// One rename in the username history section: the handle left, the handle taken, and when.
    ///
    /// The store records the handle a rename left (``ProfileDomain/UsernameChange``); the handle
    /// taken is read off the history: the next entry's ``oldUsername``, or the profile's current
    /// username for the last entry. A profile that cleared its name and claimed another later
    /// shows the later name as ``newUsername``; one that has no name now has no ``newUsername``
    /// on its last entry.
    public struct ExportedUsernameChange: Sendable, Hashable, Codable {
        /// The handle the profile left.
        public let oldUsername: Username
        /// The handle the profile took next, when it has one.
        public let newUsername: Username?
        /// When the change happened.
        public let changedAt: String

        init(_ change: UsernameChange, next: Username?) {
            oldUsername = change.username
            newUsername = next
            changedAt = ProfileDataExport.timestamp(change.leftAt)
        }

        /// The history `changes` (oldest first) of a profile whose current username is `current`.
        static func history(_ changes: [UsernameChange], current: Username?) -> [ExportedUsernameChange] {
            changes.indices.map { index in
                let next = index + 1 < changes.count ? changes[index + 1].username : current
                return ExportedUsernameChange(changes[index], next: next)
            }
        }
    }

    /// One hold in the user's favour: a name they released that nobody else may claim until
    /// ``until``, and that they may reclaim meanwhile.
    ///
    /// The holder is the document's user and is not repeated.
    public struct ExportedUsernameHold: Sendable, Hashable, Codable {
        /// The held name, as it was spelled.
        public let username: Username
        /// When the name was released.
        public let since: String
        /// When the hold ends; absent for a hold that never ends by itself.
        public let until: String?

        init(_ hold: UsernameHold) {
            username = hold.username
            since = ProfileDataExport.timestamp(hold.since)
            until = hold.until.map(ProfileDataExport.timestamp)
        }
    }
}
