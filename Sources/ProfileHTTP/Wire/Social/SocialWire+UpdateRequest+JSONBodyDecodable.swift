import ProfileDomain
import ProfileValidation

/// The social update body read in one pass; ranks follow `init(from:)`'s decoding order.
extension SocialWire.UpdateRequest: JSONBodyDecodable {
    package static func read(from reader: inout JSONBodyReader) throws(ProfileError) -> Self {
        var patch = ProfilePatch()
        var unknownKeys: [String] = []
        try reader.readTopObject { reader, key throws(ProfileError) in
            if key == "firstName" {
                patch.firstName = try reader.readPatchString(rank: 0)
            } else if key == "lastName" {
                patch.lastName = try reader.readPatchString(rank: 1)
            } else if key == "middleName" {
                patch.middleName = try reader.readPatchString(rank: 2)
            } else if key == "bio" {
                patch.bio = try reader.readPatchString(rank: 3)
            } else if key == "location" {
                patch.location = try reader.readPatchString(rank: 4).map { LocationPatch(text: .value($0)) }
            } else if key == "profilePictureUrls" {
                patch.pictureURLs = try reader.readPatchStringArray(rank: 5)
            } else {
                unknownKeys.append(key.string)
                try reader.skipValue()
            }
        }
        return Self(profile: patch, rejectedFields: screen.rejections(of: unknownKeys))
    }
}

/// The username change body read in one pass.
extension SocialWire.UsernameChangeRequest: JSONBodyDecodable {
    package static func read(from reader: inout JSONBodyReader) throws(ProfileError) -> Self {
        var newUsername: String?
        var sent = false
        var unknownKeys: [String] = []
        try reader.readTopObject { reader, key throws(ProfileError) in
            if key == "newUsername" {
                sent = true
                newUsername = try reader.readRequiredString(rank: 0)
            } else {
                unknownKeys.append(key.string)
                try reader.skipValue()
            }
        }
        if !sent { reader.noteMissing("newUsername", rank: 0) }
        return Self(newUsername: newUsername ?? "", rejectedFields: screen.rejections(of: unknownKeys))
    }
}
