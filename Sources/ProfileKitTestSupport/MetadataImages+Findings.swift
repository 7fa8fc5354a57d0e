extension MetadataImages {
    /// What is wrong with `stored`, the stripped form of `original` (one of these files): a secret
    /// left, the orientation lost or not reduced to the minimal EXIF block (`orientation` is what
    /// must survive, `nil` when nothing must), a colour profile lost. Empty when it is private and
    /// displays as the original.
    public static func privacyFindings(stored: [UInt8], original: [UInt8], orientation: Int?) -> [String] {
        var findings: [String] = []
        if let offset = stored.firstOffset(of: Array(secret.utf8)) {
            findings.append("a secret is left at offset \(offset)")
        }
        let tiffs = [Array("MM".utf8) + [0, 42], Array("II".utf8) + [42, 0]].map { stored.occurrences(of: $0) }.reduce(
            0, +)
        if let orientation {
            if stored.occurrences(of: orientationOnlyTIFF(orientation)) != 1 || tiffs != 1 {
                findings.append("the orientation \(orientation) is not kept as the one minimal EXIF block")
            }
        } else if tiffs != 0 {
            findings.append("an EXIF block is left where none is needed")
        }
        let profile = Array(keptProfile.utf8)
        if stored.occurrences(of: profile) != original.occurrences(of: profile) {
            findings.append("a colour profile is lost")
        }
        return findings
    }
}

extension [UInt8] {
    /// How many times `needle` occurs, overlapping or not.
    func occurrences(of needle: [UInt8]) -> Int {
        guard !needle.isEmpty, count >= needle.count else { return 0 }
        return (0...(count - needle.count)).count { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// Where `needle` first occurs.
    func firstOffset(of needle: [UInt8]) -> Int? {
        guard !needle.isEmpty, count >= needle.count else { return nil }
        return (0...(count - needle.count)).first { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
