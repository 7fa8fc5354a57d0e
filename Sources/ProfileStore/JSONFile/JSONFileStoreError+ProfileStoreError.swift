extension ProfileStoreError {
    /// The protocol's error for a JSON-file failure met by one of its operations.
    init(_ error: JSONFileStoreError) {
        self = .storageFailed(StorageFailure(error))
    }

    /// Runs `body`, a step of the JSON-file store's own machinery, reporting its failure as the
    /// protocol's error.
    static func reporting<Value>(
        _ body: () throws(JSONFileStoreError) -> Value
    ) throws(ProfileStoreError) -> Value {
        do {
            return try body()
        } catch {
            throw ProfileStoreError(error)
        }
    }
}
