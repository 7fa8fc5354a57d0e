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
/// documented in `Docs/Service.md`: authentication (401), ownership (403), the `If-Match`
/// version (412, compared by the store before the atomic step runs), existence (404), images
/// (413/415), validation (422), uniqueness (409).
public struct ProfileService: Sendable {
    /// Where records live.
    public let store: any ProfileStore
    /// The rules every update must satisfy.
    public private(set) var policy: ValidationPolicy
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

    /// This service under `policy`: the same store, media store and clock, and the same per-user
    /// serialization of media changes.
    ///
    /// A server that serves several specs over one store derives each spec's service from one
    /// service this way, so that one user's uploads through two specs never race each other.
    public func with(policy: ValidationPolicy) -> ProfileService {
        var service = self
        service.policy = policy
        return service
    }

    /// The caller's user id; 401 for anonymous, 403 for an operator (authenticated, but it owns
    /// no profile: its powers are the operator calls).
    func authenticated(_ caller: Caller) throws(ProfileError) -> UserID {
        guard let userID = caller.userID else {
            if case .operator = caller {
                throw ProfileError(
                    code: .forbidden, message: "An operator owns no profile; it acts through the operator calls")
            }
            throw .unauthenticated
        }
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
    /// ``ProfileStore/update(_:expectingVersion:holding:_:)``): what `body` throws comes back
    /// unchanged, a store error as its ``ProfileDomain/ProfileError``. The step keeps username
    /// holds and history under the policy's terms at `date` (the clock's time when `nil`).
    func atomically<Value: Sendable>(
        _ userID: UserID,
        expectingVersion expectedVersion: Int? = nil,
        at date: Date? = nil,
        _ body: (inout UserRecord?) throws(ProfileError) -> Value
    ) async throws(ProfileError) -> Value {
        do {
            return try await store.update(
                userID, expectingVersion: expectedVersion, holding: holdTerms(at: date ?? now()), body)
        } catch {
            switch error {
            case .rejected(let error): throw error
            case .store(let error): throw error.profileError
            }
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
