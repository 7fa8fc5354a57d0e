import ProfileDomain
import ProfileHTTP
import ProfileKitTestSupport
import ProfileValidation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `--rows <payload directory> [runs] [ms per run]`: the mode Benchmarks/run uses (HarnessRows.swift).
if let flag = CommandLine.arguments.firstIndex(of: "--rows"), flag + 1 < CommandLine.arguments.count {
    let values = CommandLine.arguments.dropFirst(flag + 2).compactMap { Double($0) }
    do {
        try HarnessRows.run(
            directory: CommandLine.arguments[flag + 1], runs: Int(values.first ?? 7),
            millisecondsPerRun: values.dropFirst().first ?? 40)
        exit(0)
    } catch {
        print("ValidationBenchmark --rows: \(error)")
        exit(1)
    }
}

// Usage: ValidationBenchmark [runs] [iterations] [--quick] [--no-breakdown] [--valid-only]
//                            [--bytes-only=<payload>]
//   runs x iterations validations per measured case (default 21 x 100,000); --quick is 7 x 20,000
//   and no breakdown (the CI mode, a few seconds); --no-breakdown stops after the main tables;
//   --valid-only measures the valid upsert alone, so that `perf stat` or callgrind over the whole
//   process counts (runs + 1) x iterations validations of it plus a fixed start-up cost;
//   --bytes-only=creator-sample (or creator-full, creator-3-errors) measures that payload's bytes
//   path alone, for the same kind of count.

// The creator spec's sample upsert: every required field, a three-part location, two links and
// an avatar, validated as a create (no stored profile), the case that checks the most values.
let patch = SpecSamplePatches.creator()

// The same upsert with a bio of 600 characters (the limit is 500): the error path, which builds a
// report with a path and a message.
var invalidPatch = patch
invalidPatch.bio = .value(String(repeating: "Content creator and influencer. ", count: 19).prefix(600).description)

/// The calling thread's CPU time in nanoseconds: unlike wall-clock time it does not grow when
/// other processes take the core, which they do on the shared build machines.
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

/// The medians and minima (CPU time and wall clock) of `runs` measurements of validating `patch`
/// under `policy`; `expectsErrors` says which outcome the patch must have.
struct Timing {
    var cpuMedian: Double
    var cpuMinimum: Double
    var wallMedian: Double
    var wallMinimum: Double
}

func timing(
    of patch: ProfilePatch, policy: ValidationPolicy, expectsErrors: Bool, runs: Int, iterations: Int
) -> Timing {
    let once: () -> Int = {
        // A cheap use of the result keeps the call from being optimised away without adding work.
        do throws(ValidationReport) {
            let result = try policy.validate(patch, against: nil)
            precondition(!expectsErrors, "the benchmark's invalid patch passed validation")
            return result.username.isPresent ? 1 : 0
        } catch {
            precondition(expectsErrors, "the benchmark's valid patch failed: \(error)")
            return error.errors.count
        }
    }
    return timing(runs: runs, iterations: iterations, once)
}

/// The medians and minima of `runs` measurements of `iterations` calls of `once`, after a warm-up.
func timing(runs: Int, iterations: Int, _ once: () -> Int) -> Timing {
    _ = measure(iterations: iterations, once)  // warm-up: caches, lazy globals
    let samples = (0..<runs).map { _ in measure(iterations: iterations, once) }
    let cpu = samples.map { $0.cpu }.sorted()
    let wall = samples.map { $0.wall }.sorted()
    return Timing(
        cpuMedian: cpu[cpu.count / 2], cpuMinimum: cpu[0], wallMedian: wall[wall.count / 2], wallMinimum: wall[0])
}

func nanoseconds(_ value: Double) -> String {
    let text = String(Int(value.rounded()))
    return String(repeating: " ", count: max(0, 7 - text.count)) + text
}

let arguments = CommandLine.arguments
let isQuick = arguments.contains("--quick")
let numbers = arguments.dropFirst().filter { !$0.hasPrefix("--") }.compactMap { Int($0) }
let runs = numbers.count > 0 ? max(1, numbers[0]) : (isQuick ? 7 : 21)
let iterations = numbers.count > 1 ? max(1, numbers[1]) : (isQuick ? 20_000 : 100_000)

let validOnly = arguments.contains("--valid-only")
let skipsPatchPath = arguments.contains { $0.hasPrefix("--bytes-only=") }
let valid = timing(
    of: patch, policy: .creator, expectsErrors: false, runs: skipsPatchPath ? 1 : runs,
    iterations: skipsPatchPath ? 1 : iterations)
let invalid =
    validOnly || skipsPatchPath
    ? nil : timing(of: invalidPatch, policy: .creator, expectsErrors: true, runs: runs, iterations: iterations)

if !skipsPatchPath {
    print("ValidationPolicy.creator.validate(_:against: nil), the creator spec's sample upsert as a create")
    print("runs: \(runs) x \(iterations) validations per case, after one warm-up run")
    print("ns per validation          CPU median  CPU min  wall median  wall min")
    print(
        "valid upsert (returned)       \(nanoseconds(valid.cpuMedian))  \(nanoseconds(valid.cpuMinimum))"
            + "      \(nanoseconds(valid.wallMedian))   \(nanoseconds(valid.wallMinimum))")
    if let invalid {
        print(
            "bio too long (one error)      \(nanoseconds(invalid.cpuMedian))  \(nanoseconds(invalid.cpuMinimum))"
                + "      \(nanoseconds(invalid.wallMedian))   \(nanoseconds(invalid.wallMinimum))")
    }
    // CPU time, not wall-clock time, decides: other builds share these cores and stretch the clock.
    print("goal < 1000 ns (valid upsert, CPU median): \(valid.cpuMedian < 1000 ? "met" : "not met")")
    print("instructions per validation: not read from inside; count them from outside with")
    print("  perf stat -e instructions,cycles <this binary> \(runs) \(iterations) --valid-only --no-breakdown")
    print("  and divide by \((runs + 1) * iterations), or with callgrind at two iteration counts and the difference")
}

// JSON bytes to a validated update, what a server pays per request: the creator spec's request type
// read by RequestBodyDecoder (the one-pass decoder), then ValidationPolicy.creator.validate, on
// the payload files the Python peers read too (Benchmarks/payloads/).
func bytesTiming(of payload: Payload, runs: Int, iterations: Int) -> Timing {
    let decoder = RequestBodyDecoder()
    // Held once, as a server holds its policy: `ValidationPolicy.creator.validate` inside the loop
    // copied the preset out of its global and destroyed the copy per request (~0.6k instructions),
    // a cost of this loop that a server (`ProfileService` passes its stored policy) does not pay.
    let policy = ValidationPolicy.creator
    let once: () -> Int = {
        do throws(ProfileError) {
            let request = try decoder.decode(CreatorWire.ProfileRequest.self, from: payload.bytes)
            do throws(ValidationReport) {
                let update = try policy.validate(request.update, against: nil)
                precondition(payload.expectedErrors == 0, "\(payload.name) passed validation")
                return update.profile.username.isPresent ? 1 : 0
            } catch {
                precondition(
                    error.errors.count == payload.expectedErrors,
                    "\(payload.name): \(error.errors.count) errors, expected \(payload.expectedErrors): \(error)")
                return error.errors.count
            }
        } catch {
            preconditionFailure("\(payload.name) does not decode: \(error)")
        }
    }
    return timing(runs: runs, iterations: iterations, once)
}

/// A payload file and the number of validation errors it must produce.
struct Payload {
    var name: String
    var expectedErrors: Int
    var bytes: [UInt8]

    init(_ name: String, expectedErrors: Int) {
        self.name = name
        self.expectedErrors = expectedErrors
        // Benchmarks/payloads/, found from this source file so that any working directory works.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("payloads")
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name + ".json").path)
        else { preconditionFailure("\(name).json is missing from \(folder.path)") }
        self.bytes = Array(data)
    }
}

let payloads = [
    Payload("creator-sample", expectedErrors: 0), Payload("creator-full", expectedErrors: 0),
    Payload("creator-3-errors", expectedErrors: 3),
]
let bytesOnly = arguments.first { $0.hasPrefix("--bytes-only=") }.map { String($0.dropFirst("--bytes-only=".count)) }
if !validOnly {
    print("")
    print(
        "JSON bytes -> validated update (RequestBodyDecoder + ValidationPolicy.creator.validate), Benchmarks/payloads/")
    print("ns per request             CPU median  CPU min  wall median  wall min")
    for payload in payloads where bytesOnly == nil || bytesOnly == payload.name {
        let result = bytesTiming(of: payload, runs: runs, iterations: iterations)
        let label = "\(payload.name) (\(payload.bytes.count) B)"
        print(
            label + String(repeating: " ", count: max(1, 28 - label.count))
                + "\(nanoseconds(result.cpuMedian))  \(nanoseconds(result.cpuMinimum))"
                + "      \(nanoseconds(result.wallMedian))   \(nanoseconds(result.wallMinimum))")
    }
}

// Where the time goes: each part of the same patch alone, nothing required.
if isQuick || arguments.contains("--no-breakdown") || bytesOnly != nil { exit(0) }
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
print("breakdown, each part alone (CPU median ns):")
for (name, part) in parts {
    let partTiming = timing(
        of: part, policy: partsPolicy, expectsErrors: false, runs: max(3, runs / 4), iterations: iterations)
    print("  \(name): \(Int(partTiming.cpuMedian.rounded()))")
}
