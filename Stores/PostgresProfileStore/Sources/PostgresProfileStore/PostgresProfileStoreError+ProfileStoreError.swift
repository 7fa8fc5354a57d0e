import ProfileStore

extension PostgresProfileStoreError {
    /// The protocol's error for this failure met by one of the store's operations, carrying it
    /// as the JSON-file store carries its own: `storageFailed` with this value underneath.
    var storeError: ProfileStoreError {
        .storageFailed(StorageFailure(self))
    }
}
