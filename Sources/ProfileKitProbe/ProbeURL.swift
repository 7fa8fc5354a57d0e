import Foundation
import ProfileKit

/// `ProfileKitProbe url`: reads URLs from standard input, one JSON string a line, and writes one
/// JSON object a line for each way the library takes a URL (`avatar`, and a social link to every
/// platform): whether it was accepted and, when it was, the stored form and the scheme, host and
/// port the library holds it to have.
enum ProbeURL {
    /// One verdict.
    struct Verdict: Encodable {
        var input: String
        var field: String
        var accepted: Bool
        var code: String?
        var stored: String?
        var scheme: String?
        var host: String?
        var port: String?
    }

    static func run(_ arguments: [String]) {
        var avatarPolicy = ValidationPolicy.creator
        avatarPolicy.requiredOnCreate = []
        // http accepted (and upgraded) so that the scheme check is exercised; handles are not
        // URLs, so they stay out of a URL comparison.
        var linkPolicy = avatarPolicy
        linkPolicy.socialLinks.allowsHTTP = true
        linkPolicy.socialLinks.acceptsBareHandles = false
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let decoder = JSONDecoder()
        var output = Data()
        while let line = readLine(strippingNewline: true) {
            guard !line.isEmpty, let input = try? decoder.decode(String.self, from: Data(line.utf8)) else { continue }
            var verdicts = [verdict(input, field: "avatar", ProfilePatch(avatar: .value(input)), avatarPolicy)]
            for platform in SocialPlatform.allCases {
                let patch = ProfilePatch(socialLinks: .value([platform.rawValue: .value(input)]))
                verdicts.append(verdict(input, field: "socialLinks.\(platform.rawValue)", patch, linkPolicy))
            }
            for item in verdicts {
                guard let encoded = try? encoder.encode(item) else { continue }
                output.append(encoded)
                output.append(UInt8(ascii: "\n"))
            }
            if output.count > 1 << 16 {
                FileHandle.standardOutput.write(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(output)
    }

    private static func verdict(
        _ input: String, field: String, _ patch: ProfilePatch, _ policy: ValidationPolicy
    )
        -> Verdict
    {
        let cleaned: ValidatedProfilePatch
        do {
            cleaned = try policy.validate(patch, against: nil)
        } catch {
            let code = error.errors.first.map(\.code.rawValue)
            return Verdict(input: input, field: field, accepted: false, code: code)
        }
        let stored: String?
        if case .value(let avatar) = cleaned.avatar {
            stored = avatar
        } else if case .value(let links) = cleaned.socialLinks, case .value(let link)? = links.values.first {
            stored = link
        } else {
            stored = nil
        }
        guard let stored else { return Verdict(input: input, field: field, accepted: false, code: "no_value") }
        // The stored form is `scheme://host[/path...]` by construction (no user information, no
        // port): what every later reader of the stored URL takes the host to be.
        let afterScheme = stored.split(separator: ":", maxSplits: 1)
        let scheme = String(afterScheme.first ?? "")
        let rest = afterScheme.count > 1 ? afterScheme[1].dropFirst(2) : ""
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return Verdict(
            input: input, field: field, accepted: true, stored: stored, scheme: scheme, host: String(host), port: "")
    }
}
