import ProfileDomain
import ProfileValidation

/// The suspension body read in one pass, as `init(from:)` reads it: `until` a string or `null`,
/// any other key screened.
extension SuspensionRequest: JSONBodyDecodable {
    static func read(from reader: inout JSONBodyReader) throws(ProfileError) -> Self {
        var until: String?
        var unknownKeys: [String] = []
        try reader.readTopObject { reader, key throws(ProfileError) in
            if key == "until" {
                if case .value(let string) = try reader.readPatchString(rank: 0) { until = string }
            } else {
                unknownKeys.append(key.string)
                try reader.skipValue()
            }
        }
        return Self(until: until, rejectedFields: screen.rejections(of: unknownKeys))
    }
}
