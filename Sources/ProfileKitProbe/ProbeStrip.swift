import Foundation
import ProfileKit

/// `ProfileKitProbe strip`: reads `input<TAB>output` path pairs from standard input, one a line,
/// runs each input through the upload path's check and metadata stripping
/// (``ValidationPolicy/storableImage(_:field:)``, every format accepted), writes the stored bytes
/// to the output path, and writes one JSON object a line: whether it was stored, the format, the
/// byte counts, or the field error code.
enum ProbeStrip {
    /// One verdict.
    struct Verdict: Encodable {
        var path: String
        var stored: Bool
        var format: String?
        var originalBytes: Int?
        var storedBytes: Int?
        var code: String?
        var message: String?
    }

    static func run(_ arguments: [String]) {
        let policy = ProbeVerdicts.everyImageFormat
        ProbeVerdicts.run { line -> Verdict? in
            let paths = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard paths.count == 2, !paths[0].isEmpty, !paths[1].isEmpty else { return nil }
            return strip(paths[0], into: paths[1], policy: policy)
        }
    }

    private static func strip(_ input: String, into output: String, policy: ValidationPolicy) -> Verdict {
        guard let contents = FileManager.default.contents(atPath: input) else {
            return Verdict(path: input, stored: false, code: "unreadable")
        }
        do {
            let (info, bytes) = try policy.storableImage(contents)
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                return Verdict(path: input, stored: false, code: "unwritable")
            }
            return Verdict(
                path: input, stored: true, format: info.format.rawValue, originalBytes: contents.count,
                storedBytes: bytes.count)
        } catch {
            return Verdict(
                path: input, stored: false, code: error.fieldErrors.first?.code.rawValue,
                message: error.fieldErrors.first?.message)
        }
    }
}
