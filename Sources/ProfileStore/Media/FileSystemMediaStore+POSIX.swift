#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls behind ``FileSystemMediaStore``: each retries on `EINTR` and turns a failure
/// into ``MediaStoreError/io(operation:path:errno:)``.
extension FileSystemMediaStore {
    static func ensureDirectory(_ path: String) throws(MediaStoreError) {
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw .io(operation: "create directory", path: path, errno: errno)
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw .io(operation: "stat directory", path: path, errno: errno) }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw .io(operation: "open directory", path: path, errno: ENOTDIR)
        }
    }

    static func fileExists(_ path: String) throws(MediaStoreError) -> Bool {
        var status = stat()
        if lstat(path, &status) == 0 { return true }
        guard errno == ENOENT else { throw .io(operation: "stat", path: path, errno: errno) }
        return false
    }

    static func modificationTime(_ path: String) throws(MediaStoreError) -> Double? {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            guard errno == ENOENT else { throw .io(operation: "stat", path: path, errno: errno) }
            return nil
        }
        #if canImport(Darwin)
        return Double(status.st_mtimespec.tv_sec)
        #else
        return Double(status.st_mtim.tv_sec)
        #endif
    }

    /// Writes `bytes` to a temporary file in `directory`, fsyncs it, renames it to `path` and
    /// fsyncs the directory; the temporary file is removed on any failure.
    static func writeAtomically(_ bytes: [UInt8], to path: String, in directory: String) throws(MediaStoreError) {
        let suffix =
            String(UInt64.random(in: .min ... .max), radix: 16) + String(UInt64.random(in: .min ... .max), radix: 16)
        let temporary = "\(directory)/\(temporaryPrefix)\(suffix)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw .io(operation: "create temporary file", path: temporary, errno: errno) }
        var failure: MediaStoreError?
        do throws(MediaStoreError) {
            try writeAll(bytes, to: descriptor, path: temporary)
            guard fsync(descriptor) == 0 else { throw .io(operation: "fsync", path: temporary, errno: errno) }
        } catch {
            failure = error
        }
        // Closed exactly once, whatever happened: a second close could hit a descriptor another
        // thread has been given since.
        if close(descriptor) != 0, failure == nil {
            failure = .io(operation: "close", path: temporary, errno: errno)
        }
        if let failure {
            _ = unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else {
            let failure = errno
            _ = unlink(temporary)
            throw .io(operation: "rename", path: path, errno: failure)
        }
        try synchronizeDirectory(directory)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(MediaStoreError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "write", path: path, errno: errno)
            }
            written += result
        }
    }

    /// The content of the regular file at `path`, or `nil` when there is none.
    static func readFile(_ path: String) throws(MediaStoreError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            guard errno == ENOENT else { throw .io(operation: "open", path: path, errno: errno) }
            return nil
        }
        defer { _ = close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .io(operation: "fstat", path: path, errno: errno) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "read", path: path, errno: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Unlinks `path`; `false` when there was nothing to unlink.
    static func removeFile(_ path: String) throws(MediaStoreError) -> Bool {
        if unlink(path) == 0 { return true }
        guard errno == ENOENT else { throw .io(operation: "unlink", path: path, errno: errno) }
        return false
    }

    /// Fsyncs `directory` so that a rename or unlink in it survives a power loss.
    static func synchronizeDirectory(_ directory: String) throws(MediaStoreError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(operation: "open directory", path: directory, errno: errno) }
        defer { _ = close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .io(operation: "fsync directory", path: directory, errno: errno) }
    }

    /// The names in `directory`, without `.` and `..`.
    static func fileNames(in directory: String) throws(MediaStoreError) -> [String] {
        guard let stream = opendir(directory) else {
            throw .io(operation: "open directory", path: directory, errno: errno)
        }
        defer { _ = closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." {
                names.append(name)
            }
        }
        return names
    }
}
