#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A snapshot file held open for the records a fast open left encoded: each decodes from the
/// file's bytes when first used.
///
/// The descriptor stays open while any state refers to the file, so a later snapshot renamed
/// over `snapshot.json` does not take the bytes away (the old file's space is freed when the last
/// reference goes). `pread` needs no shared position, so any thread may read.
final class JSONFileSnapshotFile: EncodedRecordSource {
    /// The path the file was opened at, for errors.
    let path: String
    /// The file's size when it was opened: no read goes past it.
    let size: Int
    private let descriptor: Int32

    /// Takes ownership of `descriptor`, an open `path` of `size` bytes.
    init(path: String, descriptor: Int32, size: Int) {
        self.path = path
        self.descriptor = descriptor
        self.size = size
    }

    deinit { JSONFilePOSIX.close(descriptor) }

    /// The `count` bytes at `offset`.
    ///
    /// - Throws: ``JSONFileStoreError/io(operation:path:errno:)`` when the system fails the read,
    ///   ``JSONFileStoreError/corrupt(file:offset:reason:)`` when the file became shorter.
    func bytes(at offset: Int, count: Int) throws(JSONFileStoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
            }
            if read > 0 {
                done += read
            } else if read == 0 {
                throw .corrupt(
                    file: path, offset: offset + done,
                    reason: "the snapshot became shorter while the store had it open (a record's bytes are gone)")
            } else if errno != EINTR {
                throw .io(operation: "read a record", path: path, errno: errno)
            }
        }
        return bytes
    }

    /// The size of a memory page: a release starts and ends on one.
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Hands the pages of `bytes` (a file mapping) between `start` and `position` back to the
    /// kernel, whole pages only; returns where the next release starts. The file's pages stay
    /// in the page cache, so reading them again costs a minor fault, not a disk read.
    static func releasePages(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, upTo position: Int) -> Int {
        let end = (position / pageSize) * pageSize
        guard let base = bytes.baseAddress, end > start else { return start }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, Int32(MADV_DONTNEED))
        return end
    }

    /// Opens the snapshot at `path` and maps it to run `body` over its bytes; `nil` when there is
    /// no such file. An empty file is passed as an empty buffer.
    static func withMappedFile<Result>(
        _ path: String,
        _ body: (UnsafeBufferPointer<UInt8>, JSONFileSnapshotFile) throws(JSONFileStoreError) -> Result
    ) throws(JSONFileStoreError) -> Result? {
        let descriptor: Int32
        do {
            descriptor = try JSONFilePOSIX.open(path, flags: O_RDONLY)
        } catch .io(_, _, ENOENT) {
            return nil
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            JSONFilePOSIX.close(descriptor)
            throw .io(operation: "fstat", path: path, errno: code)
        }
        let file = JSONFileSnapshotFile(path: path, descriptor: descriptor, size: Int(status.st_size))
        guard file.size > 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0), file) }
        guard let mapping = mmap(nil, file.size, PROT_READ, MAP_PRIVATE, descriptor, 0),
            mapping != UnsafeMutableRawPointer(bitPattern: -1)
        else {
            throw .io(operation: "mmap", path: path, errno: errno)
        }
        defer { munmap(mapping, file.size) }
        let bytes = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: file.size)
        return try body(bytes, file)
    }
}
