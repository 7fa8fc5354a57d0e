import Foundation
import ProfileDomain

extension JSONFileProfileStore {
    /// Rewrites the store's files so that they hold the current state and nothing else: a fresh
    /// `snapshot.json` (written beside and renamed over the old one) and an empty journal.
    ///
    /// After it returns, no byte of a deleted record or of an overwritten field is left in any file
    /// of the store's directory (the old snapshot is unlinked by the rename, the journal truncated
    /// and `fsync`ed). ``deleteUser(_:)`` runs it before it returns; call it yourself after a batch
    /// of erasures or to retry one whose compaction failed. Blocks other writes of the store for
    /// the length of a snapshot (`Docs/JSONFileStore.md`, "Erasure"), on a thread of its own, never
    /// on the caller's.
    ///
    /// Freed disk blocks, file-system journals and backups are below the store and out of its
    /// reach: erase those with the storage (encrypted volumes, `fstrim`, backup rotation).
    ///
    /// - Throws: ``ProfileStoreError/storageFailed(_:)`` carrying
    ///   ``JSONFileStoreError/io(operation:path:errno:)`` on a system failure or a closed store.
    public func compact() async throws(ProfileStoreError) {
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<ProfileStoreError?, Never>) in
            // A dedicated thread: writing a snapshot blocks in `write` and `fsync` for as long as
            // the state is large, and the cooperative pool has as few threads as the machine has cores.
            Thread.detachNewThread { [self] in
                do throws(ProfileStoreError) {
                    try snapshot()
                    continuation.resume(returning: nil)
                } catch {
                    continuation.resume(returning: error)
                }
            }
        }
        if let outcome { throw outcome }
    }
}
