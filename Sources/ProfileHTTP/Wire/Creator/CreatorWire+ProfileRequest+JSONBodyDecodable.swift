import ProfileDomain
import ProfileValidation

/// The creator body read in one pass; ranks follow `init(from:)`'s decoding order.
extension CreatorWire.ProfileRequest: JSONBodyDecodable {
    package static func read(from reader: inout JSONBodyReader) throws(ProfileError) -> Self {
        var patch = ProfilePatch()
        var unknownKeys: [String] = []
        var unknownLocationKeys: [String] = []
        var unknownPlatforms: [String] = []
        try reader.readTopObject { reader, key throws(ProfileError) in
            if key == "username" {
                patch.username = try reader.readPatchString(rank: 0)
            } else if key == "displayName" {
                patch.displayName = try reader.readPatchString(rank: 1)
            } else if key == "bio" {
                patch.bio = try reader.readPatchString(rank: 2)
            } else if key == "niche" {
                patch.niches = try reader.readPatchStringArray(rank: 3)
            } else if key == "avatar" {
                patch.avatar = try reader.readPatchString(rank: 4)
            } else if key == "location" {
                patch.location = try reader.readPatchObject(rank: 5) { reader throws(ProfileError) in
                    try LocationPatch.readParts(from: &reader, rank: 6, unknownKeys: &unknownLocationKeys)
                }
            } else if key == "socialLinks" {
                patch.socialLinks = try reader.readPatchObject(rank: 10) { reader throws(ProfileError) in
                    try readLinks(from: &reader, unknownPlatforms: &unknownPlatforms)
                }
            } else {
                unknownKeys.append(key.string)
                try reader.skipValue()
            }
        }
        var rejected = screen.rejections(of: unknownKeys)
        rejected += locationScreen.rejections(of: unknownLocationKeys, under: "location")
        rejected += unknownPlatforms.sorted().map(unknownPlatform)
        return Self(profile: patch, rejectedFields: rejected)
    }

    /// The `socialLinks` object: a platform's link, ranked by the platform's place in key order
    /// (`init(from:)` decodes the links sorted by key); other keys are unknown platforms.
    private static func readLinks(
        from reader: inout JSONBodyReader, unknownPlatforms: inout [String]
    ) throws(ProfileError) -> [String: PatchField<String>] {
        var links = [String: PatchField<String>](minimumCapacity: platformsInKeyOrder.count)
        try reader.readObject { reader, key throws(ProfileError) in
            guard let platform = platformsInKeyOrder.firstIndex(where: { key == $0.name }) else {
                unknownPlatforms.append(key.string)
                try reader.skipValue()
                return
            }
            links[platformsInKeyOrder[platform].platform.rawValue] = try reader.readPatchString(rank: 11 + platform)
        }
        return links
    }

    private static let platformsInKeyOrder: [(platform: SocialPlatform, name: StaticString)] = [
        (.instagram, "instagram"), (.linkedin, "linkedin"), (.tiktok, "tiktok"), (.twitch, "twitch"),
        (.twitter, "twitter"), (.youtube, "youtube"),
    ]
}
