import Foundation
import ProfileKit
import Testing

/// Generated sequences of uploads, avatar changes, clears and deletions keep the media invariant
/// after every step: the files are exactly those the records reference, no avatar names a missing
/// file, at most one pending upload per purpose, every record within its quota, and no file
/// deleted while a record named it.
@Suite("Media invariant under generated sequences")
struct MediaInvariantTests {
    /// xorshift64*: deterministic, so a failing seed replays the same sequence.
    struct SeededRandom: RandomNumberGenerator {
        private var state: UInt64
        init(seed: UInt64) { state = seed == 0 ? 0x2545_F491_4F6C_DD1D : seed }
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
    }

    enum Step: CaseIterable {
        case upload, uploadOtherPurpose, attachLastUpload, attachForeignUpload, setURL, clearWithNull
        case clearWithEmpty, djangoAvatar, editBio, deleteAndReturn
    }

    static let steps = 300
    /// `PROFILEKIT_MEDIA_SEED` replays one seed; otherwise these run.
    static let seeds: [UInt64] =
        ProcessInfo.processInfo.environment["PROFILEKIT_MEDIA_SEED"].flatMap(UInt64.init).map { [$0] } ?? [1, 0xC0FFEE]

    @Test(
        "300 random steps over three users keep files == referenced files after each one",
        arguments: MediaLifecycleTests.combinations, seeds)
    func invariantHolds(combination: (StoreKind, MediaKind), seed: UInt64) async throws {
        let harness = try MediaHarness(combination.0, combination.1)
        defer { harness.cleanUp() }
        var random = SeededRandom(seed: seed)
        let names = ["ada", "grace", "linus"]
        var users: [UserID] = []
        for name in names { users.append(try await harness.registerWithProfile(name)) }
        var lastUpload: [UserID: String] = [:]
        var history: [String] = []
        // Bounded by the count alone: a time bound that ends the walk early made the run fail
        // (or prove less) on a busy machine; each step is bounded, so the run is.
        for index in 0..<Self.steps {
            let slot = Int.random(in: 0..<users.count, using: &random)
            let user = users[slot]
            let step = Step.allCases.randomElement(using: &random) ?? .upload
            let image = TestImages.distinctPNG(Int.random(in: 0..<5, using: &random))
            history.append("\(index): \(step) by \(user)")
            switch step {
            case .upload:
                let reply = await harness.upload(image, for: user)
                if let url = Self.url(in: reply) { lastUpload[user] = url }
            case .uploadOtherPurpose:
                _ = try? await harness.service.uploadMedia(image, purpose: "banner", for: .user(user))
            case .attachLastUpload:
                _ = await harness.setAvatar("\"\(lastUpload[user] ?? "/media/avatars/none")\"", for: user)
            case .attachForeignUpload:
                let other = users[(slot + 1) % users.count]
                _ = await harness.setAvatar("\"\(lastUpload[other] ?? "/media/avatars/none")\"", for: user)
            case .setURL:
                _ = await harness.setAvatar("\"https://cdn.example.com/\(index).png\"", for: user)
            case .clearWithNull:
                _ = await harness.setAvatar("null", for: user)
            case .clearWithEmpty:
                _ = await harness.setAvatar("\"\"", for: user)
            case .djangoAvatar:
                _ = try? await harness.service.updateUser(user, with: ProfileUpdate(), avatar: image, for: .user(user))
            case .editBio:
                _ = try await harness.service.upsertProfile(
                    ProfileUpdate(profile: ProfilePatch(bio: .value("step \(index)"))), for: .user(user))
            case .deleteAndReturn:
                try await harness.service.deleteUser(user, for: .user(user))
                lastUpload[user] = nil
                users[slot] = try await harness.registerWithProfile(names[slot])
            }
            let problems = try await harness.violations(of: users)
            #expect(problems == [], "seed \(seed), after \(history.suffix(5)): \(problems)")
            if !problems.isEmpty { break }
        }
    }

    /// The `url` of an upload's answer, or `nil` for a refusal (the quota refuses some on purpose).
    static func url(in response: EndpointResponse) -> String? {
        let body = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        return body?["url"] as? String
    }

    @Test("concurrent uploads of the same bytes and avatar changes for one user keep the invariant")
    func concurrentChanges() async throws {
        let harness = try MediaHarness(.inMemory, .inMemory)
        let user = try await harness.registerWithProfile("racer")
        let url = try MediaLifecycleTests.url(await harness.upload(TestImages.png, for: user))

        await withTaskGroup(of: Void.self) { group in
            for index in 0..<60 {
                group.addTask {
                    switch index % 4 {
                    case 0: _ = await harness.upload(TestImages.png, for: user)
                    case 1: _ = await harness.setAvatar("\"\(url)\"", for: user)
                    case 2: _ = await harness.setAvatar("null", for: user)
                    default: _ = await harness.upload(TestImages.gif, for: user)
                    }
                }
            }
        }

        #expect(try await harness.violations(of: [user]) == [])
    }
}
