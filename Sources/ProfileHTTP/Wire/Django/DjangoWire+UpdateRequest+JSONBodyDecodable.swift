import ProfileDomain
import ProfileValidation

/// The Django body read in one pass; ranks follow `init(from:)`'s decoding order.
extension DjangoWire.UpdateRequest: JSONBodyDecodable {
    package static func read(from reader: inout JSONBodyReader) throws(ProfileError) -> Self {
        var fields = (PatchField<String>.absent, PatchField<String>.absent, PatchField<String>.absent)
        var email = PatchField<String>.absent
        var unknownKeys: [String] = []
        try reader.readTopObject { reader, key throws(ProfileError) in
            if key == "first_name" {
                fields.0 = try reader.readPatchString(rank: 0)
            } else if key == "last_name" {
                fields.1 = try reader.readPatchString(rank: 1)
            } else if key == "number_phone" {
                fields.2 = try reader.readPatchString(rank: 2)
            } else if key == "email" {
                email = try reader.readPatchString(rank: 3)
            } else {
                unknownKeys.append(key.string)
                try reader.skipValue()
            }
        }
        return Self(
            firstName: fields.0, lastName: fields.1, numberPhone: fields.2, email: email,
            rejectedFields: screen.rejections(of: unknownKeys))
    }
}
