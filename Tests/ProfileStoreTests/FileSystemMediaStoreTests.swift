import Foundation
import ProfileDomain
import ProfileStore
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("FileSystemMediaStore on disk")
struct FileSystemMediaStoreTests {
    let bytes: [UInt8] = Array("picture".utf8)

    @Test("a put leaves exactly one file, named by the key, holding the bytes, and no temporary file")
    func putWritesOneFile() async throws {
        let directory = try TemporaryDirectory()
        let store = try FileSystemMediaStore(directory: directory.path)
        let reference = try await store.put(
            bytes, contentType: "image/png", fileExtension: "png", purpose: "avatar", owner: .random())
        #expect(try directory.contents() == [reference.key])
        let onDisk = try Data(contentsOf: URL(fileURLWithPath: "\(directory.path)/\(reference.key)"))
        #expect(Array(onDisk) == bytes)
    }

    @Test("files survive reopening the store on the same directory, written with a trailing slash")
    func reopen() async throws {
        let directory = try TemporaryDirectory()
        let first = try FileSystemMediaStore(directory: directory.path + "/")
        #expect(first.directory == directory.path)
        let reference = try await first.put(
            bytes, contentType: "image/png", fileExtension: "png", purpose: "avatar", owner: .random())
        let second = try FileSystemMediaStore(directory: directory.path)
        #expect(try await second.bytes(for: reference.key) == bytes)
    }

    @Test("opening creates a missing directory")
    func createsDirectory() throws {
        let parent = try TemporaryDirectory()
        let path = "\(parent.path)/media"
        _ = try FileSystemMediaStore(directory: path)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test("opening on a regular file is an io error with ENOTDIR")
    func openOnFile() throws {
        let parent = try TemporaryDirectory()
        let path = "\(parent.path)/plain"
        #expect(FileManager.default.createFile(atPath: path, contents: Data([1])))
        #expect(throws: MediaStoreError.io(operation: "open directory", path: path, errno: ENOTDIR)) {
            _ = try FileSystemMediaStore(directory: path)
        }
    }

    @Test("opening under a missing parent is an io error with ENOENT")
    func openUnderMissingParent() throws {
        let parent = try TemporaryDirectory()
        let path = "\(parent.path)/missing/media"
        #expect(throws: MediaStoreError.io(operation: "create directory", path: path, errno: ENOENT)) {
            _ = try FileSystemMediaStore(directory: path)
        }
    }

    @Test("a symbolic link named like a key is not followed out of the directory")
    func symlinkIsNotFollowed() async throws {
        let directory = try TemporaryDirectory()
        let outside = try TemporaryDirectory()
        let secretPath = "\(outside.path)/secret"
        #expect(FileManager.default.createFile(atPath: secretPath, contents: Data("secret".utf8)))
        let key = try MediaKey(content: bytes, fileExtension: "png", owner: .random()).rawValue
        try FileManager.default.createSymbolicLink(atPath: "\(directory.path)/\(key)", withDestinationPath: secretPath)
        let store = try FileSystemMediaStore(directory: directory.path)
        await #expect(throws: MediaStoreError.io(operation: "open", path: "\(directory.path)/\(key)", errno: ELOOP)) {
            _ = try await store.bytes(for: key)
        }
    }

    @Test("a directory named like a key is an io error on read and on delete, not a crash")
    func directoryUnderKey() async throws {
        let directory = try TemporaryDirectory()
        let key = try MediaKey(content: bytes, fileExtension: "png", owner: .random()).rawValue
        let path = "\(directory.path)/\(key)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let store = try FileSystemMediaStore(directory: directory.path)
        await #expect(throws: MediaStoreError.io(operation: "read", path: path, errno: EISDIR)) {
            _ = try await store.bytes(for: key)
        }
        await #expect(throws: MediaStoreError.io(operation: "unlink", path: path, errno: EISDIR)) {
            try await store.delete(key: key)
        }
    }

    @Test("a put into a directory removed underneath the store is an io error")
    func putIntoRemovedDirectory() async throws {
        let parent = try TemporaryDirectory()
        let path = "\(parent.path)/media"
        let store = try FileSystemMediaStore(directory: path)
        try FileManager.default.removeItem(atPath: path)
        await #expect {
            _ = try await store.put(
                bytes, contentType: "image/png", fileExtension: "png", purpose: "avatar", owner: .random())
        } throws: { error in
            guard case .io(let operation, _, let code) = error as? MediaStoreError else { return false }
            return operation == "create temporary file" && code == ENOENT
        }
        await #expect(throws: MediaStoreError.io(operation: "open directory", path: path, errno: ENOENT)) {
            try await store.deleteAll(ownedBy: .random())
        }
    }

    @Test("deleteAll leaves files that are not media keys alone")
    func deleteAllKeepsForeignFiles() async throws {
        let directory = try TemporaryDirectory()
        let store = try FileSystemMediaStore(directory: directory.path)
        let owner = UserID.random()
        #expect(FileManager.default.createFile(atPath: "\(directory.path)/README", contents: Data()))
        _ = try await store.put(bytes, contentType: "image/png", fileExtension: "png", purpose: "avatar", owner: owner)
        #expect(try await store.deleteAll(ownedBy: owner) == 1)
        #expect(try directory.contents() == ["README"])
    }

    @Test("removeAbandonedUploads removes temporary files older than the age and keeps younger ones")
    func abandonedUploads() async throws {
        let directory = try TemporaryDirectory()
        let temporary = "\(directory.path)/.upload-deadbeef"
        #expect(FileManager.default.createFile(atPath: temporary, contents: Data([1, 2])))
        #expect(FileManager.default.createFile(atPath: "\(directory.path)/keep.txt", contents: Data()))
        let present = try FileSystemMediaStore(directory: directory.path)
        #expect(try present.removeAbandonedUploads(olderThan: 3600) == 0)
        #expect(FileManager.default.fileExists(atPath: temporary))
        let later = try FileSystemMediaStore(directory: directory.path, now: { Date().addingTimeInterval(7200) })
        #expect(try later.removeAbandonedUploads(olderThan: 3600) == 1)
        #expect(try directory.contents() == ["keep.txt"])
    }
}
