import Foundation
import ProfileKit
import Testing

/// A user id written in a test; a malformed one is a mistake in the test itself.
func fixtureUserID(_ raw: String) -> UserID {
    guard let id = UserID(raw) else { preconditionFailure("\(raw) is not a user id") }
    return id
}

/// A JSON object literal from key/value pairs, for bodies built from test arguments.
func jsonBody(_ fields: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
}

/// A JSON object from its text.
func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// Gives the registered `user` a profile built from `patch` straight in the store, whatever the
/// service's policy would require: a fixture for tests about something else than validation.
func seedProfile(_ patch: ProfilePatch, for user: UserID, in store: any ProfileStore, at date: Date) async throws {
    let stored = try #require(ValidatedProfilePatch(storedValues: patch), "a fixture the model can hold")
    try await store.update(user, expectingVersion: nil) { record in
        record?.profile = Profile.creating(from: stored, userID: user, at: date)
    }
}
