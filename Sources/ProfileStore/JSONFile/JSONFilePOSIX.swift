#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the JSON-file store makes, each retried on `EINTR`, with short writes
/// completed, and every failure turned into ``JSONFileStoreError/io(operation:path:errno:)``.
///
/// Foundation's file APIs are not used for the durable path because they neither `fsync` nor
/// say which system call failed.
enum JSONFilePOSIX {
    /// Opens `path`, returning the descriptor.
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o644) throws(JSONFileStoreError) -> Int32 {
        while true {
            let descriptor = systemOpen(path, flags | O_CLOEXEC, mode)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw .io(operation: "open", path: path, errno: errno) }
        }
    }

    /// The whole content of `path`, or `nil` when there is no such file.
    static func readFile(_ path: String) throws(JSONFileStoreError) -> [UInt8]? {
        let descriptor: Int32
        do {
            descriptor = try open(path, flags: O_RDONLY)
        } catch .io(_, _, ENOENT) {
            return nil
        }
        defer { systemClose(descriptor) }
        var bytes: [UInt8] = []
        // A chunk the size of the file (plus one, to see the end) reads it in one call; a file
        // that grows meanwhile takes more.
        var status = stat()
        let size = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        bytes.reserveCapacity(size)
        var chunk = [UInt8](repeating: 0, count: min(max(size + 1, 4096), 1 << 20))
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw .io(operation: "read", path: path, errno: errno)
            }
        }
    }

    /// Writes every byte of `bytes` to `descriptor`, continuing after short writes.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(JSONFileStoreError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count > 0 {
                written += count
            } else if count < 0 && errno != EINTR {
                throw .io(operation: "write", path: path, errno: errno)
            } else if count == 0 {
                throw .io(operation: "write", path: path, errno: EIO)
            }
        }
    }

    /// Flushes `descriptor`'s data and metadata to stable storage.
    static func fsync(_ descriptor: Int32, path: String) throws(JSONFileStoreError) {
        while systemFsync(descriptor) != 0 {
            if errno != EINTR { throw .io(operation: "fsync", path: path, errno: errno) }
        }
    }

    /// Makes the directory entries of `directory` (creations, renames) durable.
    static func fsyncDirectory(_ directory: String) throws(JSONFileStoreError) {
        let descriptor = try open(directory, flags: O_RDONLY | O_DIRECTORY)
        defer { systemClose(descriptor) }
        try fsync(descriptor, path: directory)
    }

    /// Cuts `descriptor`'s file to `length` bytes.
    static func truncate(_ descriptor: Int32, to length: Int, path: String) throws(JSONFileStoreError) {
        while systemFtruncate(descriptor, off_t(length)) != 0 {
            if errno != EINTR { throw .io(operation: "ftruncate", path: path, errno: errno) }
        }
    }

    /// Atomically replaces `destination` with `source`.
    static func rename(_ source: String, to destination: String) throws(JSONFileStoreError) {
        guard systemRename(source, destination) == 0 else {
            throw .io(operation: "rename", path: destination, errno: errno)
        }
    }

    /// Removes `path`; a missing file is not an error.
    static func unlink(_ path: String) throws(JSONFileStoreError) {
        guard systemUnlink(path) == 0 || errno == ENOENT else {
            throw .io(operation: "unlink", path: path, errno: errno)
        }
    }

    /// Whether `path` exists.
    static func exists(_ path: String) -> Bool {
        systemAccess(path, F_OK) == 0
    }

    /// Where a file lives and how many names it has.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var links: UInt64

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            links = UInt64(status.st_nlink)
        }
    }

    /// The identity of the file open as `descriptor`.
    static func identity(of descriptor: Int32, path: String) throws(JSONFileStoreError) -> Identity {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .io(operation: "fstat", path: path, errno: errno) }
        return Identity(status)
    }

    /// The identity of the file at `path`, or `nil` when there is none.
    static func identity(of path: String) throws(JSONFileStoreError) -> Identity? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .io(operation: "stat", path: path, errno: errno)
        }
        return Identity(status)
    }

    /// Takes an exclusive, non-blocking POSIX record lock on the whole file of `descriptor`.
    ///
    /// - Returns: `false` when another process holds a conflicting lock.
    static func lockRecord(_ descriptor: Int32, path: String) throws(JSONFileStoreError) -> Bool {
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 0
        lock.l_len = 0
        while fcntl(descriptor, F_SETLK, &lock) != 0 {
            if errno == EACCES || errno == EAGAIN { return false }
            if errno != EINTR { throw .io(operation: "fcntl(F_SETLK)", path: path, errno: errno) }
        }
        return true
    }

    /// Closes `descriptor`.
    static func close(_ descriptor: Int32) {
        // A close that fails after the data was fsynced loses nothing, and retrying close
        // after EINTR on Linux may close a descriptor another thread just opened.
        systemClose(descriptor)
    }
}

// The system functions under other names, so that the wrappers above can share their names.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, buffer, count) }
private func systemFsync(_ fd: Int32) -> Int32 { fsync(fd) }
private func systemFtruncate(_ fd: Int32, _ length: off_t) -> Int32 { ftruncate(fd, length) }
private func systemRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
private func systemUnlink(_ path: String) -> Int32 { unlink(path) }
private func systemAccess(_ path: String, _ mode: Int32) -> Int32 { access(path, mode) }
private func systemClose(_ fd: Int32) { _ = close(fd) }
