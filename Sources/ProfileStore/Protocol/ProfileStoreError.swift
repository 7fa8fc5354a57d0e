#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a store operation failed.
///
/// Cases that carry a path or an offset are for logs and operators; the use cases turn every
/// store error into a ``ProfileDomain/ProfileError`` whose message carries none of it.
public enum ProfileStoreError: Error, Sendable, Hashable {
    /// No user with that id.
    case notFound
    /// Another user holds the username's canonical key.
    case usernameTaken(String)
    /// Another user's hold covers the username's canonical key until the date (`nil`: no end);
    /// see ``UsernameHoldingStore``.
    case usernameHeld(String, until: Date?)
    /// Another account holds the email (case-insensitively).
    case emailTaken
    /// The record's version is not the one the caller expected.
    case versionConflict(expected: Int, current: Int)
    /// A follow or block that cannot be: oneself, or a follow across a block.
    case invalidRelationship(String)
    /// A mutation a store refuses: a record whose user id differs from the key it is stored
    /// under, or one that removes a record (use ``ProfileStore/deleteUser(_:)``).
    case invalidMutation(String)
    /// A stored file is damaged; nothing was changed. `file` and `offset` locate the damage.
    case corrupt(file: String, offset: Int, reason: String)
    /// Another process holds the store.
    case locked(path: String)
    /// The operating system failed an operation; `errno` when there is one.
    case io(operation: String, path: String, errno: Int32)
    /// A remote store (a database server) cannot be reached or answered that it is going away;
    /// nothing of the operation was stored. `reason` is for the log. Retrying later may succeed.
    case unavailable(reason: String)
}
