import ProfileDomain
import ProfileValidation

/// The mobile body read in one pass; ranks follow `init(from:)`'s decoding order. The two named
/// preferences share a rank: `init(from:)` meets them in the order of Foundation's key
/// dictionary, so when both are of the wrong type either may be the one reported.
extension MobileWire.ProfileRequest: JSONBodyDecodable {
    package static func read(from reader: inout JSONBodyReader) throws(ProfileError) -> Self {
        var displayName = PatchField<String>.absent
        var sent = PatchField<PreferencesPatch>.absent
        var unknownKeys: [String] = []
        try reader.readTopObject { reader, key throws(ProfileError) in
            if key == "display_name" {
                displayName = try reader.readPatchString(rank: 0)
            } else if key == "preferences" {
                sent = try reader.readPatchObject(rank: 1) { reader throws(ProfileError) in
                    var preferences = PreferencesPatch()
                    try reader.readObject { reader, key throws(ProfileError) in
                        if key == "voice_preference" {
                            preferences.voicePreference = try reader.readPatchString(rank: 2)
                        } else if key == "default_scenario" {
                            preferences.defaultScenario = try reader.readPatchString(rank: 2)
                        } else {
                            preferences.additional[key.string] = try reader.readPatchJSONValue()
                        }
                    }
                    return preferences
                }
            } else {
                unknownKeys.append(key.string)
                try reader.skipValue()
            }
        }
        return Self(displayName: displayName, sent: sent, rejected: screen.rejections(of: unknownKeys))
    }
}
