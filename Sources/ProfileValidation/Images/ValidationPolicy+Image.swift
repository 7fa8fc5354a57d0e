import ProfileDomain

extension ValidationPolicy {
    /// Checks uploaded image bytes: the real type by magic bytes (never the file name or declared
    /// content type), the byte size, and the pixel dimensions read from the header alone.
    ///
    /// - More bytes than ``ImageUploadRule/maximumBytes``, a side over
    ///   ``ImageUploadRule/maximumDimension`` or more pixels than ``ImageUploadRule/maximumPixels``
    ///   (a decompression bomb) throw 413 `payload_too_large` with a `too_large` field error.
    /// - Bytes that are no known image, a format outside ``ImageUploadRule/formats``, or a header
    ///   that is truncated or inconsistent throw 415 `unsupported_media_type` with an
    ///   `unsupported_type` or `invalid_format` field error.
    /// Only the first 64 KiB are read for the header, so the check costs the same for any size.
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
        let accepted = Messages.list(ImageFormat.allCases.filter(rule.formats.contains).map(\.rawValue))
        let header = Array(bytes.prefix(64 * 1024))
        switch ImageHeader.read(header) {
        case .failure(.unknownFormat):
            throw unsupported(
                field, code: .unsupportedType, "\(field) is not an image this server accepts; upload \(accepted)")
        case .failure(.truncated(let format)):
            throw unsupported(
                field, code: .invalidFormat,
                "\(field) starts like a \(format.rawValue) file but its header is cut short")
        case .failure(.malformed(let format, let reason)):
            throw unsupported(field, code: .invalidFormat, "\(field) is not a valid \(format.rawValue) file: \(reason)")
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

    private func tooLarge(_ field: String, _ message: String, limit: Int) -> ProfileError {
        ProfileError(
            code: .payloadTooLarge, status: .payloadTooLarge, message: message,
            fieldErrors: [FieldError(field: field, code: .tooLarge, message: message, limit: limit)])
    }

    private func unsupported(_ field: String, code: FieldErrorCode, _ message: String) -> ProfileError {
        ProfileError(
            code: .unsupportedMediaType, status: .unsupportedMediaType, message: message,
            fieldErrors: [FieldError(field: field, code: code, message: message)])
    }
}
