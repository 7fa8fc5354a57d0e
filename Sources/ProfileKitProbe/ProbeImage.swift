import Foundation
import ProfileKit

/// `ProfileKitProbe image`: reads file paths from standard input, one a line, checks each file as
/// an upload under a policy that takes every format, and writes one JSON object a line: whether
/// it was accepted, the format and size read, or the field error code.
enum ProbeImage {
    /// One verdict.
    struct Verdict: Encodable {
        var path: String
        var accepted: Bool
        var format: String?
        var width: Int?
        var height: Int?
        var code: String?
        var message: String?
    }

    static func run(_ arguments: [String]) {
        let policy = ProbeVerdicts.everyImageFormat
        ProbeVerdicts.run { path in
            guard let contents = FileManager.default.contents(atPath: path) else {
                return Verdict(path: path, accepted: false, code: "unreadable")
            }
            do throws(ProfileError) {
                let info = try policy.validateImage(contents)
                return Verdict(
                    path: path, accepted: true, format: info.format.rawValue, width: info.width, height: info.height)
            } catch {
                return Verdict(
                    path: path, accepted: false, code: error.fieldErrors.first?.code.rawValue,
                    message: error.fieldErrors.first?.message)
            }
        }
    }
}
