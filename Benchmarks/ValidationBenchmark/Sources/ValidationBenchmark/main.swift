import ProfileDomain
import ProfileValidation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

/// The calling thread's CPU time in nanoseconds: unlike wall-clock time it does not grow when
/// other processes share the cores, which they do on the shared build machines.
func threadCPUNanoseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
}

/// Nanoseconds per call of `body` over `iterations` calls: wall-clock time from `ContinuousClock`
/// and the thread's CPU time.
func measure(iterations: Int, _ body: () -> Int) -> (wall: Double, cpu: Double) {
    let clock = ContinuousClock()
    var sink = 0
    let cpuStart = threadCPUNanoseconds()
    let elapsed = clock.measure {
        for _ in 0..<iterations { sink &+= body() }
    }
    let cpu = threadCPUNanoseconds() - cpuStart
    precondition(sink >= 0)
    let (seconds, attoseconds) = elapsed.components
    let wall = Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    return (wall / Double(iterations), cpu / Double(iterations))
}

/// Medians (wall clock and CPU) and the wall-clock extremes of `runs` measurements of validating
/// `patch` under `policy`.
func median(
    of patch: ProfilePatch, policy: ValidationPolicy, runs: Int, iterations: Int
)
    -> (median: Double, cpu: Double, min: Double, max: Double)
{
    let once = { () -> Int in
        do {
            // A cheap use of the result keeps the call from being optimised away without adding work.
            return try policy.validate(patch, against: nil).username.isPresent ? 1 : 0
        } catch {
            fatalError("the benchmark patch must be valid: \(error)")
        }
    }
    _ = measure(iterations: iterations, once)  // warm-up: caches, lazy globals
    let samples = (0..<runs).map { _ in measure(iterations: iterations, once) }
    let wall = samples.map(\.wall).sorted()
    let cpu = samples.map(\.cpu).sorted()
    return (wall[wall.count / 2], cpu[cpu.count / 2], wall[0], wall[wall.count - 1])
}

let arguments = CommandLine.arguments
let runs = arguments.count > 1 ? Int(arguments[1]) ?? 21 : 21
let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000

let result = median(of: patch, policy: .creator, runs: runs, iterations: iterations)
print("ValidationPolicy.creator.validate(_:against: nil), the creator spec's sample upsert")
print("runs: \(runs) x \(iterations) validations")
print("median: \(Int(result.median.rounded())) ns per validation (ContinuousClock)")
print("median: \(Int(result.cpu.rounded())) ns per validation (thread CPU time)")
print("min: \(Int(result.min.rounded())) ns, max: \(Int(result.max.rounded())) ns (ContinuousClock)")

// Where the time goes: each part of the same patch alone, nothing required. `--no-breakdown`
// skips it, e.g. to count instructions of the main measurement alone with `perf stat`.
if arguments.contains("--no-breakdown") { exit(0) }
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
print("breakdown (median ns, ContinuousClock / CPU, each part alone):")
for (name, part) in parts {
    let timing = median(of: part, policy: partsPolicy, runs: max(3, runs / 4), iterations: iterations)
    print("  \(name): \(Int(timing.median.rounded())) / \(Int(timing.cpu.rounded()))")
}
