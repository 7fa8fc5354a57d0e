import Foundation
import ProfileDomain

extension JSONFileProfileStore {
    /// Rewrites the store's files so that they hold the current state and nothing else: a fresh
    /// `snapshot.json` (written beside and renamed over the old one) and an empty journal.
    ///
    /// After it returns, no byte of a deleted record or of an overwritten field is left in any file
    /// of the store's directory (the old snapshot is unlinked by the rename, the journal truncated
    /// and `fsync`ed). Blocks other writes of the store for the length of a snapshot
    /// (`Docs/JSONFileStore.md`, "Erasure"), on a thread of its own, never on the caller's: to
    /// erase deleted users, ``awaitErasure()`` does the same without pausing writers; `compact()`
    /// is for overwritten values too, or before a backup.
    ///
    /// Freed disk blocks, file-system journals and backups are below the store and out of its
    /// reach: erase those with the storage (encrypted volumes, `fstrim`, backup rotation).
    ///
    /// - Throws: ``ProfileStoreError/storageFailed(_:)`` carrying
    ///   ``JSONFileStoreError/io(operation:path:errno:)`` on a system failure or a closed store.
    public func compact() async throws(ProfileStoreError) {
        try await onOwnThread { [self] () throws(ProfileStoreError) in try snapshot() }
    }

    /// Returns once every user deleted before the call is erased from the store's files: no byte
    /// of theirs is left in the journal or the snapshot.
    ///
    /// ``deleteUser(_:holding:)`` returns when the deletion is durable and leaves the erasure to a
    /// compaction in the background (a snapshot, written while writes go on), which starts at once
    /// or, when a snapshot is already being written, as soon as that one ends. So the bound is:
    /// erased when the compaction that starts after the deletion completes, at most two
    /// snapshot writes after it (`Docs/JSONFileStore.md`, "Erasure", has the times). After a
    /// crash in between, the deletion is in the journal and opening the store starts the
    /// compaction again. Returns at once when nothing is pending.
    ///
    /// A compaction that failed (a full disk) is retried once here, and its error thrown; a
    /// failed compaction is not retried by itself until the next regular snapshot.
    ///
    /// - Throws: ``ProfileStoreError/storageFailed(_:)`` when the compaction fails, the store
    ///   refuses writes or is closed with the erasure pending (``JSONFileStoreError/init(_:)``
    ///   takes the `errno` back out).
    public func awaitErasure() async throws(ProfileStoreError) {
        try await onOwnThread { [self] () throws(ProfileStoreError) in try waitForErasure() }
    }

    /// Blocks until every deletion recorded before the call is erased; see ``awaitErasure()``.
    private func waitForErasure() throws(ProfileStoreError) {
        let target = core.withLock { core in
            core.erasure.failure = nil
            return core.erasure.dueThrough
        }
        // Each pass waits for the snapshot being written, or starts one: every snapshot that
        // starts after the call copies the state at or after `target` and either erases it or
        // records a failure, so the passes end.
        while true {
            snapshotInBackgroundIfDue()
            backgroundSnapshots.wait()
            let done = try core.withLock { (core) throws(ProfileStoreError) -> Bool in
                if core.erasure.compactedThrough >= target { return true }
                if let failure = core.erasure.failure ?? core.failure { throw failure }
                try core.requireOpen()
                return false
            }
            if done { return }
        }
    }

    /// Runs `body` on a thread of its own and returns its outcome: writing a snapshot blocks in
    /// `write` and `fsync` for as long as the state is large, and the cooperative pool has as
    /// few threads as the machine has cores.
    private func onOwnThread(
        _ body: @escaping @Sendable () throws(ProfileStoreError) -> Void
    ) async throws(ProfileStoreError) {
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<ProfileStoreError?, Never>) in
            Thread.detachNewThread {
                do throws(ProfileStoreError) {
                    try body()
                    continuation.resume(returning: nil)
                } catch {
                    continuation.resume(returning: error)
                }
            }
        }
        if let outcome { throw outcome }
    }
}
