/// Failures a test injects into the journal's write path, to prove what the store does when the
/// disk fails: the seam is internal, reached with `@testable import`, and empty in production,
/// where it costs one `nil` check per batch.
struct JSONFileFaults: Sendable {
    /// Called once per group-commit batch, with the batch's last sequence number, before its
    /// lines are written; an `errno` fails the `write` with it instead.
    var journalWrite: (@Sendable (_ sequence: Int) -> Int32?)?
    /// Called once per batch, with its last sequence number, before the journal is fsynced; an
    /// `errno` fails the `fsync` with it instead (the lines were written: their durability is
    /// unknown, as after a real failed `fsync`). Runs on the store's I/O thread.
    var journalFsync: (@Sendable (_ sequence: Int) -> Int32?)?
    /// Called on the background snapshot thread, with the sequence number the snapshot copied
    /// the state at, before the snapshot is written; an `errno` fails the snapshot with it. A
    /// test may block in it to hold a compaction back while writes go on.
    var snapshotWrite: (@Sendable (_ sequence: Int) -> Int32?)?

    /// No faults: the production value.
    static let none = JSONFileFaults()
}
