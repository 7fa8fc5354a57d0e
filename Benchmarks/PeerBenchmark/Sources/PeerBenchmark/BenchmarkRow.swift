import Foundation

/// One measured number, printed as one JSON line on standard output for `Benchmarks/run` to
/// collect: the `{"row", "value", "unit"}` lines `profilekit-pg-bench` prints, plus the subject.
struct BenchmarkRow: Encodable {
    /// What was measured, as `Benchmarks/table.py` names it (`upsert-p50/1000`, ...).
    var row: String
    /// Who was measured: `ProfileKit`, `SQLite (GRDB)` or `append+fsync floor`.
    var subject: String
    /// The number, in `unit`.
    var value: Double
    /// `ns`, `us`, `ms`, `MiB` or `writes/s`.
    var unit: String

    /// Prints the row as one line and flushes it, so that a parent reading a pipe sees it at once.
    func emit() throws {
        let line = try JSONEncoder().encode(self)
        FileHandle.standardOutput.write(line + Data("\n".utf8))
    }
}
