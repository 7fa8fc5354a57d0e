import ProfileStore

/// A ``JSONFileProfileStore`` in a temporary directory that it deletes when released, so that a
/// suite handed only a store (the conformance suite) leaves nothing behind.
final class JSONFileTemporaryStore: ForwardingProfileStore {
    /// The directory, removed once the store is closed in deinit.
    let directory: TemporaryDirectory
    /// The store itself.
    let store: JSONFileProfileStore

    var inner: JSONFileProfileStore { store }

    init(options: JSONFileProfileStore.Options) throws {
        directory = try TemporaryDirectory()
        var options = options
        options.creation = .createIfMissing
        store = try JSONFileProfileStore(directory: directory.path, options: options)
    }

    deinit {
        try? store.close()
    }
}
