import Foundation
import Logging
import ProfileKit
import ServiceLifecycle

/// Where profiles and media live: the JSON-file store and media files under the data directory,
/// or memory only. Opening happens here and nowhere else.
public struct ProfileStorage: Sendable {
    /// The profile store.
    public let store: any ProfileStore
    /// The media store.
    public let media: any MediaStore
    private let jsonFileStore: JSONFileProfileStore?

    /// Opens the storage `configuration` names: `<data>/store` and `<data>/media`, created when
    /// missing, or memory only.
    public static func open(_ configuration: ServerConfiguration) throws(ServerError) -> ProfileStorage {
        if configuration.inMemory {
            return ProfileStorage(store: InMemoryProfileStore(), media: InMemoryMediaStore(), jsonFileStore: nil)
        }
        let directory = configuration.dataDirectory
        do {
            // The stores create their own directory, not its parents: the data directory may be new.
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let media = try FileSystemMediaStore(directory: directory + "/media")
            // The one place the store is opened. A first run creates it; a directory whose store
            // files went missing (its STORE marker without a journal) is still refused as corrupt.
            let store = try JSONFileProfileStore(directory: directory + "/store", options: .createIfMissing)
            return ProfileStorage(store: store, media: media, jsonFileStore: store)
        } catch {
            throw .storage("cannot open the data directory \(directory): \(error)")
        }
    }

    /// Closes the store: a snapshot, then the lock is released. Safe to call twice.
    public func close() throws {
        try jsonFileStore?.close()
    }

    /// A service that closes the storage once every service after it has shut down; mounted
    /// before the HTTP server, so in-flight writes finish first.
    func closingService(logger: Logger) -> some Service { StorageCloser(storage: self, logger: logger) }
}

/// Waits for graceful shutdown, then closes the storage.
private struct StorageCloser: Service {
    let storage: ProfileStorage
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        do {
            try storage.close()
            logger.info("store closed cleanly")
        } catch {
            logger.error(
                "store close failed; the journal holds every acknowledged write", metadata: ["error": "\(error)"])
            throw error
        }
    }
}
