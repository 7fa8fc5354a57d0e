import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A running `ProfileStoreCrashWriter`, whose standard output the test reads line by line.
///
/// Standard error goes to a temporary file, not a pipe: nobody reads a pipe while the test waits
/// on standard output, so a chatty child (a sanitizer's reports) would fill it, block in `write`
/// and never print the line the test waits for.
final class JSONFileCrashWriterProcess {
    private let process = Process()
    private let output = Pipe()
    private let errorFile: URL
    private var buffer: [UInt8] = []

    /// Starts the writer with `arguments` (a mode and a directory).
    init(_ arguments: [String]) throws {
        errorFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("profilekit-crash-writer-\(UUID().uuidString).stderr")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errorFile.path])
        }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        process.executableURL = try Self.executable()
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { killNow() }
        try? FileManager.default.removeItem(at: errorFile)
    }

    /// The next line of output, or `nil` once the process closed its output (it exited) or
    /// printed nothing for `silence` (it hangs: the test fails instead of waiting forever).
    func nextLine(silence: Duration = .seconds(120)) -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            var ready = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(silence.components.seconds * 1000)
            let polled = poll(&ready, 1, milliseconds)
            if polled == 0 { return nil }
            if polled < 0 {
                if errno == EINTR { continue }
                return nil
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes {
                read(output.fileHandleForReading.fileDescriptor, $0.baseAddress, $0.count)
            }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count == 0 || errno != EINTR {
                return nil
            }
        }
    }

    /// Starts the writer with `arguments` and runs `body` with it on a thread of its own, not on
    /// the cooperative pool: reading its output blocks for as long as the writer takes, and the
    /// pool has as few threads as the machine has cores, so a blocked pool thread would stall
    /// every other test running meanwhile (and their deadlines on a busy machine). `body` reports
    /// a failure by throwing (a ``Failure``), never with `#require`, which needs the test's task.
    static func session<Value: Sendable>(
        _ arguments: [String], _ body: @escaping @Sendable (JSONFileCrashWriterProcess) throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try body(JSONFileCrashWriterProcess(arguments)) })
            }
        }
    }

    /// A writer session that went wrong, with what the writer printed on standard error.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends SIGKILL and waits for the process to end.
    func killNow() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// What the process has written to standard error so far; never waits for it.
    func errorOutput() -> String {
        String(decoding: FileManager.default.contents(atPath: errorFile.path) ?? Data(), as: UTF8.self)
    }

    /// The writer binary: `PROFILEKIT_CRASH_WRITER` when set, else next to the test binary
    /// (SwiftPM puts every product of a build in one directory), else in `.build/debug`.
    static func executable() throws -> URL {
        let name = "ProfileStoreCrashWriter"
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["PROFILEKIT_CRASH_WRITER"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for directory in sequence(
            first: testBinary.deletingLastPathComponent(), next: { $0.deletingLastPathComponent() }
        )
        .prefix(4) {
            candidates.append(directory.appendingPathComponent(name))
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/\(name)"))
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        throw CrashWriterNotFound(candidates: candidates.map(\.path))
    }

    /// The writer binary is missing: the build did not produce it where the tests look.
    struct CrashWriterNotFound: Error, CustomStringConvertible {
        let candidates: [String]
        var description: String {
            "ProfileStoreCrashWriter was not found; run `swift build --build-tests` (the test target depends on it) "
                + "or set PROFILEKIT_CRASH_WRITER. Looked at: " + candidates.joined(separator: ", ")
        }
    }
}
