#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a store operation failed.
///
/// The cases are what every store can raise. A store's own storage failures (a damaged file, a
/// failed `fsync`, a database refusal) all arrive as ``storageFailed(_:)``, whose
/// ``StorageFailure`` describes them in the store's terms for the log; a failure that may pass
/// arrives as ``unavailable(reason:)``. The use cases turn every store error into a
/// ``ProfileDomain/ProfileError`` whose message carries none of the store's details.
public enum ProfileStoreError: Error, Sendable, Hashable {
    /// No user with that id.
    case notFound
    /// Another user holds the username's canonical key.
    case usernameTaken(String)
    /// Another user's hold covers the username's canonical key until the date (`nil`: no end);
    /// see ``ProfileStore``'s username holds.
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
    /// A remote store (a database server) cannot be reached or answered that it is going away;
    /// nothing of the operation was stored. `reason` is for the log. Retrying later may succeed.
    case unavailable(reason: String)
    /// The store failed to read or write its storage; nothing of the operation was stored (or, for
    /// a store that stops writing after such a failure, nothing more will be). The failure
    /// describes itself for the log; retrying does not help until an operator acts.
    case storageFailed(StorageFailure)
}
