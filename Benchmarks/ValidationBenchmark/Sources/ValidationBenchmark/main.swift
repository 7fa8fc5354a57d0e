import ProfileDomain
import ProfileValidation

// The creator spec's sample upsert: every required field, a three-part location, two links and
// an avatar, validated as a create (no stored profile), the case that checks the most values.
let patch = ProfilePatch(
    username: .value("john_doe"),
    displayName: .value("John Doe"),
    bio: .value("Content creator and influencer"),
    niches: .value(["fitness", "lifestyle"]),
    location: .value(LocationPatch(city: .value("New York"), state: .value("NY"), country: .value("USA"))),
    socialLinks: .value([
        "instagram": .value("https://instagram.com/johndoe"),
        "tiktok": .value("https://tiktok.com/@johndoe"),
    ]),
    avatar: .value("https://cdn.example.com/avatar.jpg")
)

/// Nanoseconds per call of `body`, over `iterations` calls timed with `ContinuousClock`.
func measure(iterations: Int, _ body: () -> Int) -> Double {
    let clock = ContinuousClock()
    var sink = 0
    let elapsed = clock.measure {
        for _ in 0..<iterations { sink &+= body() }
    }
    precondition(sink >= 0)
    let (seconds, attoseconds) = elapsed.components
    return (Double(seconds) * 1e9 + Double(attoseconds) / 1e9) / Double(iterations)
}

/// The median of `runs` measurements of validating `patch` under `policy`.
func median(of patch: ProfilePatch, policy: ValidationPolicy, runs: Int, iterations: Int) -> (median: Double, min: Double, max: Double) {
    let once = { () -> Int in
        do {
            return try policy.validate(patch, against: nil).isEmpty ? 0 : 1
        } catch {
            fatalError("the benchmark patch must be valid: \(error)")
        }
    }
    _ = measure(iterations: iterations, once)  // warm-up: caches, lazy globals
    var samples = (0..<runs).map { _ in measure(iterations: iterations, once) }
    samples.sort()
    return (samples[samples.count / 2], samples[0], samples[samples.count - 1])
}

let arguments = CommandLine.arguments
let runs = arguments.count > 1 ? Int(arguments[1]) ?? 21 : 21
let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000

let result = median(of: patch, policy: .creator, runs: runs, iterations: iterations)
print("ValidationPolicy.creator.validate(_:against: nil), the creator spec's sample upsert")
print("runs: \(runs) x \(iterations) validations")
print("median: \(Int(result.median.rounded())) ns per validation")
print("min: \(Int(result.min.rounded())) ns, max: \(Int(result.max.rounded())) ns")

// Where the time goes: each part of the same patch alone, nothing required.
var partsPolicy = ValidationPolicy.creator
partsPolicy.requiredOnCreate = []
let parts: [(String, ProfilePatch)] = [
    ("empty patch", ProfilePatch()),
    ("username", ProfilePatch(username: patch.username)),
    ("displayName", ProfilePatch(displayName: patch.displayName)),
    ("bio", ProfilePatch(bio: patch.bio)),
    ("niche (2 items)", ProfilePatch(niches: patch.niches)),
    ("location (3 parts)", ProfilePatch(location: patch.location)),
    ("socialLinks (2 URLs)", ProfilePatch(socialLinks: patch.socialLinks)),
    ("avatar URL", ProfilePatch(avatar: patch.avatar)),
]
print("breakdown (median ns, each part alone):")
for (name, part) in parts {
    let timing = median(of: part, policy: partsPolicy, runs: max(3, runs / 4), iterations: iterations)
    print("  \(name): \(Int(timing.median.rounded()))")
}
