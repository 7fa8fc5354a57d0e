import ProfileDomain
import Synchronization

/// Runs one user's media-changing use cases one at a time (other users' run in parallel).
///
/// Media keys are content-addressed: uploading bytes the user already stored reuses the file. A
/// step that drops a key and deletes its file could otherwise interleave with an upload of the
/// same bytes that found the file present and references it again, leaving a reference to a
/// deleted file. Holding the gate from the file write (or the dropping step) to the end of the
/// deletion rules that out within one service (copies of a service share its gate).
///
/// Waiting is not cancellable; a holder runs a few store steps and file operations.
final class UserMediaGate: Sendable {
    private struct State {
        var held: Set<UserID> = []
        var waiters: [UserID: [CheckedContinuation<Void, Never>]] = [:]
    }

    private let state = Mutex(State())

    /// Runs `body` while no other caller of this gate runs for `user`.
    func serialized<Result>(
        _ user: UserID, _ body: () async throws(ProfileError) -> Result
    ) async throws(ProfileError) -> Result {
        await acquire(user)
        defer { release(user) }
        return try await body()
    }

    private func acquire(_ user: UserID) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state in
                if state.held.insert(user).inserted { return true }
                state.waiters[user, default: []].append(continuation)
                return false
            }
            if granted { continuation.resume() }
        }
    }

    private func release(_ user: UserID) {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard var queue = state.waiters[user], !queue.isEmpty else {
                state.held.remove(user)
                return nil
            }
            // The gate passes straight to the next waiter: `held` stays set.
            let first = queue.removeFirst()
            state.waiters[user] = queue.isEmpty ? nil : queue
            return first
        }
        next?.resume()
    }
}
