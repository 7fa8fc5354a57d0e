/// Why an atomic step (``ProfileStore/update(_:expectingVersion:holding:_:)``) failed: its body
/// rejected the change, or the store did.
///
/// The body's error keeps its own type, so a caller whose body throws one error type handles
/// exactly two cases instead of casting `any Error`. A body that cannot throw makes `Failure`
/// `Never`, and then only ``store(_:)`` can happen.
public enum ProfileStoreFailure<Failure: Error>: Error {
    /// The body threw `Failure`; nothing of the step was stored.
    case rejected(Failure)
    /// The store refused or failed the step (a unique index, a stale version, an invalid
    /// mutation, a failed write); nothing of the step was stored.
    case store(ProfileStoreError)
}

extension ProfileStoreFailure where Failure == Never {
    /// The store's error: a body that cannot throw leaves only the store to fail.
    public var storeError: ProfileStoreError {
        switch self {
        case .store(let error): return error
        case .rejected(let impossible): switch impossible {}
        }
    }
}

extension ProfileStoreFailure: Equatable where Failure: Equatable {}
extension ProfileStoreFailure: Hashable where Failure: Hashable {}
