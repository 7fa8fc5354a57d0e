import Foundation
import ProfileKit

/// Input bytes as the JSON-file store's journal or snapshot, then `JSONFileProfileStore` opens it.
///
/// Invariants: opening either succeeds or throws `JSONFileStoreError.corrupt` and leaves every file
/// byte for byte as it was; a store that opened closes (writing a snapshot) and opens again.
/// Anything else, a trap included, is a finding.
struct StoreLoaderTarget: Sendable {
    /// The file the input becomes.
    let fileName: String

    static let journal = StoreLoaderTarget(fileName: "journal.jsonl")
    static let snapshot = StoreLoaderTarget(fileName: "snapshot.json")

    /// One directory per process, emptied before each input; in memory when `/dev/shm` exists.
    static let directory: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = base + "/profilekit-fuzz-store-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            FuzzFailure.harness("cannot create \(path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: StoreLoaderTarget.directory) }
        return path
    }()

    func run(_ bytes: [UInt8]) {
        let directory = Self.directory
        let files = FileManager.default
        for name in (try? files.contentsOfDirectory(atPath: directory)) ?? [] {
            try? files.removeItem(atPath: directory + "/" + name)
        }
        guard files.createFile(atPath: directory + "/" + fileName, contents: Data(bytes)) else {
            FuzzFailure.harness("cannot write \(fileName) in \(directory)")
        }
        let before = Self.contents(of: directory)
        let store: JSONFileProfileStore
        do throws(JSONFileStoreError) {
            store = try JSONFileProfileStore(directory: directory)
        } catch .corrupt {
            guard Self.contents(of: directory) == before else {
                FuzzFailure.violation("opening a corrupt \(fileName) changed the files")
            }
            return
        } catch {
            FuzzFailure.violation("opening \(fileName) threw \(error), not .corrupt")
        }
        do {
            try store.close()
        } catch {
            FuzzFailure.violation("a store that opened does not close: \(error)")
        }
        do {
            try JSONFileProfileStore(directory: directory).close()
        } catch {
            FuzzFailure.violation("a store that opened and closed does not open again: \(error)")
        }
    }

    /// Every file of `directory` but the lock, by name.
    private static func contents(of directory: String) -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name != "LOCK" {
            contents[name] = FileManager.default.contents(atPath: directory + "/" + name)
        }
        return contents
    }
}
