import Foundation
import ProfileKit

/// What the image subcommands share: the policy they judge uploads under and the loop that turns
/// standard input lines into JSON verdict lines.
enum ProbeVerdicts {
    /// The Django preset with every format accepted: the probe judges the readers, not a preset's
    /// list of formats.
    static var everyImageFormat: ValidationPolicy {
        var policy = ValidationPolicy.django
        policy.imageUpload = ImageUploadRule(formats: Set(ImageFormat.allCases))
        return policy
    }

    /// Runs `verdict` on every non-empty line of standard input and writes the verdicts as JSON,
    /// one a line, keys sorted; a `nil` verdict writes nothing.
    static func run<Verdict: Encodable>(_ verdict: (String) -> Verdict?) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = Data()
        while let line = readLine(strippingNewline: true) {
            guard !line.isEmpty, let answer = verdict(line), let encoded = try? encoder.encode(answer) else { continue }
            output.append(encoded)
            output.append(UInt8(ascii: "\n"))
        }
        FileHandle.standardOutput.write(output)
    }
}
