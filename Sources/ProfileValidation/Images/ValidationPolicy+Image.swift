import ProfileDomain

extension ValidationPolicy {
    /// Checks uploaded image bytes: the real type by magic bytes and structure (never the file
    /// name or declared content type), the byte size, that the file is complete, and the pixel
    /// dimensions read from the headers, without decoding a pixel.
    ///
    /// - More bytes than ``ImageUploadRule/maximumBytes``, a side over
    ///   ``ImageUploadRule/maximumDimension`` or more pixels than ``ImageUploadRule/maximumPixels``
    ///   (a decompression bomb) throw 413 `payload_too_large` with a `too_large` field error.
    /// - Bytes that are no known image (a text that starts with `BM` among them), a kind of file
    ///   the library does not read (a compressed bitmap) or a format outside
    ///   ``ImageUploadRule/formats`` throw 415 `unsupported_media_type` with `unsupported_type`.
    /// - A file of a known format that ends early (no JPEG EOI after the scans, no PNG IEND, no GIF
    ///   trailer, a RIFF size past the end) or whose structure is inconsistent (a bad PNG CRC, a
    ///   zero size) throws 415 with `invalid_format`.
    /// The file is walked to its end (segments and chunks by their lengths, JPEG scan data to the
    /// next marker), so the cost grows with the size, which is capped first.
    public func validateImage(
        _ bytes: some Collection<UInt8>, field: String = "avatar"
    ) throws(ProfileError)
        -> ImageInfo
    {
        let rule = imageUpload
        let byteCount = bytes.count
        if byteCount == 0 {
            throw unsupported(field, code: .required, "\(field) is empty; upload an image file")
        }
        if byteCount > rule.maximumBytes {
            throw tooLarge(
                field, "\(field) is \(byteCount) bytes; the limit is \(rule.maximumBytes)", limit: rule.maximumBytes)
        }
        let accepted = acceptedImageFormats
        switch ImageHeader.read(Array(bytes)) {
        case .failure(let failure):
            throw imageError(failure, field: field)
        case .success(let image):
            guard rule.formats.contains(image.format) else {
                throw unsupported(
                    field, code: .unsupportedType,
                    "\(field) is a \(image.format.rawValue) file; this server accepts \(accepted)")
            }
            let side = max(image.width, image.height)
            if side > rule.maximumDimension {
                throw tooLarge(
                    field,
                    "\(field) is \(image.width)x\(image.height) pixels; the limit is \(rule.maximumDimension) a side",
                    limit: rule.maximumDimension)
            }
            if image.width * image.height > rule.maximumPixels {
                throw tooLarge(
                    field,
                    "\(field) is \(image.width * image.height) pixels; the limit is \(rule.maximumPixels)",
                    limit: rule.maximumPixels)
            }
            return ImageInfo(format: image.format, width: image.width, height: image.height, byteCount: byteCount)
        }
    }

    /// Checks uploaded image bytes as ``validateImage(_:field:)`` does, then returns them without
    /// the metadata that says where, when and with what the picture was taken: the bytes to store,
    /// hash and serve.
    ///
    /// Kept: the encoded pixels byte for byte (no re-encoding), the colour profile, and the
    /// orientation, rewritten as a minimal EXIF block that holds only it when it is not 1.
    /// Dropped: EXIF (GPS included), XMP, IPTC, comments, text chunks, timestamps, thumbnails and
    /// bytes after the image's end. JPEG, PNG, WebP and GIF are stripped; a BMP has no metadata
    /// and is returned as it is. `info.byteCount` is the stripped size.
    ///
    /// - Throws: every error ``validateImage(_:field:)`` throws, the same way; a metadata segment
    ///   that does not fit in the file is 415 `invalid_format` as there.
    public func storableImage(
        _ bytes: some Collection<UInt8>, field: String = "avatar"
    ) throws(ProfileError) -> (info: ImageInfo, bytes: [UInt8]) {
        let info = try validateImage(bytes, field: field)
        switch ImageMetadataStripper.strip(Array(bytes), as: info.format) {
        case .failure(let failure):
            throw imageError(failure, field: field)
        case .success(let stripped):
            let storedInfo = ImageInfo(
                format: info.format, width: info.width, height: info.height, byteCount: stripped.count)
            return (storedInfo, stripped)
        }
    }

    /// The error an upload that ``ImageHeader`` could not read gets, one wording for every caller.
    private func imageError(_ failure: ImageHeader.Failure, field: String) -> ProfileError {
        let accepted = acceptedImageFormats
        return switch failure {
        case .unknownFormat:
            unsupported(
                field, code: .unsupportedType, "\(field) is not an image this server accepts; upload \(accepted)")
        case .unsupportedVariant(_, let kind):
            unsupported(
                field, code: .unsupportedType,
                "\(field) is \(kind), which this server does not read; upload \(accepted)")
        case .truncated(let format):
            unsupported(
                field, code: .invalidFormat,
                "\(field) starts like a \(format.rawValue) file but is cut short; upload the whole file")
        case .malformed(let format, let reason):
            unsupported(field, code: .invalidFormat, "\(field) is not a valid \(format.rawValue) file: \(reason)")
        }
    }

    /// The accepted formats as a sentence's list, e.g. `jpeg, png or webp`.
    private var acceptedImageFormats: String {
        Messages.list(ImageFormat.allCases.filter(imageUpload.formats.contains).map(\.rawValue))
    }

    private func tooLarge(_ field: String, _ message: String, limit: Int) -> ProfileError {
        ProfileError(
            code: .payloadTooLarge, message: message,
            fieldErrors: [FieldError(field: field, code: .tooLarge, message: message, limit: limit)])
    }

    private func unsupported(_ field: String, code: FieldErrorCode, _ message: String) -> ProfileError {
        ProfileError(
            code: .unsupportedMediaType, message: message,
            fieldErrors: [FieldError(field: field, code: code, message: message)])
    }
}
