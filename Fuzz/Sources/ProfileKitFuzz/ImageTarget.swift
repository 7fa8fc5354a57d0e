import ProfileKit

/// Upload bytes through `ValidationPolicy.validateImage`, the image check every upload passes,
/// and `ValidationPolicy.storableImage`, which strips the metadata of what is stored.
///
/// The Django preset accepts every format, so every header parser is reached. Invariants: the
/// check returns an `ImageInfo` within the policy's limits (positive sides, at most the maximum
/// side and pixel count, the format allowed, the byte count the input's) or throws a
/// `ProfileError` with status 413 or 415 and an `avatar` field error; stripping an accepted image
/// returns bytes the check reads as the same format and size, that stripping again leaves as they
/// are (it checks first, so a refused image gets the check's own error).
enum ImageTarget {
    static let policy = ValidationPolicy.django

    static func run(_ bytes: [UInt8]) {
        let rule = policy.imageUpload
        let info: ImageInfo
        do {
            info = try policy.validateImage(bytes)
        } catch {
            guard [413, 415].contains(error.status.code), error.fieldErrors.contains(where: { $0.field == "avatar" })
            else { FuzzFailure.violation("undocumented image error: \(error)") }
            return
        }
        let withinLimits =
            info.width > 0 && info.height > 0 && max(info.width, info.height) <= rule.maximumDimension
            && info.width * info.height <= rule.maximumPixels && rule.formats.contains(info.format)
            && info.byteCount == bytes.count
        guard withinLimits else { FuzzFailure.violation("accepted an image outside the policy: \(info)") }
        checkStripping(bytes, info)
    }

    private static func checkStripping(_ bytes: [UInt8], _ info: ImageInfo) {
        do {
            let (strippedInfo, stripped) = try policy.storableImage(bytes)
            let again = try policy.validateImage(stripped)
            guard again.format == info.format, again.width == info.width, again.height == info.height,
                strippedInfo.byteCount == stripped.count, try policy.storableImage(stripped).bytes == stripped
            else { FuzzFailure.violation("stripping changed the image or is not idempotent: \(info)") }
        } catch {
            FuzzFailure.violation("an accepted image fails to strip: \(error)")
        }
    }
}
