import ProfileDomain

/// `ProfilePatch`'s canonical body read in one pass, as `ProfilePatch.init(from:)` decodes it:
/// unknown keys ignored, `location` an object of parts or one string, `socialLinks` any keys.
extension ProfilePatch: JSONBodyDecodable {
    package static func read(from reader: inout JSONBodyReader) throws(ProfileError) -> ProfilePatch {
        var patch = ProfilePatch()
        try reader.readTopObject { reader, key throws(ProfileError) in
            if key == "username" {
                patch.username = try reader.readPatchString(rank: 0)
            } else if key == "displayName" {
                patch.displayName = try reader.readPatchString(rank: 1)
            } else if key == "firstName" {
                patch.firstName = try reader.readPatchString(rank: 2)
            } else if key == "middleName" {
                patch.middleName = try reader.readPatchString(rank: 3)
            } else if key == "lastName" {
                patch.lastName = try reader.readPatchString(rank: 4)
            } else if key == "bio" {
                patch.bio = try reader.readPatchString(rank: 5)
            } else if key == "niche" {
                patch.niches = try reader.readPatchStringArray(rank: 6)
            } else if key == "location" {
                patch.location = try readLocation(from: &reader)
            } else if key == "socialLinks" {
                patch.socialLinks = try reader.readPatchObject(rank: 12) { reader throws(ProfileError) in
                    var links = [String: PatchField<String>](minimumCapacity: 6)
                    try reader.readObject { reader, key throws(ProfileError) in
                        links[key.string] = try reader.readPatchString(rank: 13)
                    }
                    return links
                }
            } else if key == "avatar" {
                patch.avatar = try reader.readPatchString(rank: 14)
            } else if key == "profilePictureUrls" {
                patch.pictureURLs = try reader.readPatchStringArray(rank: 15)
            } else {
                try reader.skipValue()
            }
        }
        return patch
    }

    /// `location` as an object of parts or as the social spec's single string.
    private static func readLocation(
        from reader: inout JSONBodyReader
    ) throws(ProfileError) -> PatchField<
        LocationPatch
    > {
        guard try reader.peek() != UInt8(ascii: "\"") else {
            return .value(LocationPatch(text: .value(try reader.readString())))
        }
        var ignored: [String] = []
        return try reader.readPatchObject(rank: 7) { reader throws(ProfileError) in
            try LocationPatch.readParts(from: &reader, rank: 8, unknownKeys: &ignored)
        }
    }
}

extension LocationPatch {
    /// Reads a location object's parts (`city`, `state`, `country`, `text`, ranked from `rank` in
    /// that order); other keys are read past and their names added to `unknownKeys`.
    package static func readParts(
        from reader: inout JSONBodyReader, rank: Int, unknownKeys: inout [String]
    ) throws(ProfileError) -> LocationPatch {
        var location = LocationPatch()
        try reader.readObject { reader, key throws(ProfileError) in
            if key == "city" {
                location.city = try reader.readPatchString(rank: rank)
            } else if key == "state" {
                location.state = try reader.readPatchString(rank: rank + 1)
            } else if key == "country" {
                location.country = try reader.readPatchString(rank: rank + 2)
            } else if key == "text" {
                location.text = try reader.readPatchString(rank: rank + 3)
            } else {
                unknownKeys.append(key.string)
                try reader.skipValue()
            }
        }
        return location
    }
}
