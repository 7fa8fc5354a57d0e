#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a target reports a broken invariant: a message on standard error, then `abort()`, which
/// libFuzzer turns into a crash artifact holding the input.
enum FuzzFailure {
    /// The invariant `message` names does not hold for the current input.
    static func violation(_ message: String) -> Never {
        printError("PROFILEKIT FUZZ INVARIANT VIOLATED: \(message)")
        abort()
    }

    /// The harness itself cannot run (a setup step failed); not a finding about the input.
    static func harness(_ message: String) -> Never {
        printError("ProfileKitFuzz: \(message)")
        exit(2)
    }

    /// Writes `message` and a newline to file descriptor 2 directly (the C `stderr` global is not
    /// concurrency-safe to name in Swift 6).
    private static func printError(_ message: String) {
        let bytes = Array((message + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(2, $0.baseAddress.map { $0 + written }, bytes.count - written) }
            guard count > 0 else { return }
            written += count
        }
    }
}
