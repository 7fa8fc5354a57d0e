/// Failures a test injects into the journal's write path, to prove what the store does when the
/// disk fails: the seam is internal, reached with `@testable import`, and empty in production,
/// where it costs one `nil` check per write.
struct JSONFileFaults: Sendable {
    /// Called before the journal line of record `sequence` is written; an `errno` fails the
    /// `write` with it instead.
    var journalWrite: (@Sendable (_ sequence: Int) -> Int32?)?
    /// Called before the journal is fsynced after record `sequence`; an `errno` fails the
    /// `fsync` with it instead (the line was written: its durability is unknown, as after a
    /// real failed `fsync`).
    var journalFsync: (@Sendable (_ sequence: Int) -> Int32?)?

    /// No faults: the production value.
    static let none = JSONFileFaults()
}
