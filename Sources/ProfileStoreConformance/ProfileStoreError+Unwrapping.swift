import ProfileStore

extension ProfileStoreError {
    /// The store error that `error` is or carries: an operation's own error, or the store side of
    /// an atomic step whose body cannot throw (``ProfileStore/ProfileStoreFailure/store(_:)``);
    /// `nil` for anything else, a body's error included.
    init?(storeErrorIn error: any Error) {
        switch error {
        case let error as ProfileStoreError: self = error
        case let error as ProfileStoreFailure<Never>: self = error.storeError
        default: return nil
        }
    }
}
