import Foundation
import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

/// Which of the three states a decoded field is in.
enum FieldState: Sendable, Hashable, CaseIterable {
    case absent, null, value

    init<Value>(_ field: PatchField<Value>) {
        switch field {
        case .absent: self = .absent
        case .null: self = .null
        case .value: self = .value
        }
    }
}

/// One patchable key of one spec's request body, by its wire path (`location.city`).
struct WireField: Sendable, CustomTestStringConvertible {
    let spec: String
    let path: String
    /// A JSON value of the right type.
    let sample: String
    let decode: @Sendable (Data) throws -> ProfileUpdate
    let state: @Sendable (ProfileUpdate) -> FieldState

    var testDescription: String { "\(spec) \(path)" }

    /// The body with the field in `state`; a nested field keeps its parent object when absent.
    func body(_ state: FieldState) -> String {
        let leaf: String? =
            switch state {
            case .absent: nil
            case .null: "null"
            case .value: sample
            }
        let components = path.split(separator: ".").map(String.init)
        var inner = leaf.map { "{\"\(components[components.count - 1])\": \($0)}" } ?? "{}"
        for component in components.dropLast().reversed() {
            inner = "{\"\(component)\": \(inner)}"
        }
        return inner
    }
}

@Suite("Every patchable key of every request decodes as absent, null or value")
struct WireFieldStateTests {
    /// A field of the body `Request` decodes; `state` reads it from the decoded update.
    static func field<Request: ProfileUpdateRequest>(
        _ spec: String, _ request: Request.Type, _ path: String, _ sample: String,
        _ state: @escaping @Sendable (ProfileUpdate) -> FieldState
    ) -> WireField {
        WireField(
            spec: spec, path: path, sample: sample, decode: { try JSONDecoder().decode(Request.self, from: $0).update },
            state: state)
    }

    static func creator(
        _ path: String, _ sample: String, _ state: @escaping @Sendable (ProfilePatch) -> FieldState
    ) -> WireField {
        field("creator", CreatorWire.ProfileRequest.self, path, sample) { state($0.profile) }
    }

    static func social(
        _ path: String, _ sample: String, _ state: @escaping @Sendable (ProfilePatch) -> FieldState
    ) -> WireField {
        field("social", SocialWire.UpdateRequest.self, path, sample) { state($0.profile) }
    }

    static func mobile(
        _ path: String, _ sample: String, _ state: @escaping @Sendable (ProfileUpdate) -> FieldState
    ) -> WireField {
        field("mobile", MobileWire.ProfileRequest.self, path, sample, state)
    }

    static func django(
        _ path: String, _ sample: String, _ state: @escaping @Sendable (ProfileUpdate) -> FieldState
    ) -> WireField {
        field("django", DjangoWire.UpdateRequest.self, path, sample, state)
    }

    static func location(_ patch: ProfilePatch, _ part: (LocationPatch) -> PatchField<String>) -> FieldState {
        patch.location.value.map { FieldState(part($0)) } ?? .absent
    }

    static func link(_ patch: ProfilePatch, _ key: String) -> FieldState {
        patch.socialLinks.value.flatMap { $0[key] }.map { FieldState($0) } ?? .absent
    }

    static let fields: [WireField] =
        [
            creator("username", #""john_doe""#) { FieldState($0.username) },
            creator("displayName", #""John""#) { FieldState($0.displayName) },
            creator("bio", #""Hi""#) { FieldState($0.bio) },
            creator("niche", #"["fitness"]"#) { FieldState($0.niches) },
            creator("location", #"{"city": "Paris"}"#) { FieldState($0.location) },
            creator("location.city", #""Paris""#) { location($0, \.city) },
            creator("location.state", #""IDF""#) { location($0, \.state) },
            creator("location.country", #""France""#) { location($0, \.country) },
            creator("location.text", #""Paris, France""#) { location($0, \.text) },
            creator("socialLinks", #"{"instagram": "https://instagram.com/a"}"#) { FieldState($0.socialLinks) },
            creator("avatar", #""https://cdn.example.com/a.jpg""#) { FieldState($0.avatar) },
        ]
        + SocialPlatform.allCases.map { platform in
            creator("socialLinks.\(platform.rawValue)", #""https://example.com/a""#) { link($0, platform.rawValue) }
        }
        + [
            social("firstName", #""John""#) { FieldState($0.firstName) },
            social("lastName", #""Doe""#) { FieldState($0.lastName) },
            social("middleName", #""K""#) { FieldState($0.middleName) },
            social("bio", #""Hi""#) { FieldState($0.bio) },
            social("location", #""Nairobi, Kenya""#) { FieldState($0.location) },
            social("profilePictureUrls", #"["https://cdn.example.com/a.jpg"]"#) { FieldState($0.pictureURLs) },
            mobile("display_name", #""John Smith""#) { FieldState($0.profile.displayName) },
            mobile("preferences.voice_preference", #""echo""#) { FieldState($0.preferences.voicePreference) },
            mobile("preferences.default_scenario", #""travel""#) { FieldState($0.preferences.defaultScenario) },
            mobile("preferences.theme", #"{"dark": true}"#) {
                $0.preferences.additional["theme"].map { FieldState($0) } ?? .absent
            },
            django("first_name", #""Jonathan""#) { FieldState($0.profile.firstName) },
            django("last_name", #""Doe""#) { FieldState($0.profile.lastName) },
            django("number_phone", #""0987654321""#) { FieldState($0.account.phoneNumber) },
            django("email", #""john@example.com""#) { FieldState($0.account.email) },
        ]

    @Test("absent key -> absent, null -> null, value -> value", arguments: fields, FieldState.allCases)
    func decodesState(field: WireField, state: FieldState) throws {
        let update = try field.decode(Data(field.body(state).utf8))
        #expect(field.state(update) == state, "body \(field.body(state))")
        #expect(update.rejectedFields.isEmpty)
    }

    @Test("a request encodes back the same three states", arguments: fields, FieldState.allCases)
    func encodesState(field: WireField, state: FieldState) throws {
        guard field.spec != "django" || state != .null || field.path == "email" else {
            // Django writes a cleared name or phone as its blank "", which decodes back to null.
            let update = try field.decode(Data(field.body(state).utf8))
            #expect(field.state(update) == .null)
            return
        }
        let body = Data(field.body(state).utf8)
        let reencoded: Data
        switch field.spec {
        case "creator":
            reencoded = try JSONEncoder().encode(try JSONDecoder().decode(CreatorWire.ProfileRequest.self, from: body))
        case "social":
            reencoded = try JSONEncoder().encode(try JSONDecoder().decode(SocialWire.UpdateRequest.self, from: body))
        case "mobile":
            reencoded = try JSONEncoder().encode(try JSONDecoder().decode(MobileWire.ProfileRequest.self, from: body))
        default:
            reencoded = try JSONEncoder().encode(try JSONDecoder().decode(DjangoWire.UpdateRequest.self, from: body))
        }
        #expect(field.state(try field.decode(reencoded)) == state)
    }

    @Test("Django's blank name or phone means clear; a blank email is passed on for validation")
    func djangoBlank() throws {
        let update = try JSONComparison.decode(
            DjangoWire.UpdateRequest.self,
            from: #"{"first_name": "", "last_name": "", "number_phone": "", "email": ""}"#
        ).update
        #expect(update.profile.firstName == .null)
        #expect(update.profile.lastName == .null)
        #expect(update.account.phoneNumber == .null)
        #expect(update.account.email == .value(""))
    }

    @Test("the social location string sets only the free-form text")
    func socialLocationIsText() throws {
        let update = try JSONComparison.decode(SocialWire.UpdateRequest.self, from: #"{"location": "Nairobi, Kenya"}"#)
            .update
        #expect(update.profile.location == .value(LocationPatch(text: .value("Nairobi, Kenya"))))
    }

    @Test("a username change asks for the username only")
    func usernameChange() throws {
        let request = try JSONComparison.decode(
            SocialWire.UsernameChangeRequest.self, from: #"{"newUsername": "Jane_Doe"}"#)
        #expect(request.update.profile == ProfilePatch(username: .value("Jane_Doe")))
        #expect(request.update.account == .empty)
    }
}
