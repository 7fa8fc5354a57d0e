import ProfileDomain
import ProfileHTTP
import ProfileValidation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The mode `Benchmarks/run` uses: `ValidationBenchmark --rows <payload directory> [runs] [ms per run]`
/// prints one JSON line per payload and path, `{"row", "subject", "value", "unit"}`, the CPU median
/// in nanoseconds per validation, for the harness to set beside the Python peers measured on the
/// same files in the same run.
///
/// Two paths per payload: `decoded` validates an update already decoded from the file (what the
/// peers' `model_validate` on a dict does), `bytes` goes from the file's bytes through the hardened
/// decoder to a validated update (what a server pays, and `model_validate_json` does).
enum HarnessRows {
    /// The payload files, each with the number of field errors it must produce.
    static let payloads = [("creator-sample", 0), ("creator-full", 0), ("creator-3-errors", 3)]

    static func run(directory: String, runs: Int, millisecondsPerRun: Double) throws {
        let policy = ValidationPolicy.creator
        for (name, expectedErrors) in payloads {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name).json")))
            let decoded = try RequestBodyDecoder().decode(CreatorWire.ProfileRequest.self, from: bytes).update
            let paths: [(String, () throws -> ProfileUpdate)] = [
                ("decoded", { decoded }),
                ("bytes", { try RequestBodyDecoder().decode(CreatorWire.ProfileRequest.self, from: bytes).update }),
            ]
            for (path, input) in paths {
                let once = { () -> Int in errorCount(policy, input) }
                let found = once()
                guard found == expectedErrors else {
                    throw HarnessFailure(description: "\(name): \(found) field errors, expected \(expectedErrors)")
                }
                let nanoseconds = cpuMedian(runs: runs, millisecondsPerRun: millisecondsPerRun, once)
                print(
                    #"{"row":"validate/\#(name)/\#(path)","subject":"ProfileKit","value":\#(nanoseconds),"unit":"ns"}"#)
            }
        }
    }

    /// The field errors validating the input reports (a decoding error counts its own).
    static func errorCount(_ policy: ValidationPolicy, _ input: () throws -> ProfileUpdate) -> Int {
        do {
            _ = try policy.validate(try input(), against: nil)
            return 0
        } catch let report as ValidationReport {
            return report.errors.count
        } catch let error as ProfileError {
            return max(1, error.fieldErrors.count)
        } catch {
            return -1
        }
    }

    /// The median CPU nanoseconds per call over `runs` runs of about `millisecondsPerRun` each.
    static func cpuMedian(runs: Int, millisecondsPerRun: Double, _ body: () -> Int) -> Double {
        let probe = measure(iterations: 200, body).cpu
        let iterations = max(100, Int(millisecondsPerRun * 1e6 / max(probe, 1)))
        let samples = (0..<max(1, runs)).map { _ in measure(iterations: iterations, body).cpu }.sorted()
        return (samples[samples.count / 2] * 10).rounded() / 10
    }
}

/// A payload that does not produce the errors it must: its row would measure something else.
struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
}
