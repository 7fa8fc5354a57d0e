// The main job: ProfileKit at work end to end, on a durable store in a temporary directory.
//
// Each step sends a request through `ProfileAPI` exactly as a server would and prints the
// request and the spec's response, so a newcomer sees the contract, the three-state merge,
// validation that reports everything at once, uniqueness, authorization and durability.
import Foundation
import ProfileKit

let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("profilekit-tour-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: directory) }

func say(_ text: String) { print("\n\u{2014} \(text)") }

/// Sends a request, prints it and the answer, and stops the tour when the status is not the
/// one the tour expects (so CI notices a broken main job).
func send(
    _ api: ProfileAPI, _ method: String, _ path: String, as caller: Caller, body: String? = nil,
    expecting expected: Int
) async -> EndpointResponse {
    let who = caller.userID.map { "as \($0)" } ?? "anonymously"
    print("\(method) \(path) \(who)")
    if let body { print("  \(body)") }
    let response = await api.respond(
        to: EndpointRequest(method: method, path: path, caller: caller, body: Array((body ?? "").utf8)))
    print("\u{2192} \(response.status)\(response.headers["ETag"].map { "  ETag: \($0)" } ?? "")")
    print("  \(response.bodyText)")
    if response.status.code != expected {
        print("The tour expected \(expected) here and got \(response.status.code)")
        exit(1)
    }
    return response
}

do {
    let store = try JSONFileProfileStore(directory: directory.path, options: .createIfMissing)
    // One value serves the four specs over one store and one media store; each route is answered
    // under its own spec's preset (the creator's rules on /api/v1/profiles, the social ones on
    // /api/v1/profile) and in its own spec's envelope.
    let api = ProfileAPI(store: store, media: InMemoryMediaStore())
    print("Routes a server registers: \(api.routes.count), e.g. \(api.routes[0])")
    // Accounts come from the identity provider, never from a client body: the server registers them.
    let service = ProfileService(store: store)
    guard let john = UserID("user_john"), let jane = UserID("user_jane") else {
        print("The tour's user ids are malformed")
        exit(1)
    }
    for user in [john, jane] {
        try await service.registerAccount(
            Account(userID: user, email: "\(user)@example.com", isEmailVerified: true, createdAt: Date()))
    }

    say("A new user completes their profile: PUT creates it (upsert), 200 with every field")
    _ = await send(
        api, "PUT", "/api/v1/profiles/me", as: .user(john),
        body: #"{"username":"john_doe","displayName":"John Doe","bio":"Content creator and influencer","#
            + #""niche":["fitness","lifestyle"],"location":{"city":"New York","state":"NY","country":"USA"},"#
            + #""socialLinks":{"instagram":"https://instagram.com/johndoe"}}"#, expecting: 200)

    say("A partial update merges: only bio changes; null removes one social link (RFC 7396)")
    _ = await send(
        api, "PUT", "/api/v1/profiles/me", as: .user(john),
        body: #"{"bio":"Lifting things, writing things.","socialLinks":{"instagram":null}}"#, expecting: 200)

    say("Everything wrong is reported at once, and nothing is stored")
    _ = await send(
        api, "PUT", "/api/v1/profiles/me", as: .user(jane),
        body: #"{"username":"ad min","displayName":"","niche":[],"id":"forged","#
            + #""socialLinks":{"instagram":"https://instagram.com@evil.example/x"}}"#, expecting: 400)

    say("Usernames are unique case-insensitively, checked atomically: 409")
    _ = await send(
        api, "PUT", "/api/v1/profiles/me", as: .user(jane),
        body: #"{"username":"JOHN_DOE","displayName":"Jane","bio":"Hi","niche":["art"]}"#, expecting: 409)

    say("No token, no profile: 401")
    _ = await send(api, "GET", "/api/v1/profiles/me", as: .anonymous, expecting: 401)

    say("The social spec's public view: no private field; relationship flags for a signed-in viewer")
    _ = await send(api, "POST", "/api/v1/profile/id/\(john)/follow", as: .user(jane), expecting: 200)
    _ = await send(api, "GET", "/api/v1/profile/u/@John_Doe", as: .user(jane), expecting: 200)

    say("The owner's view adds email, verification and security strength")
    _ = await send(api, "GET", "/api/v1/profile/me", as: .user(john), expecting: 200)

    say("Durability: close the store, reopen it from disk, and the profile is there")
    try store.close()
    let reopened = try JSONFileProfileStore(directory: directory.path)
    let profile = try await reopened.record(for: john)?.profile
    print(
        "reopened: @\(profile?.username?.rawValue ?? "?") version \(profile?.version ?? 0), bio: \(profile?.bio ?? "")")
    try reopened.close()
} catch {
    print("The tour failed: \(error)")
    exit(1)
}
