/// Which deletions may still have bytes in a JSON-file store's files, and whether the compaction
/// that erases them is due: the bookkeeping behind ``JSONFileProfileStore/awaitErasure()``.
///
/// A deletion is acknowledged once its journal record is durable; the snapshot and the journal
/// still hold the deleted user's earlier records until a snapshot that copied the state at or
/// after the deletion is in place and the journal is replaced by the records written since the
/// copy. That background snapshot (the compaction) starts as soon as the deletion is durable, or
/// when the snapshot already running ends; deletions made meanwhile share the next one.
struct JSONFileErasureSchedule: Sendable {
    /// The sequence number of the latest deletion whose bytes may still be in a file; 0 for none.
    private(set) var dueThrough = 0
    /// The sequence number at which the last completed compaction copied the state: every
    /// deletion up to it is erased from the files.
    private(set) var compactedThrough = 0
    /// Why the last compaction failed while an erasure was pending. While set, no compaction
    /// starts by itself (a full disk must not be retried on every write); the next regular
    /// snapshot, ``JSONFileProfileStore/compact()`` or ``JSONFileProfileStore/awaitErasure()``
    /// tries again.
    var failure: ProfileStoreError?

    /// Whether a deletion's bytes may still be in a file.
    var isPending: Bool { dueThrough > compactedThrough }

    /// Whether a compaction should start by itself now.
    var isDue: Bool { isPending && failure == nil }

    /// Records that the record at `sequence` deleted a user (or that the files may hold records
    /// a snapshot already superseded, when a store opens).
    mutating func deleted(at sequence: Int) {
        dueThrough = max(dueThrough, sequence)
    }

    /// Records a snapshot in place and a journal holding only records after `sequence`.
    mutating func compacted(through sequence: Int) {
        compactedThrough = max(compactedThrough, sequence)
        if !isPending { failure = nil }
    }

    /// Records a failed snapshot: an erasure waiting for it stays pending, with `error`.
    mutating func failed(_ error: ProfileStoreError) {
        if isPending { failure = error }
    }

    /// Whether replaying `mutation` on open means the files may hold a deleted user's bytes.
    static func erases(_ mutation: StoreMutation) -> Bool {
        switch mutation {
        case .delete, .deleteHolding: true
        default: false
        }
    }
}
