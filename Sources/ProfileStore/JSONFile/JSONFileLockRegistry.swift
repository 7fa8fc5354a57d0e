import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The single-writer lock on a store directory: a POSIX record lock (`fcntl(F_SETLK)`) on its
/// `LOCK` file against other processes, and this registry against other stores in this process.
///
/// Why not `flock`: a `flock` belongs to the open file description, which a child process
/// shares from `fork` until `exec` closes it. A server that spawns any process could then see
/// its own store "locked" for a moment after closing it (the tests caught exactly that). A
/// record lock belongs to the process and is never inherited. Its catch is that closing *any*
/// descriptor of the file releases the process's lock, and that it never conflicts within one
/// process; the registry answers both: it refuses a second in-process opener before it opens
/// the file, and every open and close of a `LOCK` file happens under its mutex. The set of
/// held files is process-wide state on purpose: the kernel's lock is process-wide too.
enum JSONFileLockRegistry {
    /// A file's identity, stable across paths that name it (symlinks, `..`).
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// A held lock.
    struct Held: Sendable {
        var descriptor: Int32
        var file: FileID
    }

    private static let held = Mutex<Set<FileID>>([])

    /// Locks the file at `path` (creating it), or throws ``JSONFileStoreError/locked(path:)``
    /// when this or another process holds it.
    static func acquire(_ path: String) throws(JSONFileStoreError) -> Held {
        try held.withLock { (held) throws(JSONFileStoreError) -> Held in
            var status = stat()
            if stat(path, &status) == 0, held.contains(FileID(status)) {
                throw .locked(path: path)
            }
            let descriptor = try JSONFilePOSIX.open(path, flags: O_RDWR | O_CREAT)
            // Closing is safe here: no store in this process holds this file (checked above,
            // and every other opener waits for this mutex).
            do throws(JSONFileStoreError) {
                guard fstat(descriptor, &status) == 0 else { throw .io(operation: "fstat", path: path, errno: errno) }
                let file = FileID(status)
                guard !held.contains(file), try JSONFilePOSIX.lockRecord(descriptor, path: path) else {
                    throw .locked(path: path)
                }
                held.insert(file)
                return Held(descriptor: descriptor, file: file)
            } catch {
                JSONFilePOSIX.close(descriptor)
                throw error
            }
        }
    }

    /// Releases a lock taken by ``acquire(_:)``.
    static func release(_ lock: Held) {
        held.withLock { held in
            // Close before forgetting: were the file forgotten first, another store in this
            // process could lock it, and this close would then release that store's lock.
            JSONFilePOSIX.close(lock.descriptor)
            held.remove(lock.file)
        }
    }
}

extension JSONFileLockRegistry.FileID {
    init(_ status: stat) {
        self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}
