import ProfileDomain
import ProfileValidation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The use cases a server calls: one method per endpoint family of the four specs, each taking
/// the authenticated ``ProfileDomain/Caller`` explicitly, so that authorization lives here and
/// not in every server.
///
/// A handler is three lines: decode the spec's request type, call a method, encode the result
/// (or the thrown ``ProfileDomain/ProfileError``) in the spec's envelope.
///
/// ```swift
/// let service = ProfileService(store: InMemoryProfileStore(), policy: .creator)
/// let request = try decoder.decode(CreatorWire.ProfileRequest.self, from: body)
/// let result = try await service.upsertProfile(request.update, for: .user(userID))
/// ```
///
/// Every method throws only ``ProfileDomain/ProfileError``. The order of checks is fixed and
/// documented in `Docs/Service.md`: authentication (401), then ownership (403), then existence
/// (404), then validation (422), then uniqueness (409) and the `If-Match` version (412).
public struct ProfileService: Sendable {
    /// Where records live.
    public let store: any ProfileStore
    /// The rules every update must satisfy.
    public let policy: ValidationPolicy
    /// Where uploaded images go; uploads fail with a 500 when there is none.
    public let media: (any MediaStore)?
    /// The prefix of the path an uploaded avatar is served under, e.g. `/media/avatars/`.
    public let mediaPathPrefix: String
    /// The source of `createdAt` and `updatedAt`.
    public let now: @Sendable () -> Date
    /// Serializes each user's media-changing use cases; shared by copies of the service.
    let mediaGate = UserMediaGate()

    /// Creates a service.
    ///
    /// - Parameters:
    ///   - store: where records live.
    ///   - policy: the validation preset of the spec the server implements (`.creator`,
    ///     `.social`, `.mobile`, `.django`) or a policy of its own.
    ///   - media: where uploaded avatars go; `nil` disables uploads.
    ///   - mediaPathPrefix: prepended to a media key to form the stored avatar path.
    ///   - now: the clock; tests pass a fixed one.
    public init(
        store: any ProfileStore,
        policy: ValidationPolicy = .default,
        media: (any MediaStore)? = nil,
        mediaPathPrefix: String = "/media/avatars/",
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.policy = policy
        self.media = media
        self.mediaPathPrefix = mediaPathPrefix
        self.now = now
    }

    /// The caller's user id, or 401.
    func authenticated(_ caller: Caller) throws(ProfileError) -> UserID {
        guard let userID = caller.userID else { throw .unauthenticated }
        return userID
    }

    /// The caller's user id when it is `target`; 401 for anonymous, 403 for anyone else.
    ///
    /// Ownership is checked before existence so that a 404 never tells a stranger whether a
    /// user id exists.
    func owner(_ target: UserID, _ caller: Caller) throws(ProfileError) -> UserID {
        let userID = try authenticated(caller)
        guard userID == target else { throw .forbidden }
        return userID
    }

    /// Runs a store operation, mapping its errors to ``ProfileError``.
    func storeCall<Result>(
        _ operation: () async throws(ProfileStoreError) -> Result
    ) async throws(ProfileError)
        -> Result
    {
        do {
            return try await operation()
        } catch {
            throw error.profileError
        }
    }

    /// Runs `body` as one atomic step of the store on `userID`'s record (see
    /// ``ProfileStore/update(_:expectingVersion:_:)``), mapping whatever it throws to ``ProfileError``.
    func atomically<Result: Sendable>(
        _ userID: UserID,
        expectingVersion expectedVersion: Int? = nil,
        _ body: (inout UserRecord?) throws -> Result
    ) async throws(ProfileError) -> Result {
        do {
            return try await store.update(userID, expectingVersion: expectedVersion, body)
        } catch {
            throw Self.profileError(from: error)
        }
    }

    /// Maps whatever an atomic step threw to the one error type of the service.
    static func profileError(from error: any Error) -> ProfileError {
        switch error {
        case let error as ProfileError: error
        case let error as ProfileStoreError: error.profileError
        case let error as ValidationReport: error.profileError
        case let error as FieldError: .validation([error])
        default: .internalError(underlying: "\(error)")
        }
    }

    /// The stored record of `userID`, or `nil`.
    func storedRecord(_ userID: UserID) async throws(ProfileError) -> UserRecord? {
        try await storeCall { () async throws(ProfileStoreError) in try await store.record(for: userID) }
    }

    /// The follower and following counts of `userID`.
    func socialCounts(of userID: UserID) async throws(ProfileError) -> SocialCounts {
        try await storeCall { () async throws(ProfileStoreError) in try await store.socialCounts(for: userID) }
    }

    /// The owner's view of `record`, with its counts read from the store.
    func ownerView(of record: UserRecord) async throws(ProfileError) -> OwnerProfileView {
        OwnerProfileView(record: record, socialCounts: try await socialCounts(of: record.userID))
    }
}
