import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The floor under any durable upsert on this disk: append one line of a record's size to a file
/// and `fsync` it, nothing else (no encoding, no index, no lock).
struct AppendFsyncFloor {
    let descriptor: Int32
    let line: [UInt8]

    /// Opens (creating) `path` for appending lines of `line`'s bytes.
    init(path: String, line: [UInt8]) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BenchmarkFailure("cannot open \(path): errno \(errno)") }
        self.line = line
    }

    /// Appends the line and waits for `fsync`.
    func append() throws {
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            throw BenchmarkFailure("append failed: errno \(errno)")
        }
    }

    /// Closes the file.
    func finish() { _ = close(descriptor) }
}
