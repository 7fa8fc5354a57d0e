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
        var policy = ValidationPolicy.django
        policy.imageUpload = ImageUploadRule(formats: Set(ImageFormat.allCases))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = Data()
        while let path = readLine(strippingNewline: true) {
            guard !path.isEmpty else { continue }
            let verdict: Verdict
            if let contents = FileManager.default.contents(atPath: path) {
                do {
                    let info = try policy.validateImage(contents)
                    verdict = Verdict(
                        path: path, accepted: true, format: info.format.rawValue, width: info.width,
                        height: info.height)
                } catch {
                    verdict = Verdict(
                        path: path, accepted: false, code: error.fieldErrors.first?.code.rawValue,
                        message: error.fieldErrors.first?.message)
                }
            } else {
                verdict = Verdict(path: path, accepted: false, code: "unreadable")
            }
            guard let encoded = try? encoder.encode(verdict) else { continue }
            output.append(encoded)
            output.append(UInt8(ascii: "\n"))
        }
        FileHandle.standardOutput.write(output)
    }
}
