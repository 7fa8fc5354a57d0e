import Foundation
import Logging
import PostgresProfileStore
import ProfileKit
import ServiceLifecycle

/// Where profiles and media live: the JSON-file store and media files under the data directory,
/// PostgreSQL for profiles with media under the data directory, or memory only. Opening happens
/// here and nowhere else.
public struct ProfileStorage: Sendable {
    /// Which store holds the profiles, as `/health` reports it.
    public enum Kind: String, Sendable {
        /// `InMemoryProfileStore`: nothing survives a restart.
        case memory
        /// `JSONFileProfileStore` under `<data>/store`.
        case jsonFile = "json-file"
        /// `PostgresProfileStore` at ``ServerConfiguration/storeURL``.
        case postgres
    }

    /// The profile store.
    public let store: any ProfileStore
    /// The media store.
    public let media: any MediaStore
    /// Which store ``store`` is.
    public let kind: Kind
    private let jsonFileStore: JSONFileProfileStore?
    private let postgresStore: PostgresProfileStore?

    /// Opens the storage `configuration` names: memory only; or `<data>/media`, created when
    /// missing, with `<data>/store` (created when missing) or the PostgreSQL database at
    /// ``ServerConfiguration/storeURL`` (its schema migrated on start).
    public static func open(_ configuration: ServerConfiguration) async throws(ServerError) -> ProfileStorage {
        if configuration.inMemory {
            return ProfileStorage(
                store: InMemoryProfileStore(), media: InMemoryMediaStore(), kind: .memory, jsonFileStore: nil,
                postgresStore: nil)
        }
        let directory = configuration.dataDirectory
        do {
            // The stores create their own directory, not its parents: the data directory may be new.
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let media = try FileSystemMediaStore(directory: directory + "/media")
            if let url = configuration.storeURL {
                let store = try await openPostgres(url)
                return ProfileStorage(
                    store: store, media: media, kind: .postgres, jsonFileStore: nil, postgresStore: store)
            }
            // The one place the store is opened. A first run creates it; a directory whose store
            // files went missing (its STORE marker without a journal) is still refused as corrupt.
            let store = try JSONFileProfileStore(directory: directory + "/store", options: .createIfMissing)
            return ProfileStorage(
                store: store, media: media, kind: .jsonFile, jsonFileStore: store, postgresStore: nil)
        } catch let error as ServerError {
            throw error
        } catch {
            throw .storage("cannot open the data directory \(directory): \(error)")
        }
    }

    private static func openPostgres(_ url: String) async throws(ServerError) -> PostgresProfileStore {
        let configuration: PostgresProfileStore.Configuration
        do {
            configuration = try PostgresProfileStore.Configuration(url: url)
        } catch {
            throw .configuration("--store: \(error)")
        }
        do {
            return try await PostgresProfileStore(configuration: configuration)
        } catch {
            // The store's errors never show a password (its URL errors redact it).
            throw .storage(
                "cannot open the PostgreSQL store at \(configuration.host):\(configuration.port): \(error)")
        }
    }

    /// Closes the store: for the JSON-file store a snapshot, then the lock is released; for
    /// PostgreSQL every connection. Safe to call twice.
    public func close() async throws {
        try jsonFileStore?.close()
        await postgresStore?.close()
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
            try await storage.close()
            logger.info("store closed cleanly")
        } catch {
            logger.error(
                "store close failed; the journal holds every acknowledged write", metadata: ["error": "\(error)"])
            throw error
        }
    }
}
